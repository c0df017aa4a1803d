package browsertest_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Complaints in Chromium: the complainant on a 360 px phone, the offices
// at their desks. One anonymous complaint with a photo goes through every
// state (received, verified, assigned, answered, disputed back to
// assigned, answered, closed by itself when not disputed in time, reopened,
// escalated to the head of office when its deadline passed, answered,
// confirmed); one named complaint, its phone confirmed with the one-time
// code, is declined as outside our authority with where to go instead,
// and its complainant hears of each step at the fake gateway.
func TestComplaintsOnAPhone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		photo := filepath.Join(t.TempDir(), "bukti.jpg")
		if err := os.WriteFile(photo, testserver.SampleJPEG, 0o600); err != nil {
			t.Fatal(err)
		}
		narrow := func(p *person, page string) {
			t.Helper()
			if w := run(p, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
				t.Errorf("%s is %d px wide on a 360 px screen", page, w)
			}
		}

		// The anonymous complaint, from the phone.
		anon := s.phone(t)
		anon.open("/aduan")
		anon.sees("Sampaikan aduan", "Anonim (tanpa nama)", "Dengan nama")
		narrow(anon, "/aduan")
		anon.click(`a.btn[href="/aduan/formulir"]`)
		anon.sees("Isi aduan", "Pelayanan lambat", "Pungutan liar / diminta uang")
		text := "Sudah tiga minggu berkas santunan ayah saya belum diproses di Dinas Sosial."
		anon.check(`input[name=category][value=pelayanan_lambat]`)
		anon.fillAll(map[string]string{"f-named-unit": "dinsos"})
		// Too short first: the form comes back as chosen.
		anon.fill("f-text", "lambat")
		if st := anon.click(`form[action="/aduan/formulir"] button[type=submit]`); st != http.StatusUnprocessableEntity {
			t.Fatalf("short text: status %d", st)
		}
		if !anon.has(`input[name=category][value=pelayanan_lambat]:checked`) ||
			anon.values([]string{"f-named-unit"})["f-named-unit"] != "dinsos" {
			t.Fatal("the form did not keep the category and office")
		}
		anon.fill("f-text", text)
		anon.do(chromedp.SetUploadFiles(chromedp.ID("f-evidence"), []string{photo}))
		anon.screenshot("60-aduan-formulir-ponsel")
		if st := anon.click(`form[action="/aduan/formulir"] button[type=submit]`); st != http.StatusCreated {
			t.Fatalf("file: status %d", st)
		}
		code := strings.TrimSpace(anon.text(".claim-code"))
		anon.sees("Kode aduan Anda", "Apa yang terjadi selanjutnya", "3 hari kerja", "Dinas Sosial")
		narrow(anon, "the result")
		anon.screenshot("61-aduan-terkirim-ponsel")
		trackAnon := func(wants ...string) {
			t.Helper()
			anon.open("/aduan/lacak")
			anon.fill("f-code", strings.ToLower(code))
			if st := anon.click(`form[action="/aduan/lacak"] button[type=submit]`); st != http.StatusOK {
				t.Fatalf("track: status %d", st)
			}
			anon.sees(append([]string{code}, wants...)...)
			narrow(anon, "/aduan/lacak")
		}
		trackAnon("Diterima, menunggu pemeriksaan", "Batas waktu")

		officer := s.desk(t)
		officer.login("pengelola_pengaduan", testserver.Password)
		if !strings.HasPrefix(officer.path(), "/staf/aduan") {
			t.Fatalf("the complaint officer's home is %s", officer.path())
		}
		open := func(p *person) {
			t.Helper()
			p.open("/staf/aduan")
			p.click(`a[href^="/staf/aduan/"]:not([href*="?"])`)
			p.sees(code)
		}
		act := func(p *person, action string, fields map[string]string) {
			t.Helper()
			p.expand(`details.action:has(form[action$="/tindakan/` + action + `"])`)
			if len(fields) > 0 {
				p.fillAll(fields)
			}
			if st := p.click(`form[action$="/tindakan/` + action + `"] button[type=submit]`); st != http.StatusOK {
				t.Fatalf("%s: status %d", action, st)
			}
		}
		open(officer)
		officer.sees(text, "Anonim: identitas tidak ditampilkan", "bukti.jpg")
		act(officer, "verify", nil)
		officer.sees("Aduan dinyatakan dapat ditangani.")
		act(officer, "assign", map[string]string{"f-assign-unit": "dinsos", "f-assign-unit-name": "Bidang Perlindungan dan Jaminan Sosial"})
		officer.sees("Aduan diteruskan.", "Bidang Perlindungan dan Jaminan Sosial")
		officer.screenshot("62-aduan-petugas")

		dinsos := s.desk(t)
		dinsos.login("dinsos_officer", testserver.Password)
		answer := func(reply string) {
			t.Helper()
			open(dinsos)
			dinsos.sees(text, "Anonim: identitas tidak ditampilkan")
			act(dinsos, "answer", map[string]string{"f-answer-answer": reply})
			dinsos.sees("Jawaban terkirim.")
		}
		answer("Berkas sudah kami periksa; pembayaran dijadwalkan minggu ini.")
		trackAnon("Sudah dijawab, menunggu konfirmasi Anda", "pembayaran dijadwalkan minggu ini", "Ya, selesai")
		anon.screenshot("63-aduan-dijawab-ponsel")
		anon.fill("f-reason", "Sampai sekarang belum ada kabar pembayaran.")
		if st := anon.click(`form[action="/aduan/lacak/sanggah"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("dispute: status %d", st)
		}
		anon.sees("Sanggahan Anda diterima", "Sedang ditangani kantor yang berwenang")
		answer("Pembayaran sudah masuk ke rekening hari ini.")

		// Not disputed in time: closed by itself.
		s.Clock.Advance(21 * 24 * time.Hour)
		if _, closed := s.With(t).Sweep(); closed != 1 {
			t.Fatalf("sweep closed %d", closed)
		}
		trackAnon("Selesai", "Selesai otomatis", "Buka kembali aduan")
		anon.fill("f-reason", "Uangnya ternyata belum masuk.")
		if st := anon.click(`form[action="/aduan/lacak/buka-lagi"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("reopen: status %d", st)
		}
		anon.sees("dibuka kembali", "Sedang ditangani kantor yang berwenang")

		// The office's deadline passes: escalated to the head of office.
		s.Clock.Advance(14 * 24 * time.Hour)
		if escalated, _ := s.With(t).Sweep(); escalated != 1 {
			t.Fatalf("sweep escalated %d", escalated)
		}
		head := s.desk(t)
		head.login("office_head", testserver.Password)
		head.open("/staf/aduan")
		head.sees("Lewat batas waktu", code, "Dilaporkan ke Kepala Dinas")
		head.screenshot("64-aduan-kepala-dinas")
		// The desks' sessions ended while the weeks passed.
		dinsos = s.desk(t)
		dinsos.login("dinsos_officer", testserver.Password)
		answer("Mohon maaf atas keterlambatan; dana sudah ditransfer ulang dan diterima.")
		trackAnon("ditransfer ulang", "Ya, selesai")
		if st := anon.click(`form[action="/aduan/lacak/konfirmasi"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("confirm: status %d", st)
		}
		anon.sees("dinyatakan selesai", "Dikonfirmasi selesai")
		anon.screenshot("65-aduan-selesai-ponsel")

		// The named complaint: the phone confirmed with its code.
		phone := testserver.Phone(42)
		named := s.phone(t)
		named.open("/aduan")
		named.fill("f-phone", phone)
		if st := named.click(`form[action="/aduan/kode"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("send code: status %d", st)
		}
		named.fill("f-code", s.Codes.Next(t, phone))
		if st := named.click(`form[action="/aduan/verifikasi"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("verify: status %d", st)
		}
		named.sees("Aduan dengan nama", "Tampil sebagai")
		named.check(`input[name=category][value=lainnya]`)
		named.fillAll(map[string]string{"f-text": "Saya ingin mengadukan jalan desa yang rusak parah.", "f-name": "Sri Wahyuni"})
		if st := named.click(`form[action="/aduan/formulir"] button[type=submit]`); st != http.StatusCreated {
			t.Fatalf("file named: status %d", st)
		}
		named.sees("Kabar setiap tahap dikirim lewat pesan")
		namedCode := strings.TrimSpace(named.text(".claim-code"))
		officer = s.desk(t)
		officer.login("pengelola_pengaduan", testserver.Password)
		officer.open("/staf/aduan?status=received")
		officer.click(`a[href^="/staf/aduan/"]:not([href*="?"])`)
		officer.sees(namedCode, "Sri Wahyuni")
		act(officer, "decline", map[string]string{"f-decline-reason": "Jalan desa bukan kewenangan Dinas Sosial.",
			"f-decline-redirect": "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kendal, atau LAPOR! di lapor.go.id"})
		officer.sees("di luar kewenangan")
		named.open("/aduan/lacak")
		named.fill("f-code", namedCode)
		named.click(`form[action="/aduan/lacak"] button[type=submit]`)
		named.sees("Di luar kewenangan kami", "Dinas Pekerjaan Umum dan Penataan Ruang")
		narrow(named, "the declined complaint")

		// The code, then received and declined, at the gateway; no content.
		gw := s.With(t).Gateway
		deadline := time.Now().Add(10 * time.Second)
		for len(gw.To(phone)) < 3 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		msgs := gw.To(phone)
		if len(msgs) != 3 {
			t.Fatalf("%d messages to the named complainant, want 3: %+v", len(msgs), msgs)
		}
		for _, m := range msgs[1:] {
			if !strings.Contains(m.Text, namedCode) || !strings.Contains(m.Text, "/aduan/lacak") ||
				strings.Contains(m.Text, "jalan desa") || strings.Contains(m.Text, "Sri") {
				t.Errorf("message %q", m.Text)
			}
		}
	})
}
