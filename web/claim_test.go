package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func TestNewClaimFromTheForm(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		clerk := h.staff(domain.RoleDukcapilClerk)
		form := clerk.get("/staf/klaim/baru").want(http.StatusOK)
		// The village list is the regency's, grouped by kecamatan.
		form.hasHTML(`<optgroup label="Kecamatan Kendal">`, `<option value="3324151001">Kelurahan Candiroto</option>`)
		if n := strings.Count(form.body, "<optgroup"); n != 20 {
			t.Errorf("%d kecamatan groups, want Kendal's 20", n)
		}
		p := clerk.post("/staf/klaim/baru", claimForm(1))
		p.wantRedirect("/staf/klaim/")
		page := clerk.follow(p).want(http.StatusOK)
		page.has("Klaim berhasil diajukan.", "Diajukan", "Ahmad Fauzi", "3324150101500001", "Kelurahan Candiroto, Kecamatan Kendal",
			"Laki-laki, 1 Januari 1950", "Rp1.000.000", "Bank Jateng (113)", "Suami/istri", "versi 1")
		var list struct {
			Items []testserver.Claim `json:"items"`
		}
		h.Expect(h.Do(http.MethodGet, "/api/v1/claims", domain.RoleAuditor, nil), http.StatusOK, &list)
		if len(list.Items) != 1 || !strings.Contains(page.body, list.Items[0].Code) {
			t.Fatalf("claims = %+v", list.Items)
		}
	})
}

func TestClaimPageShowsWarnings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf/klaim/baru")
		f := claimForm(1)
		f.Set("deceased.nik", "3374010101500001") // issued in Kota Semarang
		p := clerk.follow(clerk.post("/staf/klaim/baru", f)).want(http.StatusOK)
		p.has("Perhatian", i18n.Warning(i18n.Indonesian, domain.WarningNIKOutsideRegency))
	})
}

func TestNewClaimErrorKeepsWhatWasTyped(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf/klaim/baru")
		f := claimForm(1)
		f.Set("deceased.nik", "332415010150000")     // 15 digits
		f.Set("heir.phone", "12345")                 // not a mobile number
		f.Set("deceased.full_name", "Ahmad <Fauzi>") // escaped, not markup
		p := clerk.post("/staf/klaim/baru", f).want(http.StatusUnprocessableEntity)
		p.has(i18n.Violation(i18n.Indonesian, domain.ViolationNIKLength), i18n.Violation(i18n.Indonesian, domain.ViolationPhoneInvalid),
			"Periksa kembali isian berikut:")
		p.hasHTML(`value="332415010150000"`, `value="12345"`, `value="Ahmad &lt;Fauzi&gt;"`, `value="SITI AMINAH"`,
			`<option value="3324151001" selected>`, `<option value="113" selected>`, `<option value="spouse" selected>`,
			`aria-invalid="true" aria-describedby="h-deceased-nik e-deceased-nik"`, `<a href="#f-deceased-nik">`)
		if strings.Contains(p.body, "<Fauzi>") {
			t.Fatal("a typed value reached the page unescaped")
		}
		var list struct {
			Items []testserver.Claim `json:"items"`
		}
		h.Expect(h.Do(http.MethodGet, "/api/v1/claims", domain.RoleAuditor, nil), http.StatusOK, &list)
		if len(list.Items) != 0 {
			t.Fatal("an invalid form filed a claim")
		}
	})
}

// A form and a JSON request for the same action meet the same rules and
// report the same violations: the page shows the Indonesian text of each
// code the API returns.
func TestFormAndJSONReportTheSameErrors(t *testing.T) {
	cases := map[string]func(url.Values){
		"empty":          func(f url.Values) { f.Del("deceased.nik"); f.Del("heir.full_name"); f.Del("bank_account.bank_code") },
		"bad nik and kk": func(f url.Values) { f.Set("deceased.nik", "33241501015000AB"); f.Set("deceased.kk_number", "123") },
		"future death":   func(f url.Values) { f.Set("deceased.date_of_death", "2027-01-01") },
		"young heir":     func(f url.Values) { f.Set("heir.nik", "3324151501150001") },
		"unknown village and bank": func(f url.Values) {
			f.Set("deceased.village_code", "3374010001")
			f.Set("bank_account.bank_code", "999")
		},
		"too long": func(f url.Values) { f.Set("deceased.address", strings.Repeat("x", 401)) },
	}
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		clerk := h.staff(domain.RoleDukcapilClerk)
		for name, edit := range cases {
			t.Run(name, func(t *testing.T) {
				f := claimForm(1)
				edit(f)
				body := map[string]map[string]string{"deceased": {}, "heir": {}, "bank_account": {}}
				for k := range f {
					part, field, _ := strings.Cut(k, ".")
					body[part][field] = f.Get(k)
				}
				e := h.ExpectError(h.Do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, body),
					http.StatusUnprocessableEntity, "validation_failed")
				clerk.get("/staf/klaim/baru")
				p := clerk.post("/staf/klaim/baru", f).want(http.StatusUnprocessableEntity)
				problems := regexp.MustCompile(`<li><a href="#f-[a-z-]+">([^<]*)</a></li>`).FindAllStringSubmatch(p.body, -1)
				if len(problems) != len(e.Error.Fields) {
					t.Fatalf("page lists %d problems, API %d fields (%v)", len(problems), len(e.Error.Fields), e.Error.Fields)
				}
				for field, msg := range e.Error.Fields {
					code := codeOfEnglish(t, msg)
					p.has(i18n.Violation(i18n.Indonesian, code))
					if !strings.Contains(p.body, `id="e-`+strings.NewReplacer(".", "-", "_", "-").Replace(field)+`"`) {
						t.Errorf("no error beside field %s", field)
					}
				}
			})
		}
	})
}

