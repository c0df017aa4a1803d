package api_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// bad marks where a case puts the bad text.
const bad = testserver.Bad

// jsonWith is body as JSON with the bad text where the marker is: control
// characters escaped (JSON allows no raw ones), invalid bytes raw (as a
// broken client sends them), the rest as UTF-8.
func jsonWith(t testing.TB, body any, s string) string {
	t.Helper()
	raw := string(mustJSON(t, body))
	var frag strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			frag.WriteByte(s[i])
		case r < 0x20:
			fmt.Fprintf(&frag, `\u%04x`, r)
		default:
			frag.WriteString(s[i : i+n])
		}
		i += n
	}
	return strings.ReplaceAll(raw, bad, frag.String())
}

// textCase is one text field of the JSON API.
type textCase struct {
	name   string
	method string
	path   string // may hold the marker (a query or path parameter)
	role   domain.Role
	body   any // may hold the marker; nil for none
	field  string
	// own is true for a field with a format of its own (a NIK, a decree
	// number): it may answer with that format's code rather than
	// invalid_characters.
	own bool
}

// Every text field of the JSON API refuses each bad text with 422
// validation_failed naming the field, on both databases, and nothing is
// written: not the claim, not an ERROR line in the log.
func TestBadTextRefusedInEveryAPIField(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs testserver.LogBuffer
		h := start(t, db, testserver.Log(&logs))
		clerk, officer, admin, treasurer := domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAdmin, domain.RoleTreasurer
		c := h.file(1)
		h.expect(h.do(http.MethodPost, "/api/v1/claims", clerk, claimBody(2)), http.StatusCreated, nil)
		claimWith := func(part, key string) map[string]any {
			body := claimBody(9)
			body[part].(map[string]string)[key] = "Ahmad" + bad + "Fauzi"
			return body
		}
		claimPath := "/api/v1/claims/" + itoa(c.ID)
		cases := []textCase{
			{"deceased name", "POST", "/api/v1/claims", clerk, claimWith("deceased", "full_name"), "deceased.full_name", false},
			{"place of death", "POST", "/api/v1/claims", clerk, claimWith("deceased", "place_of_death"), "deceased.place_of_death", false},
			{"address", "POST", "/api/v1/claims", clerk, claimWith("deceased", "address"), "deceased.address", false},
			{"heir name", "POST", "/api/v1/claims", clerk, claimWith("heir", "full_name"), "heir.full_name", false},
			{"account name", "POST", "/api/v1/claims", clerk, claimWith("bank_account", "account_name"), "bank_account.account_name", false},
			{"NIK", "POST", "/api/v1/claims", clerk, claimWith("deceased", "nik"), "deceased.nik", true},
			{"phone", "POST", "/api/v1/claims", clerk, claimWith("heir", "phone"), "heir.phone", true},
			{"village code", "POST", "/api/v1/claims", clerk, claimWith("deceased", "village_code"), "deceased.village_code", true},
			{"reason", "POST", actionPath(c.ID, "return"), clerk, map[string]any{"reason": "Foto KTP buram " + bad + "ulangi"}, "reason", false},
			{"optional reason", "POST", actionPath(c.ID, "verify_death"), clerk,
				map[string]any{"death_certificate_no": "AKTA-1", "reason": "cek " + bad}, "reason", false},
			{"certificate number", "POST", actionPath(c.ID, "verify_death"), clerk, map[string]any{"death_certificate_no": "AKTA" + bad + "1"}, "death_certificate_no", true},
			{"search term", "GET", "/api/v1/claims?q=Ahmad" + bad, clerk, nil, "q", false},
			{"status filter", "GET", "/api/v1/claims?status=submitted" + bad, clerk, nil, "status", false},
			{"cursor", "GET", "/api/v1/claims?cursor=" + bad, clerk, nil, "cursor", false},
			{"claim id in the path", "GET", "/api/v1/claims/1" + bad, clerk, nil, "id", false},
			{"action in the path", "POST", claimPath + "/actions/return" + bad, clerk, map[string]any{"reason": "x"}, "action", false},
			{"document id in the path", "GET", claimPath + "/documents/1" + bad + "/content", clerk, nil, "doc", false},
			{"tracking code", "POST", "/api/v1/public/track", "", map[string]any{"code": "SKM-" + bad, "heir_nik": "3324150101900002"}, "code", false},
			{"tracking NIK", "POST", "/api/v1/public/track", "", map[string]any{"code": c.Code, "heir_nik": "332415010190000" + bad}, "heir_nik", false},
			{"new username", "POST", "/api/v1/users", admin, map[string]any{"username": "siti" + bad, "full_name": "Siti", "role": "auditor", "password": password}, "username", true},
			{"user's full name", "POST", "/api/v1/users", admin, map[string]any{"username": "siti", "full_name": "Siti" + bad, "role": "auditor", "password": password}, "full_name", false},
			{"password", "POST", "/api/v1/users", admin, map[string]any{"username": "siti", "full_name": "Siti", "role": "auditor", "password": password + bad}, "password", false},
			{"role", "POST", "/api/v1/users", admin, map[string]any{"username": "siti", "full_name": "Siti", "role": "auditor" + bad, "password": password}, "role", true},
			{"decree number", "POST", "/api/v1/decrees", officer, map[string]any{"number": "400.9/" + bad + "/2026", "date": "2026-11-28", "claim_ids": []int64{c.ID}}, "number", true},
			{"decree date", "POST", "/api/v1/decrees", officer, map[string]any{"number": "400.9/1/2026", "date": "2026-11-28" + bad, "claim_ids": []int64{c.ID}}, "date", true},
			{"budget year in the path", "GET", "/api/v1/budgets/2026" + bad, officer, nil, "year", false},
			{"village filter", "GET", "/api/v1/death-records/unclaimed?village_code=3324151001" + bad, clerk, nil, "village_code", false},
			{"batch status filter", "GET", "/api/v1/disbursements?status=open" + bad, treasurer, nil, "status", false},
			{"query parameter's name", "GET", "/api/v1/claims?q" + bad + "=1", clerk, nil, "query", false},
		}
		for _, bt := range testserver.BadTexts {
			for _, tc := range cases {
				t.Run(bt.Name+"/"+tc.name, func(t *testing.T) {
					h := h.sub(t)
					path := strings.ReplaceAll(tc.path, bad, url.QueryEscape(bt.S))
					var body any
					if tc.body != nil {
						body = jsonWith(t, tc.body, bt.S)
					}
					e := h.expectError(h.do(tc.method, path, tc.role, body), http.StatusUnprocessableEntity, "validation_failed")
					got := e.Error.Fields[tc.field]
					if got == "" || (!tc.own && got != i18n.Violation(i18n.English, domain.ViolationInvalidCharacters)) {
						t.Fatalf("fields %v, want %s refused as invalid_characters", e.Error.Fields, tc.field)
					}
				})
			}
		}
		// Nothing was filed or changed.
		var list struct {
			Items []claimOut `json:"items"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/claims", domain.RoleAuditor, nil), http.StatusOK, &list)
		if len(list.Items) != 2 || list.Items[0].Status != "submitted" || list.Items[0].Version != 1 {
			t.Fatalf("claims after the refusals: %+v", list.Items)
		}
		logs.NoErrorLines(t)
	})
}

// sub is the harness reporting to a subtest.
func (h *harness) sub(t testing.TB) *harness {
	c := *h
	c.t = t
	return &c
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// The treasurer's text fields refuse each bad text too: the account name
// the bank shows, a result line's bank reference and failure reason (JSON
// and CSV), and the reason a line is failed; nothing is recorded.
func TestBadTextRefusedInBatchFields(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs testserver.LogBuffer
		h := start(t, db, testserver.Log(&logs))
		treasurer := domain.RoleTreasurer
		claims := h.on().ApprovedClaims(2)
		var b batchOut
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements", treasurer, map[string]any{
			"claim_ids": []int64{claims[0].ID, claims[1].ID}}), http.StatusCreated, &b)
		path := "/api/v1/disbursements/" + itoa(b.ID)
		h.expect(h.do(http.MethodGet, path, treasurer, nil), http.StatusOK, &b)
		h.expect(h.do(http.MethodPost, path+"/transfer-file", treasurer, nil), http.StatusCreated, nil)
		line := map[string]any{"reference": b.Items[0].ClaimCode, "status": "SUCCESS", "bank_reference": "JTG-1",
			"time": "2026-11-28T15:00:00+07:00", "amount": 1_000_000}
		with := func(key, value string) map[string]any {
			l := maps.Clone(line)
			l[key] = value
			return map[string]any{"lines": []map[string]any{l}}
		}
		failed := maps.Clone(line)
		failed["status"], failed["bank_reference"], failed["failure_reason"] = "FAILED", "", "Rekening "+bad+"tutup"
		for _, bt := range testserver.BadTexts {
			t.Run(bt.Name, func(t *testing.T) {
				h := h.sub(t)
				for _, body := range []any{with("bank_reference", "JTG-"+bad+"1"), map[string]any{"lines": []map[string]any{failed}},
					with("reference", b.Items[0].ClaimCode+bad)} {
					resp := h.do(http.MethodPost, path+"/results", treasurer, jsonWith(t, body, bt.S))
					if resp.StatusCode != http.StatusUnprocessableEntity {
						h.expect(resp, http.StatusUnprocessableEntity, nil)
					}
					resp.Body.Close()
				}
				csv := "reference,status,bank_reference,failure_reason,time,amount\r\n" + b.Items[0].ClaimCode +
					",SUCCESS,JTG-" + bt.S + "1,,2026-11-28T15:00:00+07:00,1000000\r\n"
				if got := h.resultCodes(path, []byte(csv)); got[2] != domain.ViolationInvalidCharacters {
					t.Fatalf("CSV line problems %v", got)
				}
				checks := map[string]any{"items": []map[string]any{{"claim_id": b.Items[1].ClaimID, "name_at_bank": "SITI " + bad + "AMINAH"}}}
				resp := h.do(http.MethodPost, path+"/account-checks", treasurer, jsonWith(t, checks, bt.S))
				h.expect(resp, http.StatusUnprocessableEntity, nil)
				e := h.expectError(h.do(http.MethodPost, path+"/items/"+itoa(b.Items[1].ClaimID)+"/fail", treasurer,
					jsonWith(t, map[string]any{"reason": "Nama " + bad + "beda"}, bt.S)), http.StatusUnprocessableEntity, "validation_failed")
				if e.Error.Fields["reason"] == "" {
					t.Fatalf("fields %v", e.Error.Fields)
				}
			})
		}
		var after batchOut
		h.expect(h.do(http.MethodGet, path, domain.RoleAuditor, nil), http.StatusOK, &after)
		for _, it := range after.Items {
			if it.State != b.Items[0].State {
				t.Fatalf("a line changed: %+v", after.Items)
			}
		}
		logs.NoErrorLines(t)
	})
}
