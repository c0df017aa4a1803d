package web

import (
	"bytes"
	"strings"
	"testing"

	"santunan/domain"
	"santunan/i18n"
)

// The form partial draws every kind of field the pages use, with its
// label, hint and error wired for screen readers.
func TestFormPartialDrawsEveryFieldType(t *testing.T) {
	ps, err := loadPages(i18n.Indonesian, domain.Offices{})
	if err != nil {
		t.Fatal(err)
	}
	fv := formView{Action: "/x", CSRF: "tok", Hidden: []hiddenField{{Name: "version", Value: "3"}}, Submit: "Kirim",
		SubmitClass: "danger", Sections: []formSection{{Title: "Bagian", Fields: []formField{
			{Name: "a.text", Label: "Teks", Type: "text", Value: `"<x>"`, Hint: "Petunjuk", Required: true, InputMode: "numeric"},
			{Name: "b", Label: "Pilihan", Type: "select", Placeholder: "— Pilih —",
				Options: []option{{Value: "1", Label: "Satu"}, {Value: "2", Label: "Dua", Selected: true}}},
			{Name: "c", Label: "Kelompok", Type: "select", Groups: []optGroup{{Label: "G", Options: []option{{Value: "g1", Label: "G1", Selected: true}}}}},
			{Name: "d", Label: "Catatan", Type: "textarea", Value: "baris"},
			{Name: "e", Label: "Setuju", Type: "checkbox", Value: "true"},
		}}}}
	fv.prefixIDs("p-")
	fv.applyErrors(domain.FieldErrors{"a.text": domain.ViolationRequired, "e": domain.ViolationRequired, "elsewhere": domain.ViolationTooLong})
	var buf bytes.Buffer
	if err := ps.pages["message"].ExecuteTemplate(&buf, "form", fv); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{
		`<form class="form" method="post" action="/x" novalidate>`, `name="_csrf" value="tok"`, `name="version" value="3"`,
		`<legend>Bagian</legend>`, `<label for="f-p-a-text">Teks <span class="req" aria-hidden="true">*</span></label>`,
		`value="&#34;&lt;x&gt;&#34;"`, `aria-describedby="h-p-a-text e-p-a-text"`, `aria-invalid="true"`, `inputmode="numeric"`,
		`<p class="error" id="e-p-a-text">Wajib diisi.</p>`, `<option value="">— Pilih —</option>`, `<option value="2" selected>Dua</option>`,
		`<optgroup label="G">`, `<option value="g1" selected>G1</option>`, `>baris</textarea>`,
		`type="checkbox" value="true" checked`, `<a href="#f-p-a-text">Teks: Wajib diisi.</a>`, `<li>elsewhere: Isian terlalu panjang.</li>`,
		`<button type="submit" class="btn danger">Kirim</button>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("form lacks %s\n%s", want, html)
		}
	}
	buf.Reset()
	get := formView{Method: "get", Action: "/staf", CSRF: "tok", Submit: "Cari"}
	if err := ps.pages["message"].ExecuteTemplate(&buf, "form", get); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "_csrf") || !strings.Contains(buf.String(), `method="get"`) {
		t.Errorf("a GET form must not carry the CSRF token:\n%s", buf.String())
	}
}