// codeOfEnglish finds the violation code whose English text the API sent.
func codeOfEnglish(t *testing.T, msg string) string {
	t.Helper()
	for _, code := range domain.AllViolations {
		if i18n.Violation(i18n.English, code) == msg {
			return code
		}
	}
	t.Fatalf("no violation code has the text %q", msg)
	return ""
}

func TestDuplicateClaimLinksTheExistingOne(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		first := h.File(1)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf/klaim/baru")
		clerk.post("/staf/klaim/baru", claimForm(1)).want(http.StatusConflict).
			has("Sudah ada klaim yang masih berjalan untuk kematian ini: "+first.Code, "Buka klaim "+first.Code).
			hasHTML(`value="Ahmad Fauzi"`)
	})
}

// Buttons come from the transition table: each role sees exactly the
// actions it may take now.
func TestClaimPageShowsExactlyTheAllowedActions(t *testing.T) {
	actions := []string{"verify_death", "return", "resubmit", "reject", "approve", "start_payment", "confirm_payment",
		"fail_payment", "retry_payment", "cancel"}
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.Verified(1)
		want := map[domain.Role][]string{
			domain.RoleDukcapilClerk: nil,
			domain.RoleDinsosOfficer: {"return", "reject", "approve", "cancel"},
			domain.RoleTreasurer:     nil,
			domain.RoleAuditor:       nil,
		}
		for role, allowed := range want {
			p := h.staff(role).get(claimPath(c.ID)).want(http.StatusOK)
			for _, a := range actions {
				shown := strings.Contains(p.body, `action="`+actionPagePath(c.ID, a)+`"`) ||
					strings.Contains(p.body, `href="`+actionPagePath(c.ID, a)+`"`)
				if shown != contains(allowed, a) {
					t.Errorf("%s: action %s shown=%t", role, a, shown)
				}
			}
			if len(allowed) == 0 {
				p.has("Tidak ada tindakan yang dapat Anda lakukan pada klaim ini saat ini.")
			}
		}
		// A clerk who forges the approve form is refused by the engine.
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get(claimPath(c.ID))
		clerk.post(actionPagePath(c.ID, "approve"), actionForm(c.Version)).want(http.StatusForbidden)
		clerk.get(actionPagePath(c.ID, "approve")).want(http.StatusForbidden)
		// The admin sees no claims at all.
		h.staff(domain.RoleAdmin).get(claimPath(c.ID)).want(http.StatusForbidden)
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestStalePageGetsAClearMessage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.Verified(1)
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(claimPath(c.ID)).want(http.StatusOK).hasHTML(`name="version" value="` + itoa(int64(c.Version)) + `"`)
		// Meanwhile a colleague returns the claim.
		h.Act(c, domain.RoleDinsosOfficer, "return", map[string]any{"reason": "KK tidak terbaca", "version": c.Version})
		p := officer.post(actionPagePath(c.ID, "approve"), actionForm(c.Version)).want(http.StatusConflict)
		p.has("sudah diubah oleh petugas lain", "Muat ulang klaim", "Dikembalikan untuk perbaikan", "KK tidak terbaca")
		var now testserver.Claim
		h.Expect(h.Do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID), domain.RoleAuditor, nil), http.StatusOK, &now)
		if now.Status != "returned" {
			t.Fatalf("stale approve overwrote the return: %s", now.Status)
		}
		// Without a version (a hand-made form) the action is refused too.
		f := actionForm(0)
		f.Del("version")
		officer.post(actionPagePath(c.ID, "approve"), f).want(http.StatusUnprocessableEntity).has("Versi klaim")
	})
}

