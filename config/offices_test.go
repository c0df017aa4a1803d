package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"santunan/domain"
)

func TestDefaultOfficesAreCompleteAndMarkedAsExample(t *testing.T) {
	c, err := FromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if !c.Offices.Example {
		t.Error("the built-in offices must say they are an example")
	}
	for _, k := range domain.AllOffices {
		if _, ok := c.Offices.Get(k); !ok {
			t.Errorf("built-in offices lack %s", k)
		}
	}
}

func TestOfficesFileIsChecked(t *testing.T) {
	good := `{"offices":[{"key":"dukcapil","name":"Disdukcapil","address":"Jl. A","phone":"0294 1","hours":"08-15","whatsapp":"0812-3456-7890"},
	{"key":"dinsos","name":"Dinsos","address":"Jl. B","phone":"0294 2","hours":"08-15","map_url":"https://maps.example/x"}],"complaints":["LAPOR! 1708"]}`
	tests := []struct {
		name, body, want string
	}{
		{"good", good, ""},
		{"missing office", `{"offices":[{"key":"dinsos","name":"D","address":"A","phone":"1","hours":"h"}],"complaints":["x"]}`, `office "dukcapil" is missing`},
		{"no phone", strings.Replace(good, `"phone":"0294 1",`, ``, 1), "phone must be"},
		{"bad whatsapp", strings.Replace(good, "0812-3456-7890", "12", 1), "whatsapp must be"},
		{"http map", strings.Replace(good, "https://maps", "http://maps", 1), "map_url must be"},
		{"bidi in name", strings.Replace(good, "Disdukcapil", "Dis\u202edukcapil", 1), "name must be"},
		{"no complaints", strings.Replace(good, `"complaints":["LAPOR! 1708"]`, `"complaints":[]`, 1), "complaints must name"},
		{"unknown field", strings.Replace(good, `"complaints"`, `"fax":1,"complaints"`, 1), "not a valid offices JSON"},
		{"duplicate", strings.Replace(good, `"key":"dinsos"`, `"key":"dukcapil"`, 1), "given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "offices.json")
			if err := os.WriteFile(path, []byte(tt.body), 0o600); err != nil {
				t.Fatal(err)
			}
			c, err := FromEnv(func(k string) string {
				if k == "SANTUNAN_OFFICES_FILE" {
					return path
				}
				return ""
			})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if off, _ := c.Offices.Get(domain.OfficeDukcapil); off.WhatsApp != "+6281234567890" {
					t.Errorf("whatsapp %q, want it normalised", off.WhatsApp)
				}
				if c.Offices.Example {
					t.Error("a deployment's file is not an example")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestPublicURLIsAnOrigin(t *testing.T) {
	for raw, ok := range map[string]bool{
		"": true, "https://santunan.kendalkab.go.id": true, "https://santunan.kendalkab.go.id/": true,
		"http://localhost:8080": true, "ftp://x": false, "https://x/lacak": false, "https://u:p@x": false,
		"https://x?a=1": false, "santunan.kendalkab.go.id": false,
	} {
		c, err := FromEnv(func(k string) string {
			if k == "SANTUNAN_PUBLIC_URL" {
				return raw
			}
			return ""
		})
		if (err == nil) != ok {
			t.Errorf("%q: err %v, want ok=%v", raw, err, ok)
		}
		if ok && strings.HasSuffix(c.PublicURL, "/") {
			t.Errorf("%q: kept a trailing slash: %q", raw, c.PublicURL)
		}
	}
}
