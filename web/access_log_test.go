package web_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func accessLogPath(id int64) string { return claimPath(id) + "/dokumen/log-akses" }

// The auditor reads, from the claim page, who opened which document: the
// same entries as the JSON access log, newest first. No other role reads it.
func TestDocumentAccessLogPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c, quiet := h.File(1), h.File(2)
		akta := h.Attach(c, "akta_kematian", testserver.SamplePDF)
		book := h.Attach(c, "buku_tabungan", testserver.SampleJPEG)
		docHref := func(id int64) string { return claimPath(c.ID) + "/dokumen/" + itoa(id) }
		h.staff(domain.RoleDukcapilClerk).get(docHref(akta.ID)).want(http.StatusOK)
		h.staff(domain.RoleTreasurer).get(docHref(book.ID)).want(http.StatusOK)
		// A refused download is not an access.
		h.staff(domain.RoleTreasurer).get(docHref(akta.ID)).want(http.StatusForbidden)

		auditor := h.staff(domain.RoleAuditor)
		auditor.get(claimPath(c.ID)).want(http.StatusOK).
			hasHTML(`<a href="` + accessLogPath(c.ID) + `">Log akses dokumen</a>`)
		p := auditor.get(accessLogPath(c.ID)).want(http.StatusOK)
		p.has("Log akses dokumen klaim "+c.Code, "← Kembali ke klaim",
			"Akta kematian", "akta_kematian.pdf", "Buku tabungan", "buku_tabungan.pdf",
			"dukcapil_clerk", i18n.RoleLabel(i18n.Indonesian, domain.RoleDukcapilClerk),
			"treasurer", i18n.RoleLabel(i18n.Indonesian, domain.RoleTreasurer),
			"28 November 2026 pukul 10.00 WIB", "127.0.0.1")
		body := p.body[strings.Index(p.body, "<tbody>"):]
		if rows := strings.Count(body, "<tr>"); rows != 2 {
			t.Fatalf("%d rows, want 2 (refused downloads are not logged):\n%s", rows, body)
		}
		if strings.Index(body, "treasurer") > strings.Index(body, "dukcapil_clerk") {
			t.Fatalf("the log is not newest first:\n%s", body)
		}
		var log struct {
			Entries []struct{} `json:"entries"`
		}
		h.Expect(h.Do(http.MethodGet, testserver.DocumentsPath(c.ID)+"/access-log", domain.RoleAuditor, nil), http.StatusOK, &log)
		if len(log.Entries) != 2 {
			t.Fatalf("the API lists %d entries, the page 2", len(log.Entries))
		}

		auditor.get(accessLogPath(quiet.ID)).want(http.StatusOK).has("Belum ada yang membuka dokumen klaim ini.")
		auditor.get(accessLogPath(999999)).want(http.StatusNotFound)
		auditor.get(claimPath(c.ID) + "/dokumen/x/log-akses").want(http.StatusNotFound)

		for _, role := range []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAdmin} {
			v := h.staff(role)
			if role != domain.RoleAdmin {
				v.get(claimPath(c.ID)).want(http.StatusOK).hasNot("Log akses dokumen")
			}
			v.get(accessLogPath(c.ID)).want(http.StatusForbidden).has(text(t, "error.forbidden")).hasNot("127.0.0.1")
		}
		// Signed out, the page asks for a login.
		if p := h.visitor().get(accessLogPath(c.ID)); p.status != http.StatusSeeOther {
			t.Fatalf("signed out: status %d", p.status)
		}
	})
}