func TestActionErrorsStayOnTheForm(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.withAkta(h.File(1))
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get(claimPath(c.ID))
		p := clerk.post(actionPagePath(c.ID, "return"), actionForm(c.Version, "reason", "  ")).want(http.StatusUnprocessableEntity)
		p.has("Alasan: Wajib diisi.")
		p = clerk.post(actionPagePath(c.ID, "verify_death"), actionForm(c.Version, "death_certificate_no", "AKTA#1",
			"date_of_death", "2026-11-19", "reason", "dicek dengan SIAK")).want(http.StatusUnprocessableEntity)
		p.has(i18n.Violation(i18n.Indonesian, domain.ViolationCertificateNoInvalid)).
			hasHTML(`value="AKTA#1"`, `value="2026-11-19"`, ">dicek dengan SIAK</textarea>")
		// Corrected, the same form goes through and the date is corrected.
		clerk.post(actionPagePath(c.ID, "verify_death"), actionForm(c.Version, "death_certificate_no", "3324-KM-20112026-0001",
			"date_of_death", "2026-11-19")).wantRedirect(claimPath(c.ID))
		clerk.get(claimPath(c.ID)).has("Kematian terverifikasi", "19 November 2026", "3324-KM-20112026-0001")
	})
}

func TestReturnedClaimIsCorrectedAndResubmitted(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		c = h.Act(c, domain.RoleDukcapilClerk, "return", map[string]any{"reason": "Nama ahli waris salah eja"})
		clerk := h.staff(domain.RoleDukcapilClerk)
		page := clerk.get(claimPath(c.ID)).want(http.StatusOK)
		page.hasHTML(`href="` + actionPagePath(c.ID, "resubmit") + `"`)
		form := clerk.get(actionPagePath(c.ID, "resubmit")).want(http.StatusOK)
		form.hasHTML(`value="Siti Aminah"`, `value="3324150101500001"`, `name="version" value="2"`)
		f := claimForm(1)
		for k, v := range actionForm(c.Version, "reason", "Nama sudah dibetulkan") {
			f[k] = v
		}
		f.Set("heir.full_name", "Siti Aminah")
		f.Set("heir.phone", "0812")
		clerk.post(actionPagePath(c.ID, "resubmit"), f).want(http.StatusUnprocessableEntity).
			has(i18n.Violation(i18n.Indonesian, domain.ViolationPhoneInvalid)).hasHTML(`value="0812"`)
		f.Set("heir.full_name", "Siti Aminah Rahayu")
		f.Set("heir.phone", "081234567890")
		p := clerk.post(actionPagePath(c.ID, "resubmit"), f).wantRedirect(claimPath(c.ID) + "?berhasil=resubmit")
		clerk.follow(p).has("Tindakan “Ajukan ulang” berhasil disimpan.", "Siti Aminah Rahayu", "Nama sudah dibetulkan",
			"Nama lengkap ahli waris: Siti Aminah → Siti Aminah Rahayu")
	})
}

func TestTimelineShowsTheAuditTrail(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c, b := h.Server.InBatch(1)
		h.Server.SendTransferFile(b.ID)
		h.Server.ApplyResults(b, map[string]string{c.Code: "Rekening sudah ditutup"})
		p := h.staff(domain.RoleAuditor).get(claimPath(c.ID)).want(http.StatusOK)
		p.has("Catat pembayaran gagal", "Dalam proses pembayaran → Pembayaran gagal", "treasurer (Bendahara)",
			"Alasan: Rekening sudah ditutup", "28 November 2026 pukul 10.00 WIB", "dinsos_officer (Petugas Dinas Sosial)",
			"Nomor akta kematian: - → 3324-KM-20112026-0001")
		// Newest first (in the timeline: the checklist above names actions too).
		timeline := p.body[strings.Index(p.body, `<ol class="timeline">`):]
		if strings.Index(timeline, "Catat pembayaran gagal") > strings.Index(timeline, "Verifikasi kematian") {
			t.Fatal("timeline is not newest first")
		}
	})
}

// A capability's rule refuses an action (no budget set for the year, as in
// a newly deployed office): the claim page explains it in Indonesian.
// Actions a capability reserves (the payments, taken through payment
// batches) are not offered as buttons.
func TestCapabilityRefusalsShowOnTheClaimPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.NoBudget())
		c := h.Verified(1)
		h.AttachAll(c, testserver.ApproveDocuments)
		c = h.Claim(c.ID)
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(claimPath(c.ID))
		p := officer.post(actionPagePath(c.ID, "approve"), actionForm(c.Version)).want(http.StatusUnprocessableEntity)
		p.has("pagu anggaran tahun 2026 belum ditetapkan", "halaman Anggaran", "Kematian terverifikasi", "Muat ulang klaim")
		var now testserver.Claim
		h.Expect(h.Do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID), domain.RoleAuditor, nil), http.StatusOK, &now)
		if now.Status != "death_verified" {
			t.Fatalf("refused approve changed the claim: %s", now.Status)
		}
	})
}
