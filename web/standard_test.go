package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func wib(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, domain.Jakarta())
}

// longSessions keep staff signed in while a test moves the clock by days
// (settings, as an operator would set them).
var longSessions = testserver.Env("SANTUNAN_SESSION_IDLE", "720h", "SANTUNAN_TOKEN_TTL", "720h")

// On 1 December 2026 the admin's home warns that 2027 has no holiday yet;
// the calendar page lists 2026's seeded days, keeps what was typed when a
// day is refused, adds and (after confirming with a reason) removes a day.
func TestCalendarPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.At(wib(2026, 12, 1, 9)))
		admin := h.staff(domain.RoleAdmin)
		admin.get("/staf/pengguna").want(http.StatusOK).has("Kalender kerja tahun 2027 belum diisi", "Isi kalender kerja").
			hasHTML(`href="/staf/kalender?tahun=2027"`)
		admin.get("/staf/kalender?tahun=2026").want(http.StatusOK).
			has("Hari libur tahun 2026", "Idul Fitri 1447 Hijriah", "Cuti bersama", "Jumat, 20 Maret 2026", "data awal (SKB 2026)", "Tambah hari libur").
			hasHTML(`href="/staf/kalender?tahun=2027"`)
		admin.get("/staf/kalender?tahun=2027").want(http.StatusOK).has("Belum ada hari libur yang dicatat untuk tahun 2027")
		admin.get("/staf/kalender?tahun=abc").want(http.StatusUnprocessableEntity)

		// A refused day keeps the form as typed.
		admin.post("/staf/kalender?tahun=2027", url.Values{"date": {"2027-02-30"}, "kind": {"libur_nasional"},
			"name": {"Isra Mikraj Nabi Muhammad SAW"}}).want(http.StatusUnprocessableEntity).
			has("Tanggal tidak valid").hasHTML(`value="2027-02-30"`, `value="Isra Mikraj Nabi Muhammad SAW"`, `value="libur_nasional" selected`)
		admin.post("/staf/kalender?tahun=2027", url.Values{"date": {"2027-01-01"}, "kind": {"libur_nasional"},
			"name": {"Tahun \u202eBaru"}}).want(http.StatusUnprocessableEntity).hasHTML(`value="2027-01-01"`)
		admin.post("/staf/kalender?tahun=2026", url.Values{"date": {"2026-12-25"}, "kind": {"libur_nasional"},
			"name": {"Natal"}}).want(http.StatusUnprocessableEntity).has("sudah tercatat sebagai hari libur")

		p := admin.post("/staf/kalender?tahun=2027", url.Values{"date": {"2027-01-01"}, "kind": {"libur_nasional"},
			"name": {"Tahun Baru 2027 Masehi"}, "reason": {"SKB 2027"}}).wantRedirect("/staf/kalender?")
		admin.follow(p).want(http.StatusOK).has("Hari libur 1 Januari 2027 dicatat. Tenggat 0 klaim bergeser.", "Tahun Baru 2027 Masehi", "SKB 2027")
		admin.get("/staf/pengguna").want(http.StatusOK).hasNot("belum diisi")

		admin.get("/staf/kalender/hapus?tanggal=2027-01-01").want(http.StatusOK).has("Hapus hari libur 1 Januari 2027?", "Ya, hapus hari libur ini")
		admin.post("/staf/kalender/hapus", url.Values{"date": {"2027-01-01"}, "reason": {"  "}}).want(http.StatusUnprocessableEntity).
			has("Hapus hari libur 1 Januari 2027?")
		p = admin.post("/staf/kalender/hapus", url.Values{"date": {"2027-01-01"}, "reason": {"Salah tanggal"}}).wantRedirect("/staf/kalender?")
		admin.follow(p).want(http.StatusOK).has("Hari libur 1 Januari 2027 dihapus.", "Salah tanggal", "Dihapus")
		admin.get("/staf/kalender/hapus?tanggal=2027-01-01").want(http.StatusNotFound)

		// Staff read the calendar and cannot change it.
		h.staff(domain.RoleDukcapilClerk).get("/staf/kalender").want(http.StatusOK).
			has("Hanya administrator yang dapat mengubah kalender.", "Kelahiran Yesus Kristus").hasNot("Tambah hari libur")
	})
}

