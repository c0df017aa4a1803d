package config

import (
	"fmt"
	"strings"
	"testing"
)

func TestMetricsSettings(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.Metrics.Allow) != "[127.0.0.0/8 ::1/128]" || c.Metrics.Token != "" {
		t.Fatalf("defaults: %+v", c.Metrics)
	}
	for raw, want := range map[string]string{
		"10.1.2.3, 192.168.0.0/16": "[10.1.2.3/32 192.168.0.0/16]",
		"10.1.2.3/8":               "[10.0.0.0/8]",
		"::ffff:10.1.2.3":          "[10.1.2.3/32]",
		"none":                     "[]",
		"NONE":                     "[]",
	} {
		c, err := FromEnv(env(map[string]string{"SANTUNAN_METRICS_ALLOW": raw}))
		if err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		if got := fmt.Sprint(c.Metrics.Allow); got != want {
			t.Errorf("%q: %s, want %s", raw, got, want)
		}
	}
	c, err = FromEnv(env(map[string]string{"SANTUNAN_METRICS_TOKEN": "0123456789abcdef"}))
	if err != nil || c.Metrics.Token != "0123456789abcdef" {
		t.Fatalf("token: %q, %v", c.Metrics.Token, err)
	}
	for name, value := range map[string]string{
		"SANTUNAN_METRICS_ALLOW": "10.0.0.0/33",
		"SANTUNAN_METRICS_TOKEN": "short",
	} {
		if _, err := FromEnv(env(map[string]string{name: value})); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s=%q: err = %v, want one naming it", name, value, err)
		}
	}
	if _, err := FromEnv(env(map[string]string{"SANTUNAN_METRICS_ALLOW": "localhost"})); err == nil {
		t.Error("a host name was taken for an address")
	}
}
