package config

import (
	"log/slog"
	"strings"
	"testing"
	"time"
)

func env(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func TestDefaults(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.SQLitePath != "./data/santunan.db" || c.RegencyCode != "3324" ||
		c.ClaimWindowDays != 90 || c.BenefitAmount != 1_000_000 || c.TrackRatePerMinute != 60 ||
		c.TokenTTL != 12*time.Hour || c.LogLevel != slog.LevelInfo || c.DatabaseURL != "" {
		t.Fatalf("unexpected defaults: %+v", c)
	}
}

func TestReadsValues(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"SANTUNAN_ADDR": "127.0.0.1:9000", "DATABASE_URL": "postgres://u@h/db", "SANTUNAN_CLAIM_WINDOW_DAYS": "30",
		"SANTUNAN_BENEFIT_AMOUNT": "1500000", "SANTUNAN_TRUSTED_PROXIES": "10.0.0.1, 192.168.0.0/16",
		"SANTUNAN_TOKEN_TTL": "8h", "SANTUNAN_LOG_LEVEL": "debug",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9000" || c.ClaimWindowDays != 30 || c.BenefitAmount != 1_500_000 ||
		len(c.TrustedProxies) != 2 || c.TrustedProxies[1] != "192.168.0.0/16" || c.TokenTTL != 8*time.Hour ||
		c.LogLevel != slog.LevelDebug {
		t.Fatalf("values not read: %+v", c)
	}
}

func TestRefusesBadValues(t *testing.T) {
	cases := map[string]string{
		"SANTUNAN_CLAIM_WINDOW_DAYS":     "ninety",
		"SANTUNAN_BENEFIT_AMOUNT":        "-5",
		"DATABASE_URL":                   "mysql://x",
		"SANTUNAN_REGENCY_CODE":          "33",
		"SANTUNAN_TRUSTED_PROXIES":       "not-an-ip",
		"SANTUNAN_TOKEN_TTL":             "forever",
		"SANTUNAN_LOG_LEVEL":             "loud",
		"SANTUNAN_ADMIN_PASSWORD":        "short",
		"SANTUNAN_TRACK_RATE_PER_MINUTE": "0",
	}
	for name, value := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := FromEnv(env(map[string]string{name: value}))
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Fatalf("err = %v, want one naming %s", err, name)
			}
		})
	}
}

func TestReportsAllProblemsAtOnce(t *testing.T) {
	_, err := FromEnv(env(map[string]string{"SANTUNAN_CLAIM_WINDOW_DAYS": "x", "SANTUNAN_LOG_LEVEL": "y"}))
	if err == nil || !strings.Contains(err.Error(), "SANTUNAN_CLAIM_WINDOW_DAYS") || !strings.Contains(err.Error(), "SANTUNAN_LOG_LEVEL") {
		t.Fatalf("err = %v, want both settings named", err)
	}
}
