package api_test

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// upload posts a file as multipart/form-data; the part always claims to be
// a PDF, which must not matter.
func (h *harness) upload(claimID int64, role domain.Role, kind, filename string, data []byte) *http.Response {
	h.t.Helper()
	return h.on().Upload(claimID, role, kind, filename, data)
}

func (h *harness) attach(c claimOut, kind string, data []byte) docOut {
	h.t.Helper()
	return h.on().Attach(c, kind, data)
}

func TestDocumentUploadLimitsAndSniffing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		clerk := domain.RoleDukcapilClerk

		var png docOut
		h.expect(h.upload(c.ID, clerk, "kartu_keluarga", "kk.pdf", testserver.SamplePNG), http.StatusCreated, &png)
		if png.ContentType != "image/png" || png.Filename != "kk.pdf" || png.Size != int64(len(testserver.SamplePNG)) || len(png.SHA256) != 64 {
			t.Fatalf("PNG named .pdf: %+v", png)
		}
		// Bigger than the API's 1 MiB JSON limit, within the 5 MB file limit.
		big := append(append([]byte(nil), testserver.SamplePDF...), make([]byte, 2<<20)...)
		h.expect(h.upload(c.ID, clerk, "surat_ahli_waris", "surat.pdf", big), http.StatusCreated, nil)

		cases := []struct {
			name   string
			role   domain.Role
			kind   string
			data   []byte
			status int
			code   string
		}{
			{"HTML named .pdf", clerk, "akta_kematian", testserver.SampleHTML, 415, "unsupported_media_type"},
			{"one byte over 5 MB", clerk, "akta_kematian", append(append([]byte(nil), testserver.SamplePDF...), make([]byte, documents.DefaultMaxBytes+1-len(testserver.SamplePDF))...), 413, "payload_too_large"},
			{"far over the limit", clerk, "akta_kematian", make([]byte, 8<<20), 413, "payload_too_large"},
			{"no file", clerk, "akta_kematian", nil, 422, "validation_failed"},
			{"empty file", clerk, "akta_kematian", []byte{}, 422, "validation_failed"},
			{"unknown kind", clerk, "ijazah", testserver.SamplePDF, 422, "validation_failed"},
			{"treasurer uploads", domain.RoleTreasurer, "buku_tabungan", testserver.SamplePDF, 403, "forbidden"},
			{"auditor uploads", domain.RoleAuditor, "lainnya", testserver.SamplePDF, 403, "forbidden"},
		}
		for _, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				h.t = t
				h.expectError(h.upload(c.ID, tt.role, tt.kind, "x.pdf", tt.data), tt.status, tt.code)
			})
		}
		h.t = t
		h.expectError(h.upload(987654, clerk, "lainnya", "x.pdf", testserver.SamplePDF), 404, "not_found")
		h.expectError(h.raw(http.MethodPost, docsPath(c.ID), clerk, "application/json", strings.NewReader(`{"kind":"lainnya"}`)), 415, "unsupported_media_type")

		var list struct {
			Documents []docOut `json:"documents"`
			Checklist struct {
				Items []struct {
					Kind        string   `json:"kind"`
					Present     bool     `json:"present"`
					RequiredFor []string `json:"required_for"`
				} `json:"items"`
				Actions []struct {
					Action  string   `json:"action"`
					Ready   bool     `json:"ready"`
					Missing []string `json:"missing"`
				} `json:"actions"`
			} `json:"checklist"`
		}
		h.expect(h.do(http.MethodGet, docsPath(c.ID), domain.RoleTreasurer, nil), http.StatusOK, &list)
		if len(list.Documents) != 2 || len(list.Checklist.Items) != 6 || list.Checklist.Items[0].Present || !list.Checklist.Items[2].Present {
			t.Fatalf("list %+v", list)
		}
		if a := list.Checklist.Actions; len(a) != 2 || a[0].Action != "verify_death" || a[0].Ready ||
			!slices.Equal(a[1].Missing, []string{"ktp_ahli_waris", "buku_tabungan"}) {
			t.Fatalf("checklist actions %+v", a)
		}
		h.expectError(h.do(http.MethodGet, docsPath(c.ID), domain.RoleAdmin, nil), 403, "forbidden")
	})
}

