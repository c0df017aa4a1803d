package web

import (
	"strings"

	"santunan/domain"
)

// officesView is what the "offices" partial shows: every office, the one
// holding the claim first and named in Holding (empty off a claim's page).
type officesView struct {
	Holding    string
	Offices    []domain.Office
	Complaints []string
}

// officesFor is the contacts block of a page about a claim in status s;
// the zero status gives every office in configuration order.
func (s *Server) officesFor(st domain.Status) officesView { return officesOf(s.Offices, st) }

// officesOf is officesFor on the offices o, which the templates' function
// "officesFor" is bound to: {{template "offices" (officesFor .Status)}}.
func officesOf(o domain.Offices, st domain.Status) officesView {
	if st == "" {
		return officesView{Offices: o.Offices, Complaints: o.Complaints}
	}
	first := o.OfficesFirst(st)
	v := officesView{Offices: first, Complaints: o.Complaints}
	if len(first) > 0 {
		v.Holding = first[0].Name
	}
	return v
}

// telDigits keeps a phone number's digits and a leading +, for tel: and
// wa.me links (wa.me takes digits only, so the + is dropped there too).
func telDigits(phone string) string {
	var b strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
