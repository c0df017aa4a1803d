package web

import (
	"html/template"
	"strconv"
	"time"

	"santunan/domain"
	"santunan/i18n"
)

// templateFuncs are the helpers templates may call. Every text, label, date
// and amount a page shows goes through i18n, so a page has no text of its own.
func templateFuncs(lang i18n.Lang, ps *pageSet, offices domain.Offices) template.FuncMap {
	return template.FuncMap{
		"t":  func(key string) string { return i18n.Text(lang, key) },
		"tf": func(key string, pairs ...string) string { return i18n.Textf(lang, key, pairs...) },
		"date": func(v any) string {
			if p, ok := v.(*domain.Date); ok && p != nil {
				v = *p
			}
			switch d := v.(type) {
			case domain.Date:
				if d.IsZero() {
					return ""
				}
				return i18n.FormatDate(lang, d.Time())
			case time.Time:
				if d.IsZero() {
					return ""
				}
				return i18n.FormatDate(lang, d.In(domain.Jakarta()))
			}
			return ""
		},
		"datetime":     func(t time.Time) string { return formatDateTime(lang, t) },
		"isodate":      func(d domain.Date) string { return d.String() },
		"money":        i18n.FormatRupiah,
		"statusLabel":  func(s domain.Status) string { return i18n.StatusLabel(lang, s) },
		"statusKind":   func(s domain.Status) domain.StatusKind { return s.Kind() },
		"actionLabel":  func(a domain.Action) string { return i18n.ActionLabel(lang, a) },
		"roleLabel":    func(r domain.Role) string { return i18n.RoleLabel(lang, r) },
		"relationship": func(r domain.Relationship) string { return i18n.RelationshipLabel(lang, r) },
		"warning":      func(code string) string { return i18n.Warning(lang, code) },
		"asset":        ps.asset,
		"itoa":         func(n int64) string { return strconv.FormatInt(n, 10) },
		"telDigits":    telDigits,
		"officesFor":   func(st domain.Status) officesView { return officesOf(offices, st) },
		// withCSRF gives a form the page's CSRF token unless it has its own
		// (the login form's): {{template "form" withCSRF .Data.Form $.CSRF}}.
		"withCSRF": func(f formView, token string) formView {
			if f.CSRF == "" {
				f.CSRF = token
			}
			return f
		},
	}
}

// formatDateTime writes a moment as "28 November 2026 pukul 10.00 WIB": the
// date and the clock in Asia/Jakarta, as Kendal reads them.
func formatDateTime(lang i18n.Lang, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	local := t.In(domain.Jakarta())
	return i18n.Textf(lang, "format.datetime", "date", i18n.FormatDate(lang, local), "time", local.Format("15.04"))
}

func actionLabel(a domain.Action) string { return i18n.ActionLabel(i18n.Indonesian, a) }

func formatDate(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return i18n.FormatDate(i18n.Indonesian, d.Time())
}

// textKeyFor returns prefix+key when the catalog has that text, else "".
func textKeyFor(prefix, key string) string {
	if i18n.HasText(prefix + key) {
		return prefix + key
	}
	return ""
}
