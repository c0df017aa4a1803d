package config

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"unicode/utf8"

	"santunan/domain"
)

// defaultOffices are sample contacts so that `go run .` shows complete
// pages; they are marked as an example, and a deployment sets
// SANTUNAN_OFFICES_FILE to the offices' real ones.
//
//go:embed offices_default.json
var defaultOffices []byte

// readOffices reads SANTUNAN_OFFICES_FILE (a JSON file in the shape of
// offices_default.json), or the built-in example, and checks that every
// office an heir may be sent to is there with an address, a phone and hours.
func readOffices(r *reader) domain.Offices {
	const name = "SANTUNAN_OFFICES_FILE"
	raw := defaultOffices
	if path := r.str(name, ""); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			r.fail(name, fmt.Sprintf("cannot be read: %v", err))
			return domain.Offices{}
		}
		raw = b
	}
	offices, problems := ParseOffices(raw)
	for _, p := range problems {
		r.fail(name, p)
	}
	return offices
}

// ParseOffices decodes and checks an offices file; the problems say what
// is wrong, in English for the operator.
func ParseOffices(raw []byte) (domain.Offices, []string) {
	var o domain.Offices
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return domain.Offices{}, []string{fmt.Sprintf("is not a valid offices JSON file: %v", err)}
	}
	var problems []string
	seen := map[domain.OfficeKey]bool{}
	for i, off := range o.Offices {
		at := fmt.Sprintf("offices[%d] (%s)", i, off.Key)
		if seen[off.Key] {
			problems = append(problems, at+": key given twice")
		}
		seen[off.Key] = true
		for field, v := range map[string]string{"name": off.Name, "address": off.Address, "phone": off.Phone, "hours": off.Hours} {
			if !plainText(v, 200) {
				problems = append(problems, fmt.Sprintf("%s: %s must be 1 to 200 printable characters", at, field))
			}
		}
		if off.WhatsApp != "" {
			if phone, code := domain.NormalizePhone(off.WhatsApp); code != "" {
				problems = append(problems, at+": whatsapp must be an Indonesian mobile number such as +6281234567890")
			} else {
				o.Offices[i].WhatsApp = phone
			}
		}
		if off.MapURL != "" {
			if u, err := url.Parse(off.MapURL); err != nil || u.Scheme != "https" || u.Host == "" {
				problems = append(problems, at+": map_url must be an https:// URL")
			}
		}
	}
	for _, k := range domain.AllOffices {
		if !seen[k] {
			problems = append(problems, fmt.Sprintf("office %q is missing", k))
		}
	}
	for i, c := range o.Complaints {
		if !plainText(c, 300) {
			problems = append(problems, fmt.Sprintf("complaints[%d] must be 1 to 300 printable characters", i))
		}
	}
	if len(o.Complaints) == 0 {
		problems = append(problems, "complaints must name at least one place to report a request for money")
	}
	return o, problems
}

func plainText(s string, max int) bool {
	return strings.TrimSpace(s) != "" && utf8.RuneCountInString(s) <= max && domain.LineViolation(s) == ""
}
