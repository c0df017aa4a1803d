// Package config reads Santunan's settings from environment variables into
// one struct and checks them before anything starts.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"santunan/auth"
	"santunan/domain"
)

// Config is every setting. The README's configuration table lists the same.
type Config struct {
	Addr               string
	DatabaseURL        string
	SQLitePath         string
	AdminPassword      string
	RegencyCode        string
	ClaimWindowDays    int
	BenefitAmount      int64
	TrustedProxies     []string
	TrackRatePerMinute int
	LoginRatePerMinute int
	MaxBodyBytes       int64
	TokenTTL           time.Duration
	SessionIdle        time.Duration
	CookieSecure       bool
	ShutdownTimeout    time.Duration
	LogLevel           slog.Level
	Evidence           Evidence // documents and the death register (evidence.go)
	Metrics            Metrics  // who may read /metrics (metrics.go)
	// Offices are the contacts every public page, receipt and message
	// names (offices.go).
	Offices domain.Offices
	// PublicURL is where the public reaches the site (scheme and host, no
	// path), for the links in messages and the receipt's QR code.
	PublicURL string
	// PhoneCheckRatePerMinute bounds the one-time codes a client asks for
	// and enters per minute (SANTUNAN_PHONE_CHECK_RATE_PER_MINUTE).
	PhoneCheckRatePerMinute int
	// Notify are the messages to heirs (notify.go).
	Notify Notify
	// Standard is the service standard: stage times in working days and
	// the complaint deadlines (standard.go).
	Standard domain.ServiceStandard
	// Lapor is SP4N-LAPOR!'s integration API, off by default (lapor.go).
	Lapor Lapor
}

// FromEnv reads the configuration through getenv (os.Getenv in main) and
// reports every invalid setting at once. A setting not given takes its
// default, declared here or, for a capability's own setting, by that
// capability (auth.DefaultTokenTTL...): once, and never again in a front
// door, which takes its settings as given.
func FromEnv(getenv func(string) string) (Config, error) {
	r := reader{getenv: getenv}
	c := Config{
		Addr:               r.str("SANTUNAN_ADDR", ":8080"),
		DatabaseURL:        r.str("DATABASE_URL", ""),
		SQLitePath:         r.str("SANTUNAN_SQLITE_PATH", "./data/santunan.db"),
		AdminPassword:      r.str("SANTUNAN_ADMIN_PASSWORD", ""),
		RegencyCode:        r.str("SANTUNAN_REGENCY_CODE", "3324"),
		ClaimWindowDays:    r.integer("SANTUNAN_CLAIM_WINDOW_DAYS", 90, 1, 3650),
		BenefitAmount:      int64(r.integer("SANTUNAN_BENEFIT_AMOUNT", int(domain.DefaultBenefit), 1, 1_000_000_000)),
		TrustedProxies:     r.list("SANTUNAN_TRUSTED_PROXIES"),
		TrackRatePerMinute: r.integer("SANTUNAN_TRACK_RATE_PER_MINUTE", 60, 1, 100_000),
		LoginRatePerMinute: r.integer("SANTUNAN_LOGIN_RATE_PER_MINUTE", 30, 1, 100_000),
		MaxBodyBytes:       int64(r.integer("SANTUNAN_MAX_BODY_BYTES", 1<<20, 64<<10, 64<<20)),
		TokenTTL:           r.duration("SANTUNAN_TOKEN_TTL", auth.DefaultTokenTTL),
		SessionIdle:        r.duration("SANTUNAN_SESSION_IDLE", auth.DefaultSessionIdle),
		CookieSecure:       r.boolean("SANTUNAN_COOKIE_SECURE", false),
		ShutdownTimeout:    r.duration("SANTUNAN_SHUTDOWN_TIMEOUT", 30*time.Second),
		LogLevel:           r.level("SANTUNAN_LOG_LEVEL", slog.LevelInfo),
		// The heir's online forms (applications/).
		PhoneCheckRatePerMinute: r.integer("SANTUNAN_PHONE_CHECK_RATE_PER_MINUTE", 10, 1, 100_000),
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		r.fail("DATABASE_URL", "must be a postgres:// URL (leave it empty for the embedded SQLite)")
	}
	if len(c.RegencyCode) != 4 || strings.Trim(c.RegencyCode, "0123456789") != "" {
		r.fail("SANTUNAN_REGENCY_CODE", "must be a 4-digit regency code such as 3324")
	}
	if c.AdminPassword != "" && len(c.AdminPassword) < 10 {
		r.fail("SANTUNAN_ADMIN_PASSWORD", "must have at least 10 characters")
	}
	for _, p := range c.TrustedProxies {
		if _, ok := parsePrefix(p); !ok {
			r.fail("SANTUNAN_TRUSTED_PROXIES", fmt.Sprintf("%q is neither an IP address nor a CIDR range", p))
		}
	}
	if c.TokenTTL < time.Minute {
		r.fail("SANTUNAN_TOKEN_TTL", "must be at least 1m")
	}
	c.Evidence = readEvidence(&r)
	c.Metrics = readMetrics(&r)
	c.Offices = readOffices(&r)
	c.PublicURL = readPublicURL(&r)
	c.Notify = readNotify(&r)
	c.Standard = readStandard(&r)
	c.Lapor = readLapor(&r)
	if c.SessionIdle < time.Minute {
		r.fail("SANTUNAN_SESSION_IDLE", "must be at least 1m")
	}
	return c, errors.Join(r.errs...)
}

type reader struct {
	getenv func(string) string
	errs   []error
}

func (r *reader) fail(name, why string) { r.errs = append(r.errs, fmt.Errorf("%s %s", name, why)) }

func (r *reader) str(name, def string) string {
	if v := strings.TrimSpace(r.getenv(name)); v != "" {
		return v
	}
	return def
}

func (r *reader) integer(name string, def, min, max int) int {
	raw := strings.TrimSpace(r.getenv(name))
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < min || n > max {
		r.fail(name, fmt.Sprintf("must be a whole number from %d to %d", min, max))
		return def
	}
	return n
}

func (r *reader) duration(name string, def time.Duration) time.Duration {
	raw := strings.TrimSpace(r.getenv(name))
	if raw == "" {
		return def
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		r.fail(name, "must be a positive duration such as 30s or 12h")
		return def
	}
	return d
}

func (r *reader) boolean(name string, def bool) bool {
	raw := strings.TrimSpace(r.getenv(name))
	if raw == "" {
		return def
	}
	v, err := strconv.ParseBool(raw)
	if err != nil {
		r.fail(name, "must be true or false")
		return def
	}
	return v
}

func (r *reader) list(name string) []string {
	var out []string
	for _, p := range strings.Split(r.getenv(name), ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *reader) level(name string, def slog.Level) slog.Level {
	raw := strings.TrimSpace(r.getenv(name))
	if raw == "" {
		return def
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(raw)); err != nil {
		r.fail(name, "must be debug, info, warn or error")
		return def
	}
	return l
}
