package payments_test

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/pdftext"
	"santunan/payments"
	"santunan/workflow"
)

// longNames are names of the greatest accepted length, 100 characters, in
// Latin letters with diacritics; the capitals (as KTPs print names) are the
// widest a name can set.
var longNames = []string{
	"Raden Ngabehi Ḍimas Ṭaufik Ẓulkarnaen Şükrü Ǆemal Łukasz Nguyễn Văn Án Bartholomeüs Wicaksono Purbâs",
	"RADEN AJENG ŴIDYAWATI MÉNDOZA ÇELİK ØLGAARD ŽOFIE ÝRR ÞÓRUNN ĐẶNG THỊ HỒNG NHUNG SRI RAHAYU KUSUMAWA",
	"Jose\u0301 María Ñúñez Ågård Ærøskøbing Ştefănescu Dvořáková Kowalczyk-Wiśniewska Ögmundsdóttir Rahayunis",
	strings.Repeat("MŴ ", 33) + "W",
}

// widestDecree lists n recipients with the widest codes there can be (all
// of one character, from SKM-0000-0000 to SKM-ZZZZ-ZZZZ), then random ones,
// and 100-character names.
func widestDecree(t *testing.T, n int) payments.Decree {
	t.Helper()
	for _, name := range longNames {
		if got, code := domain.NormalizeName(name); code != "" || utf8.RuneCountInString(got) != domain.MaxNameLength {
			t.Fatalf("test name %q: %q, %d characters", name, code, utf8.RuneCountInString(got))
		}
	}
	d := sampleDecree(n)
	uniform := workflow.UniformCodes()
	for i := range d.Recipients {
		r := &d.Recipients[i]
		if i < len(uniform) {
			r.ClaimCode = uniform[i]
		} else {
			code, err := workflow.NewClaimCode()
			if err != nil {
				t.Fatal(err)
			}
			r.ClaimCode = code
		}
		r.DeceasedName = longNames[i%len(longNames)]
		if i%3 != 0 {
			r.HeirName = longNames[(i+1)%len(longNames)]
		}
		r.DateOfDeath = domain.Date{Year: 2026, Month: 9, Day: 28} // the longest month name
		r.HeirRelationship = domain.Relationships[i%len(domain.Relationships)]
	}
	return d
}

// The decree's list read back as a reader lays it out: every code on one
// line within its column, every name whole within its cell (wrapped, never
// cut), every text inside its cell, the header on every page, the decree's
// number and date, the total and the page numbers.
func TestDecreePDF(t *testing.T) {
	d := widestDecree(t, 90)
	data, err := payments.DecreePDF(d, i18n.Indonesian)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("SANTUNAN_PDF_OUT"); dir != "" { // to look at it: pdftoppm -png
		if err := os.WriteFile(dir+"/decree.pdf", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := pdftext.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	titles := []string{"No.", "Kode Klaim", "Nama Almarhum/Almarhumah", "Tanggal Meninggal", "Desa/Kelurahan",
		"Kecamatan", "Ahli Waris", "Hubungan", "Jumlah (Rp)"}
	tables, err := pdftext.Tables(pages, len(titles), 0.01)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) < 5 {
		t.Fatalf("%d pages for 90 recipients with 100-character names", len(tables))
	}
	next := 0
	for i, tb := range tables {
		for j, title := range titles {
			if got := strings.Join(tb.Header[j], " "); got != title {
				t.Errorf("page %d: column %d is %q, want %q", i+1, j+1, got, title)
			}
		}
		for _, row := range tb.Rows {
			r := d.Recipients[next]
			next++
			oneLine := map[int]string{0: strconv.Itoa(r.Seq), 1: r.ClaimCode, 3: "28 September 2026",
				7: i18n.RelationshipLabel(i18n.Indonesian, r.HeirRelationship), 8: "1.000.000"}
			for j, want := range oneLine {
				if len(row[j]) != 1 || row[j][0] != want {
					t.Errorf("page %d, recipient %d: %s is %q, want %q on one line", i+1, r.Seq, titles[j], row[j], want)
				}
			}
			wrapped := map[int]string{2: r.DeceasedName, 4: r.VillageName, 5: r.KecamatanName, 6: r.HeirName}
			for j, want := range wrapped {
				// Printed composed: "e" and a combining acute as "é".
				want = strings.ReplaceAll(want, "e\u0301", "é")
				if got := strings.Join(row[j], " "); got != want {
					t.Errorf("page %d, recipient %d: %s is %q, want %q", i+1, r.Seq, titles[j], row[j], want)
				}
			}
		}
		allowed := map[string]bool{"Nomor 400.9/123/2026": true,
			"Halaman " + strconv.Itoa(i+1) + " dari " + strconv.Itoa(len(tables)): true}
		if i == 0 {
			for _, s := range []string{"LAMPIRAN KEPUTUSAN PENETAPAN PENERIMA SANTUNAN KEMATIAN",
				"Daftar penerima santunan kematian", "Nomor: 400.9/123/2026", "Tanggal: 27 November 2026"} {
				allowed[s] = true
			}
		}
		if i == len(tables)-1 {
			allowed["Jumlah 90 penerima: Rp90.000.000"] = true
		}
		for _, run := range tb.Outside {
			if !allowed[run.Text] {
				t.Errorf("page %d: %q lies outside its cell", i+1, run.Text)
			}
			delete(allowed, run.Text)
		}
		for s := range allowed {
			t.Errorf("page %d lacks %q", i+1, s)
		}
	}
	if next != len(d.Recipients) {
		t.Fatalf("%d recipients printed, want %d", next, len(d.Recipients))
	}
	checkWithPdftotext(t, data, d)
}

// checkWithPdftotext reads the file with poppler's pdftotext as a second,
// independent reader: it must find every code and every word of every name.
// .ci/run installs poppler-utils; elsewhere the check runs where it is found.
func checkWithPdftotext(t *testing.T, data []byte, d payments.Decree) {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is missing in CI")
		}
		t.Log("pdftotext not installed: read back with the Go reader only")
		return
	}
	cmd := exec.CommandContext(t.Context(), path, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(string(out)) {
		words[w] = true
	}
	for _, r := range d.Recipients {
		for _, w := range strings.Fields(r.ClaimCode + " " + r.DeceasedName + " " + r.HeirName) {
			w = strings.ReplaceAll(w, "e\u0301", "é")
			if !words[w] {
				t.Errorf("pdftotext does not find %q (recipient %d)", w, r.Seq)
			}
		}
	}
}
