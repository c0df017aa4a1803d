package stresstest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Every claim of a run is a new death numbered by a serial: its NIKs, its
// death certificate and its register line derive from the serial, so no two
// serials collide and a duplicate is always deliberate.

// deceasedNIK is the deceased's NIK of serial n: kecamatan 332415 (Kendal),
// a birth date in 1950 that varies with n, and n's last four digits.
func deceasedNIK(n int) string {
	day, month := 1+(n/9999)%28, 1+(n/(9999*28))%12
	return fmt.Sprintf("332415%02d%02d50%04d", day, month, n%9999+1)
}

// heirNIK is the heir's: a woman born 15 May 1980 (day + 40).
func heirNIK(n int) string { return fmt.Sprintf("332415550580%04d", n%9999+1) }

// certificateNo is serial n's death certificate number.
func certificateNo(n int) string { return fmt.Sprintf("3324-KM-%08d", n) }

const (
	deceasedName = "Ahmad Fauzi"
	villageCode  = "3324151001"
	accountName  = "SITI AMINAH"
)

// dateOfDeath is a date within the claim window: 1 to 30 days ago.
func dateOfDeath(today time.Time, n int) string {
	return today.AddDate(0, 0, -(1 + n%30)).Format(time.DateOnly)
}

// claimBody is a valid claim for serial n.
func claimBody(n int, today time.Time) map[string]any {
	return map[string]any{
		"deceased": map[string]any{"nik": deceasedNIK(n), "full_name": deceasedName, "date_of_death": dateOfDeath(today, n),
			"place_of_death": "RSUD dr. H. Soewondo Kendal", "kk_number": "3324151203100007",
			"address": "Jl. Soekarno-Hatta No. 12 RT 02 RW 03", "village_code": villageCode},
		"heir":         map[string]any{"nik": heirNIK(n), "full_name": "Siti Aminah", "relationship": "spouse", "phone": "081234567890"},
		"bank_account": bankAccount(n, accountName),
	}
}

func bankAccount(n int, name string) map[string]any {
	return map[string]any{"bank_code": "113", "account_number": fmt.Sprintf("12%08d", n), "account_name": name}
}

// Text that no field may take: a NUL, bidi overrides, a zero-width space.
var hostile = []string{"Ahmad\x00Fauzi", "Ahmad \u202eizuaF", "Ah\u200bmad", "\u2066Ahmad\u2069"}

// badClaim is a claim body that must be refused, and why. Each changes one
// thing of a valid claim, or breaks the JSON itself.
func badClaim(rng *rand.Rand, n int, today time.Time) (body []byte, ctype, why string) {
	set := func(part, field string, v any) func(map[string]any) {
		return func(b map[string]any) { b[part].(map[string]any)[field] = v }
	}
	edits := []struct {
		why  string
		edit func(map[string]any)
	}{
		{"NIK too short", set("deceased", "nik", "33241501015")},
		{"NIK of no kecamatan", set("deceased", "nik", "9999990101500001")},
		{"NIK with day 32", set("deceased", "nik", "3324153201500001")},
		{"NIK ending 0000", set("deceased", "nik", "3324150101500000")},
		{"heir's NIK is the deceased's", set("heir", "nik", deceasedNIK(n))},
		{"heir younger than 17", set("heir", "nik", "3324150101200001")},
		{"death in the future", set("deceased", "date_of_death", today.AddDate(0, 0, 3).Format(time.DateOnly))},
		{"death outside the window", set("deceased", "date_of_death", today.AddDate(0, 0, -200).Format(time.DateOnly))},
		{"no such date", set("deceased", "date_of_death", "2026-02-30")},
		{"village outside the regency", set("deceased", "village_code", "3374010001")},
		{"phone not Indonesian mobile", set("heir", "phone", "12345")},
		{"unknown bank", set("bank_account", "bank_code", "999")},
		{"account number with letters", set("bank_account", "account_number", "12ab34cd")},
		{"relationship unknown", set("heir", "relationship", "cousin")},
		{"name empty", set("deceased", "full_name", "")},
		{"hostile name", set("deceased", "full_name", hostile[rng.IntN(len(hostile))])},
		{"hostile heir name", set("heir", "full_name", hostile[rng.IntN(len(hostile))])},
		{"hostile account name", set("bank_account", "account_name", hostile[rng.IntN(len(hostile))])},
		{"hostile place of death", set("deceased", "place_of_death", hostile[rng.IntN(len(hostile))])},
		{"hostile address", set("deceased", "address", "Jl. Pemuda \u202e21")},
	}
	switch k := rng.IntN(len(edits) + 5); {
	case k < len(edits):
		b := claimBody(n, today)
		edits[k].edit(b)
		raw, _ := json.Marshal(b)
		return raw, "", edits[k].why
	case k == len(edits):
		return []byte(`{"deceased":{"nik":`), "", "malformed JSON"
	case k == len(edits)+1:
		raw, _ := json.Marshal(claimBody(n, today))
		return append(raw, []byte(`{}`)...), "", "trailing data"
	case k == len(edits)+2:
		b := claimBody(n, today)
		b["amount"] = 5_000_000
		raw, _ := json.Marshal(b)
		return raw, "", "unknown field"
	case k == len(edits)+3:
		// Invalid UTF-8 in a name: whether it is refused as bytes or read
		// as U+FFFD, a name takes letters only.
		raw, _ := json.Marshal(claimBody(n, today))
		return []byte(strings.Replace(string(raw), deceasedName, "Ahmad \xff\xfe Fauzi", 1)), "", "invalid UTF-8 in a name"
	default:
		return []byte(`[]`), "", "an array, not a claim"
	}
}

// Documents: the three accepted types by their first bytes, each upload
// with its own bytes (its own hash).
func document(rng *rand.Rand, tag string) (data []byte, filename string) {
	switch rng.IntN(3) {
	case 0:
		return []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% " + tag + "\n%%EOF\n"), tag + ".pdf"
	case 1:
		return append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), tag...), tag + ".png"
	default:
		return append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), tag...), tag + ".jpg"
	}
}

// reasonKind says what a reason is worth: a good one, an empty one (fine
// where the reason is optional), or one no field may take.
type reasonKind int

const (
	reasonGood reasonKind = iota
	reasonEmpty
	reasonInvalid
)

// reason is a reason staff type, now and then one that must be refused.
func reason(rng *rand.Rand) (string, reasonKind) {
	switch rng.IntN(16) {
	case 0:
		return []string{"", "  "}[rng.IntN(2)], reasonEmpty
	case 1:
		return []string{"Alasan\x00", "Alasan \u202ekebalik", "Ala\u200bsan", strings.Repeat("panjang ", 200)}[rng.IntN(4)], reasonInvalid
	}
	return []string{"Data ahli waris tidak lengkap", "Akta kematian tidak terbaca", "Dibatalkan atas permintaan keluarga",
		"Rekening atas nama orang lain", "Sesuai hasil verifikasi lapangan"}[rng.IntN(5)], reasonGood
}
