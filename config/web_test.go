package config

import (
	"strings"
	"testing"
	"time"
)

func TestWebSettings(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.SessionIdle != 30*time.Minute || c.CookieSecure {
		t.Fatalf("defaults: idle %v, secure %t", c.SessionIdle, c.CookieSecure)
	}
	c, err = FromEnv(env(map[string]string{"SANTUNAN_SESSION_IDLE": "15m", "SANTUNAN_COOKIE_SECURE": "true"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.SessionIdle != 15*time.Minute || !c.CookieSecure {
		t.Fatalf("values not read: idle %v, secure %t", c.SessionIdle, c.CookieSecure)
	}
	for name, value := range map[string]string{
		"SANTUNAN_SESSION_IDLE":  "30s",
		"SANTUNAN_COOKIE_SECURE": "yes please",
	} {
		if _, err := FromEnv(env(map[string]string{name: value})); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s=%q: err = %v, want one naming it", name, value, err)
		}
	}
}
