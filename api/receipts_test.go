package api_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/receiptcheck"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// The receipt from the API on the production wiring: the claim's code,
// the masked name, the documents received (the current ones, once each),
// the offices of the configuration with the holding office first, the
// no-fee sentence; no NIK, phone, account number or full name; its
// printed QR code reads as the tracking link on the public origin.
func TestReceiptPDFFromTheAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_PUBLIC_URL", "https://santunan.kendalkab.go.id"))
		s := h.on()
		c := s.File(1)
		s.AttachAll(c, []domain.DocumentKind{domain.DocumentAktaKematian, domain.DocumentKTPAhliWaris})
		s.Attach(c, string(domain.DocumentAktaKematian), []byte("%PDF-1.7\n% a better scan\n%%EOF\n")) // replaces the first
		for _, role := range []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor} {
			resp := h.do(http.MethodGet, testserver.ClaimPath(c.ID)+"/receipt.pdf", role, nil)
			if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
				t.Fatalf("as %s: content type %q", role, ct)
			}
			if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="tanda-terima-`+c.Code+`.pdf"` {
				t.Errorf("as %s: Content-Disposition %q", role, cd)
			}
			pdf := h.expect(resp, http.StatusOK, nil)
			text := receiptcheck.Text(t, pdf)
			for _, want := range []string{c.Code, "A*** F***", "Akta kematian", "KTP ahli waris",
				"Klaim Anda sedang di Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal.",
				"Dinas Sosial Kabupaten Kendal", "Jl. Soekarno-Hatta, Kendal, Jawa Tengah", "WhatsApp +6281200000002",
				"Layanan ini tidak dipungut biaya.", "Inspektorat Kabupaten Kendal",
				"28 November 2026 pukul 10.00 WIB"} {
				if !strings.Contains(text, want) {
					t.Errorf("as %s: the receipt lacks %q:\n%s", role, want, text)
				}
			}
			if n := strings.Count(text, "Akta kematian"); n != 1 {
				t.Errorf("as %s: the replaced akta is listed %d times", role, n)
			}
			for _, never := range []string{c.Deceased.NIK, c.Heir.NIK, "081234567890", "+6281234567890", "1234567890",
				"Ahmad", "Fauzi", "Siti Aminah", "SITI AMINAH", "Kartu Keluarga"} {
				if strings.Contains(text, never) {
					t.Errorf("as %s: the receipt shows %q", role, never)
				}
			}
			if got, ok := receiptcheck.QR(t, pdf); ok && got != "https://santunan.kendalkab.go.id/lacak?kode="+c.Code {
				t.Errorf("as %s: the QR code reads %q", role, got)
			}
		}
		// A4 on request; a paper it does not know, a 422 naming the field.
		a4 := h.expect(h.do(http.MethodGet, testserver.ClaimPath(c.ID)+"/receipt.pdf?paper=a4", domain.RoleAuditor, nil), http.StatusOK, nil)
		if !strings.Contains(receiptcheck.Text(t, a4), c.Code) {
			t.Error("the A4 receipt lacks the code")
		}
		e := h.expectError(h.do(http.MethodGet, testserver.ClaimPath(c.ID)+"/receipt.pdf?paper=letter", domain.RoleAuditor, nil),
			http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["paper"] == "" {
			t.Errorf("the refusal names no field: %+v", e)
		}
		// The admin sees no claims; an unknown claim is a 404.
		h.expectError(h.do(http.MethodGet, testserver.ClaimPath(c.ID)+"/receipt.pdf", domain.RoleAdmin, nil), http.StatusForbidden, "forbidden")
		h.expectError(h.do(http.MethodGet, testserver.ClaimPath(c.ID+1000)+"/receipt.pdf", domain.RoleAuditor, nil), http.StatusNotFound, "not_found")
		h.expectError(h.send(http.MethodGet, testserver.ClaimPath(c.ID)+"/receipt.pdf", "", nil), http.StatusUnauthorized, "unauthenticated")
	})
}