func TestDocumentDownloadsAreAudited(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		akta := h.attach(c, "akta_kematian", testserver.SamplePNG)
		var book docOut
		h.expect(h.upload(c.ID, domain.RoleDinsosOfficer, "buku_tabungan", `..\Buku "Tabungan".jpg`, testserver.SampleJPEG), http.StatusCreated, &book)
		var before claimOut
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID), domain.RoleAuditor, nil), http.StatusOK, &before)

		content := func(d docOut) string { return docsPath(c.ID) + "/" + itoa(d.ID) + "/content" }
		resp := h.do(http.MethodGet, content(akta), domain.RoleDukcapilClerk, nil)
		body := h.expect(resp, http.StatusOK, nil)
		if !bytes.Equal(body, testserver.SamplePNG) || resp.Header.Get("Content-Type") != "image/png" ||
			resp.Header.Get("Content-Disposition") != `attachment; filename=akta_kematian.pdf` ||
			resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.HasPrefix(resp.Header.Get("Content-Security-Policy"), "sandbox") ||
			resp.Header.Get("X-Content-SHA256") != akta.SHA256 {
			t.Fatalf("download headers %v", resp.Header)
		}
		resp = h.do(http.MethodGet, content(book), domain.RoleTreasurer, nil)
		if body := h.expect(resp, http.StatusOK, nil); !bytes.Equal(body, testserver.SampleJPEG) || resp.Header.Get("Content-Disposition") != `attachment; filename="Buku Tabungan.jpg"` {
			t.Fatalf("bank book for the treasurer: %v", resp.Header)
		}
		h.expectError(h.do(http.MethodGet, content(akta), domain.RoleTreasurer, nil), 403, "forbidden")
		h.expectError(h.do(http.MethodGet, content(akta), domain.RoleAdmin, nil), 403, "forbidden")
		h.expectError(h.do(http.MethodGet, docsPath(c.ID+1)+"/"+itoa(akta.ID)+"/content", domain.RoleAuditor, nil), 404, "not_found")
		h.expectError(h.do(http.MethodGet, docsPath(c.ID)+"/abc/content", domain.RoleAuditor, nil), 404, "not_found")
		h.expect(h.do(http.MethodGet, content(akta), domain.RoleAuditor, nil), http.StatusOK, nil)

		var log struct {
			Entries []struct {
				DocumentID    int64  `json:"document_id"`
				Kind          string `json:"kind"`
				ActorUsername string `json:"actor_username"`
				ActorRole     string `json:"actor_role"`
				IP            string `json:"ip"`
			} `json:"entries"`
		}
		h.expect(h.do(http.MethodGet, docsPath(c.ID)+"/access-log", domain.RoleAuditor, nil), http.StatusOK, &log)
		var who []string
		for _, e := range log.Entries {
			who = append(who, e.ActorUsername+":"+e.Kind)
			if e.IP == "" {
				t.Errorf("entry without IP: %+v", e)
			}
		}
		if want := []string{"dukcapil_clerk:akta_kematian", "treasurer:buku_tabungan", "auditor:akta_kematian"}; !slices.Equal(who, want) {
			t.Fatalf("access log %v, want %v", who, want)
		}
		h.expectError(h.do(http.MethodGet, docsPath(c.ID)+"/access-log", domain.RoleDukcapilClerk, nil), 403, "forbidden")

		var after claimOut
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID), domain.RoleAuditor, nil), http.StatusOK, &after)
		if after.Version != before.Version {
			t.Fatal("downloads changed the claim's version")
		}
		var events struct {
			Events []struct {
				Action  string                       `json:"action"`
				Changes map[string]map[string]string `json:"changes"`
			} `json:"events"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID)+"/events", domain.RoleAuditor, nil), http.StatusOK, &events)
		if e := events.Events[1]; e.Action != "document_uploaded" || e.Changes["document.akta_kematian.sha256"]["new"] != akta.SHA256 {
			t.Fatalf("upload event %+v", e)
		}
	})
}

func TestChecklistGatesVerifyAndApproveOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		verify := map[string]any{"death_certificate_no": "3324-KM-20112026-0001"}
		var e struct {
			Error struct {
				Code             string            `json:"code"`
				Fields           map[string]string `json:"fields"`
				MissingDocuments []string          `json:"missing_documents"`
			} `json:"error"`
		}
		h.expect(h.do(http.MethodPost, actionPath(c.ID, "verify_death"), domain.RoleDukcapilClerk, verify), 422, &e)
		if e.Error.Code != "documents_missing" || e.Error.Fields["documents"] == "" || !slices.Equal(e.Error.MissingDocuments, []string{"akta_kematian"}) {
			t.Fatalf("verify without akta: %+v", e.Error)
		}
		h.attach(c, "akta_kematian", testserver.SamplePDF)
		c = h.act(c, domain.RoleDukcapilClerk, "verify_death", verify)

		h.attach(c, "kartu_keluarga", testserver.SamplePDF)
		h.expect(h.do(http.MethodPost, actionPath(c.ID, "approve"), domain.RoleDinsosOfficer, nil), 422, &e)
		if want := []string{"ktp_ahli_waris", "surat_ahli_waris", "buku_tabungan"}; e.Error.Code != "documents_missing" || !slices.Equal(e.Error.MissingDocuments, want) {
			t.Fatalf("approve with papers missing: %+v", e.Error)
		}
		for _, kind := range []string{"ktp_ahli_waris", "surat_ahli_waris", "buku_tabungan"} {
			h.attach(c, kind, testserver.SampleJPEG)
		}
		if c = h.act(c, domain.RoleDinsosOfficer, "approve", nil); c.Status != "approved" {
			t.Fatalf("approved claim %+v", c)
		}
	})
}
