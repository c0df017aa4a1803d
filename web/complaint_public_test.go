package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"santunan/database"
	"santunan/internal/testdb"
)

// An anonymous complaint from the public form: the form keeps what was
// typed on error, the result shows the code, and /aduan/lacak follows it.
func TestAnonymousComplaintFromThePublicForm(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.visitor()
		v.get("/aduan").want(http.StatusOK).has("Sampaikan aduan", "Anonim (tanpa nama)", "Dengan nama", "Nomor HP Anda")
		v.get("/aduan/formulir").want(http.StatusOK).has("Pungutan liar / diminta uang", "Ceritakan apa yang terjadi", "Rahasia").
			hasNot("Tampil sebagai")
		bad := v.postFiles("/aduan/formulir", url.Values{"category": {"pungli"}, "text": {"pendek"}, "identity": {"anonim"},
			"named_unit": {"dinsos"}, "claim_code": {"SKM-0000-0000"}}, nil)
		bad.want(http.StatusUnprocessableEntity).hasHTML(`value="pungli" checked`, `<option value="dinsos" selected>`)
		ok := v.postFiles("/aduan/formulir", url.Values{"category": {"pungli"}, "text": {"Petugas meminta uang Rp200.000 agar berkas cepat diproses."},
			"identity": {"anonim"}, "named_unit": {"dinsos"}, "confidential": {"true"}}, nil)
		ok.want(http.StatusCreated).has("Aduan terkirim", "Kode aduan Anda", "3 hari kerja")
		code := regexpFind(t, ok.body, `data-code>([A-Z0-9-]+)<`)
		v.post("/aduan/lacak", url.Values{"code": {code}}).want(http.StatusOK).has("Diterima, menunggu pemeriksaan", "Batas waktu", code)
		v.post("/aduan/lacak", url.Values{"code": {"ADU-0000-0000-0000"}}).want(http.StatusNotFound).has("tidak ditemukan")
	})
}
