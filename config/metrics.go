package config

import (
	"fmt"
	"net/netip"
	"strings"
)

// Metrics is who may read GET /metrics.
type Metrics struct {
	// Allow lists the client addresses (as the API sees them, through the
	// trusted proxies) that may read it without a token; empty when the
	// operator set "none".
	Allow []netip.Prefix
	// Token, when set, lets any client that sends it as a bearer token read it.
	Token string
}

// minMetricsToken keeps a guessable token out: the metrics are reachable
// from wherever the API is.
const minMetricsToken = 16

func readMetrics(r *reader) Metrics {
	m := Metrics{Token: r.str("SANTUNAN_METRICS_TOKEN", "")}
	if m.Token != "" && len(m.Token) < minMetricsToken {
		r.fail("SANTUNAN_METRICS_TOKEN", fmt.Sprintf("must have at least %d characters", minMetricsToken))
	}
	raw := r.str("SANTUNAN_METRICS_ALLOW", "127.0.0.0/8,::1")
	if strings.EqualFold(raw, "none") {
		return m
	}
	for _, p := range strings.Split(raw, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		prefix, ok := parsePrefix(p)
		if !ok {
			r.fail("SANTUNAN_METRICS_ALLOW", fmt.Sprintf("%q is neither an IP address nor a CIDR range (or none)", p))
			continue
		}
		m.Allow = append(m.Allow, prefix)
	}
	return m
}

// parsePrefix reads an address or a CIDR range; an address is the range
// of itself alone.
func parsePrefix(s string) (netip.Prefix, bool) {
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Masked(), true
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()), true
}