// The clerk's home shows the overdue claims first, with the working days
// overdue; the claim's page names its deadline; the heir's tracking says
// when the stage should be done and, once late, whom to call.
func TestOverdueOnPagesAndTracking(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.At(wib(2026, 11, 30, 9)), longSessions) // Monday
		late := h.File(1)
		h.Clock.Set(wib(2026, 12, 2, 9)) // Wednesday
		onTime := h.File(2)
		clerk := h.staff(domain.RoleDukcapilClerk)
		heir := h.visitor()
		track := func(c testserver.Claim, n int) *page {
			return heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {fixture.ClaimInput(n).Heir.NIK}}).want(http.StatusOK)
		}
		clerk.get("/staf").want(http.StatusOK).hasNot("Lewat tenggat:").has("2 Desember 2026", "4 Desember 2026")
		track(late, 1).has("Perkiraan selesai tahap ini: 2 Desember 2026").hasNot("Mohon maaf")

		h.Clock.Set(wib(2026, 12, 3, 9)) // Thursday
		home := clerk.get("/staf").want(http.StatusOK).has("Lewat tenggat: 1 klaim", "lewat 1 hari kerja")
		if i, j := strings.Index(home.body, "Lewat tenggat: 1 klaim"), strings.Index(home.body, late.Code); i < 0 || j < i {
			t.Error("the overdue list is not above the queue")
		}
		overdue := home.body[strings.Index(home.body, `class="overdue"`):strings.Index(home.body, "</section>")]
		if !strings.Contains(overdue, late.Code) || strings.Contains(overdue, onTime.Code) {
			t.Errorf("overdue list: %s", overdue)
		}
		clerk.get(claimPath(late.ID)).want(http.StatusOK).
			has("Verifikasi data kematian: selesai paling lambat 2 Desember 2026 (2 hari kerja sejak 30 November 2026).", "Sudah lewat tenggat 1 hari kerja.")
		track(late, 1).has("Perkiraan selesai tahap ini: 2 Desember 2026",
			"Tahap ini sudah lewat 1 hari kerja dari perkiraan (2 Desember 2026)", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal di telepon").
			hasHTML(`href="/aduan"`)
		track(onTime, 2).has("Perkiraan selesai tahap ini: 4 Desember 2026").hasNot("Mohon maaf")
		h.staff(domain.RoleDinsosOfficer).get("/staf").want(http.StatusOK).hasNot("Lewat tenggat:")
		clerk.get("/staf?terlambat=1").want(http.StatusOK).has(late.Code).hasNot(onTime.Code)
	})
}

// The public standard page and its JSON come from the configuration: a
// standard file that gives verification 4 working days shows 4 on both.
func TestStandardPageFollowsTheConfiguration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.visitor()
		v.get("/").want(http.StatusOK).hasHTML(`href="/standar-pelayanan"`)
		v.get("/standar-pelayanan").want(http.StatusOK).
			has("Standar pelayanan santunan kematian", "Persyaratan", "Akta kematian", "Prosedur", "Verifikasi data kematian",
				"2 hari kerja", "3 hari kerja", "5 hari kerja", "Seluruhnya paling lama 10 hari kerja", "Target Bupati: santunan dibayar dalam 3 hari kerja",
				"Gratis / tanpa biaya", "Rp1.000.000", "Pungutan liar / diminta uang").hasHTML(`href="/aduan"`)
	})
	testdb.Each(t, func(t *testing.T, db *database.DB) {

		raw, err := os.ReadFile(filepath.Join("..", "config", "standard_example.json"))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "standard.json")
		changed := strings.Replace(strings.Replace(string(raw), `"verify": 2`, `"verify": 4`, 1), `"end_to_end_days": 10`, `"end_to_end_days": 12`, 1)
		if err := os.WriteFile(file, []byte(changed), 0o600); err != nil {
			t.Fatal(err)
		}
		h2 := start(t, db, testserver.Env("SANTUNAN_STANDARD_FILE", file))
		h2.visitor().get("/").want(http.StatusOK).hasHTML(`href="/standar-pelayanan"`)
		page := h2.visitor().get("/standar-pelayanan").want(http.StatusOK).has("Seluruhnya paling lama 12 hari kerja")
		procedure := page.body[strings.Index(page.body, `id="prosedur"`):]
		verify := procedure[strings.Index(procedure, "Verifikasi data kematian"):]
		if !strings.Contains(verify[:strings.Index(verify, "</li>")], "4 hari kerja") {
			t.Errorf("verification's days on the page: %s", verify[:strings.Index(verify, "</li>")])
		}
		var std struct {
			Procedure []struct {
				Stage       string `json:"stage"`
				WorkingDays int    `json:"working_days"`
			} `json:"procedure"`
			EndToEndDays int `json:"end_to_end_days"`
			Cost         struct {
				Amount int64 `json:"amount"`
			} `json:"cost"`
			Complaints struct {
				URL string `json:"url"`
			} `json:"complaints"`
		}
		h2.Expect(h2.Do(http.MethodGet, "/api/v1/public/service-standard", "", nil), http.StatusOK, &std)
		days := map[string]int{}
		for _, st := range std.Procedure {
			days[st.Stage] = st.WorkingDays
		}
		if days["verify"] != 4 || days["approve"] != 3 || std.EndToEndDays != 12 || std.Cost.Amount != 0 || std.Complaints.URL != "/aduan" {
			t.Errorf("service standard JSON %+v", std)
		}
		if b, _ := json.Marshal(std); !strings.Contains(string(b), `"stage":"intake"`) {
			t.Errorf("procedure lacks the intake stage: %s", b)
		}
		// A claim filed under that standard is due 4 working days later.
		c := h2.File(1)
		var due struct {
			StageDueOn string `json:"stage_due_on"`
		}
		h2.Expect(h2.Do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID), domain.RoleAuditor, nil), http.StatusOK, &due)
		if due.StageDueOn != "2026-12-03" { // Saturday 28 November + 4 working days
			t.Errorf("due %s under the file's standard", due.StageDueOn)
		}
	})
}
