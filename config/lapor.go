package config

import "time"

// Lapor is SP4N-LAPOR!'s integration API, off unless SANTUNAN_LAPOR_URL is
// set: the endpoint that takes one complaint report (JSON), its bearer
// token and the timeout of one call.
type Lapor struct {
	URL     string
	Token   string
	Timeout time.Duration
}

func readLapor(r *reader) Lapor {
	l := Lapor{
		URL:     r.str("SANTUNAN_LAPOR_URL", ""),
		Token:   r.str("SANTUNAN_LAPOR_TOKEN", ""),
		Timeout: r.duration("SANTUNAN_LAPOR_TIMEOUT", 15*time.Second),
	}
	if l.URL != "" {
		checkGatewayURL(r, "SANTUNAN_LAPOR_URL", l.URL)
	}
	return l
}
