package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"santunan/domain"
	"santunan/i18n"
)

// Every text a page asks for must exist in the catalog: a missing one would
// show its key to a clerk or an heir. Templates name keys in {{t "..."}} and
// {{tf "..."}}; Go code names them as string literals with a page-text
// prefix. Keys built at run time ("error."+code, "field."+name) are checked
// by the tests below.
func TestPagesAskOnlyForTextsThatExist(t *testing.T) {
	templateKey := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	err := fs.WalkDir(webFiles, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := webFiles.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(body), -1) {
			if !i18n.HasText(m[1]) {
				t.Errorf("%s asks for text %q, which the catalog lacks", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	goKey := regexp.MustCompile(`"((?:app|layout|format|nav|form|area|sex|field|hint|landing|track|login|home|claim_form|claim_new|claim|action|users|error|message|budget|decree|batch|payments|docs|match|register|unclaimed|event|password|security)\.[a-z0-9_.]*[a-z0-9_])"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(body), -1) {
			if !i18n.HasText(m[1]) {
				t.Errorf("%s names text %q, which the catalog lacks", f, m[1])
			}
		}
	}
}

// Every error code of the API has a sentence for pages. A capability that
// adds a code to httpkit/errors*.go adds "error.<code>" to i18n/pages_id.go.
func TestEveryErrorCodeHasAPageText(t *testing.T) {
	files, err := filepath.Glob("../httpkit/errors*.go")
	if err != nil {
		t.Fatal(err)
	}
	var codes [][]string
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, regexp.MustCompile(`(?m)^\s+Code[A-Z]\w*\s*=\s*"([a-z_]+)"`).FindAllStringSubmatch(string(body), -1)...)
	}
	if len(codes) < 10 {
		t.Fatalf("found only %d codes in httpkit/errors*.go", len(codes))
	}
	for _, m := range codes {
		if !i18n.HasText("error." + m[1]) {
			t.Errorf("error code %q has no page text error.%s", m[1], m[1])
		}
	}
}

// Every field a claim form shows, and every field the audit trail records,
// has a label.
func TestClaimFieldsHaveLabels(t *testing.T) {
	fields := []string{
		domain.FieldDeceasedNIK, domain.FieldDeceasedFullName, domain.FieldDeceasedDateOfDeath, domain.FieldDeceasedPlaceOfDeath,
		domain.FieldDeceasedKKNumber, domain.FieldDeceasedAddress, domain.FieldDeceasedVillageCode,
		domain.FieldHeirNIK, domain.FieldHeirFullName, domain.FieldHeirRelationship, domain.FieldHeirPhone,
		"bank_account." + domain.FieldBankCode, "bank_account." + domain.FieldAccountNumber, "bank_account." + domain.FieldAccountName,
		domain.FieldBankAccount, "amount", "warnings", "death_certificate_no", "bank_reference", "reason", "version",
	}
	for _, f := range fields {
		if !i18n.HasText("field." + f) {
			t.Errorf("field %q has no label field.%s", f, f)
		}
	}
	for _, code := range []int{400, 401, 403, 404, 409, 413, 422, 429, 500, 503} {
		if key := "message.title." + itoa(code); !i18n.HasText(key) {
			t.Errorf("no title %s", key)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestSafeNext(t *testing.T) {
	tests := map[string]string{
		"/staf":                      "/staf",
		"/staf/klaim/5":              "/staf/klaim/5",
		"/staf?q=siti&status=semua":  "/staf?q=siti&status=semua",
		"":                           "/staf",
		"/":                          "/staf",
		"/lacak":                     "/staf",
		"https://jahat.example/staf": "/staf",
		"//jahat.example/staf":       "/staf",
		"/staf\\@jahat.example":      "/staf",
		"/staf\r\nLocation: x":       "/staf",
		"/stafjahat":                 "/stafjahat",
	}
	for in, want := range tests {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSRFTokens(t *testing.T) {
	a, b := csrfToken("sesi-a", csrfForSession), csrfToken("sesi-b", csrfForSession)
	if a == b || a == csrfToken("sesi-a", csrfForLogin) || len(a) != 43 {
		t.Fatalf("tokens do not depend on secret and purpose: %q %q", a, b)
	}
	cases := []struct {
		secret, got string
		ok          bool
	}{
		{"sesi-a", a, true},
		{"sesi-b", a, false},
		{"", csrfToken("", csrfForSession), false},
		{"sesi-a", "", false},
		{"sesi-a", a[:42], false},
		{"sesi-a", a + "A", false},
	}
	for i, c := range cases {
		if got := csrfValid(c.secret, csrfForSession, c.got); got != c.ok {
			t.Errorf("case %d: csrfValid = %t, want %t", i, got, c.ok)
		}
	}
}
