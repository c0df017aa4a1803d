package api_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Every text field of the complaints refuses NUL, bytes that are not
// UTF-8 and the characters that hide or reorder text, with 422 naming the
// field; too long, too short, unknown values and bad evidence are clear
// 4xx with their codes; nothing is filed, and nothing is logged as an error.
func TestComplaintBadInput(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs testserver.LogBuffer
		s := testserver.Start(t, db, testserver.At(monday), testserver.Log(&logs))
		c := s.FileComplaint(testserver.ComplaintBody(domain.CategoryOther), "")
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
		with := func(key, value string) map[string]any {
			b := testserver.ComplaintBody(domain.CategoryOther)
			b[key] = value
			return b
		}
		officer := domain.RoleComplaintOfficer
		path := testserver.ComplaintPath(c.ID)
		cases := []textCase{
			{"text", "POST", "/api/v1/public/complaints", "", with("text", "Petugas meminta "+bad+" uang tambahan."), "text", false},
			{"name", "POST", "/api/v1/public/complaints", "", with("name", "Budi"+bad+"Santoso"), "name", false},
			{"village", "POST", "/api/v1/public/complaints", "", with("village_code", "3324151001"+bad), "village_code", true},
			{"claim code", "POST", "/api/v1/public/complaints", "", map[string]any{"category": "lainnya", "identity": "anonim",
				"text": "Tolong periksa klaim ini.", "claim_code": "SKM-" + bad, "heir_nik": "3324155505800001"}, "claim_code", false},
			{"decline reason", "POST", path + "/decline", officer, map[string]any{"reason": "Bukan " + bad, "redirect": "Polres"}, "reason", false},
			{"decline redirect", "POST", path + "/decline", officer, map[string]any{"reason": "Bukan kewenangan", "redirect": "Pol" + bad + "res"}, "redirect", false},
			{"unit name", "POST", path + "/assign", officer, map[string]any{"unit": "dinsos", "unit_name": "Bidang " + bad}, "unit_name", false},
			{"dispute reason", "POST", testserver.PublicComplaintPath(c.Code) + "/dispute", "", map[string]any{"reason": "Belum " + bad}, "reason", false},
			{"tracking code", "GET", testserver.PublicComplaintPath("ADU-" + bad), "", nil, "code", false},
			{"status filter", "GET", testserver.ComplaintsPath + "?status=received" + bad, officer, nil, "status", false},
		}
		for _, bt := range testserver.BadTexts {
			for _, tc := range cases {
				t.Run(bt.Name+"/"+tc.name, func(t *testing.T) {
					s := s.With(t)
					p := strings.ReplaceAll(tc.path, bad, url.PathEscape(bt.S))
					var body any
					if tc.body != nil {
						body = jsonWith(t, tc.body, bt.S)
					}
					e := s.ExpectError(s.Do(tc.method, p, tc.role, body), http.StatusUnprocessableEntity, "validation_failed")
					if e.Error.Fields[tc.field] == "" {
						t.Fatalf("fields %v, want %s", e.Error.Fields, tc.field)
					}
				})
			}
		}
		for _, tc := range []struct {
			name   string
			body   map[string]any
			status int
			field  string
		}{
			{"oversize text", with("text", strings.Repeat("panjang ", 600)), http.StatusUnprocessableEntity, "text"},
			{"no text", with("text", "  "), http.StatusUnprocessableEntity, "text"},
			{"a word", with("text", "tolong"), http.StatusUnprocessableEntity, "text"},
			{"unknown category", with("category", "korupsi"), http.StatusUnprocessableEntity, "category"},
			{"unknown identity", with("identity", "samaran"), http.StatusUnprocessableEntity, "identity"},
			{"unknown office", with("named_unit", "polres"), http.StatusUnprocessableEntity, "named_unit"},
			{"desa outside the regency", with("village_code", "3374010001"), http.StatusUnprocessableEntity, "village_code"},
			{"named without a name", with("identity", "named"), http.StatusUnprocessableEntity, "name"},
			{"named without a phone", map[string]any{"category": "lainnya", "identity": "named", "name": "Budi",
				"text": "Tolong periksa klaim ini."}, http.StatusUnprocessableEntity, "phone_token"},
			{"claim code without NIK", with("claim_code", "SKM-0000-0000"), http.StatusUnprocessableEntity, "heir_nik"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s := s.With(t)
				e := s.ExpectError(s.SendComplaint(tc.body, ""), tc.status, "validation_failed")
				if e.Error.Fields[tc.field] == "" {
					t.Fatalf("fields %v, want %s", e.Error.Fields, tc.field)
				}
			})
		}
		// Evidence: a photo or PDF by its content; anything else is 415,
		// too many files or too large a file 422.
		s.ExpectError(s.FileComplaintWithEvidence(testserver.ComplaintBody(domain.CategoryOther), "",
			[]byte("MZ\x90\x00 not a pdf at all")), http.StatusUnsupportedMediaType, "unsupported_media_type")
		pdf := testserver.PDF("bukti")
		e := s.ExpectError(s.FileComplaintWithEvidence(testserver.ComplaintBody(domain.CategoryOther), "", pdf, pdf, pdf, pdf),
			http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["evidence"] == "" {
			t.Fatalf("four files: %v", e.Error.Fields)
		}
		big := append(bytes.Clone(pdf), bytes.Repeat([]byte(" "), int(s.Config.Evidence.MaxUploadBytes))...)
		resp := s.FileComplaintWithEvidence(testserver.ComplaintBody(domain.CategoryOther), "", big)
		if resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusRequestEntityTooLarge {
			s.Expect(resp, http.StatusUnprocessableEntity, nil)
		}
		resp.Body.Close()
		// A valid file is kept, and the officer can open it.
		var pub testserver.PublicComplaint
		s.Expect(s.FileComplaintWithEvidence(testserver.ComplaintBody(domain.CategoryOther), "", pdf), http.StatusCreated, &pub)
		got := s.GetComplaint(s.ComplaintByCode(pub.Code).ID, domain.RoleComplaintOfficer)
		if len(got.Evidence) != 1 || got.Evidence[0].ContentType != "application/pdf" {
			t.Fatalf("evidence %+v", got.Evidence)
		}
		raw := s.Expect(s.Do(http.MethodGet, testserver.ComplaintPath(got.ID)+"/evidence/"+itoa(got.Evidence[0].ID)+"/content",
			domain.RoleComplaintOfficer, nil), http.StatusOK, nil)
		if !bytes.Equal(raw, pdf) {
			t.Fatal("the evidence came back different")
		}
		// An unknown code is 404, whatever its shape.
		s.ExpectError(s.Send(http.MethodGet, testserver.PublicComplaintPath("ADU-0000-0000-0000"), "", nil), http.StatusNotFound, "not_found")
		s.ExpectError(s.Send(http.MethodGet, testserver.PublicComplaintPath("bukan-kode"), "", nil), http.StatusNotFound, "not_found")
		// Only the two complaints that passed were filed.
		var page struct {
			Items []testserver.Complaint `json:"items"`
		}
		s.Expect(s.Do(http.MethodGet, testserver.ComplaintsPath, domain.RoleComplaintOfficer, nil), http.StatusOK, &page)
		if len(page.Items) != 2 {
			t.Fatalf("%d complaints after the refusals", len(page.Items))
		}
		logs.NoErrorLines(t)
	})
}
