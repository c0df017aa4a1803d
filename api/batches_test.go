package api_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"santunan/config"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// sendRaw sends a body of any content type as the role.
func (h *harness) sendRaw(method, path string, role domain.Role, contentType string, body []byte) *http.Response {
	h.t.Helper()
	return h.raw(method, path, role, contentType, bytes.NewReader(body))
}

// download fetches a file and checks its type and name.
func (h *harness) download(path string, role domain.Role, contentType, filename string) []byte {
	h.t.Helper()
	resp := h.do(http.MethodGet, path, role, nil)
	body := h.expect(resp, http.StatusOK, nil)
	if got := resp.Header.Get("Content-Type"); got != contentType {
		h.t.Fatalf("%s: Content-Type %q, want %q", path, got, contentType)
	}
	if got := resp.Header.Get("Content-Disposition"); got != `attachment; filename="`+filename+`"` {
		h.t.Fatalf("%s: Content-Disposition %q", path, got)
	}
	return body
}

type refusalOut struct {
	Error struct {
		Code     string `json:"code"`
		Problems []struct {
			Line    int    `json:"line"`
			ClaimID int64  `json:"claim_id"`
			Field   string `json:"field"`
			Code    string `json:"code"`
			Status  string `json:"status"`
			Message string `json:"message"`
		} `json:"problems"`
		ProblemCount int `json:"problem_count"`
		Budget       struct {
			Year      int   `json:"year"`
			Remaining int64 `json:"remaining"`
		} `json:"budget"`
	} `json:"error"`
}

func TestPaymentsOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		// The office has no budget yet: the test sets it.
		h := start(t, db, testserver.NoBudget())
		officer, treasurer := domain.RoleDinsosOfficer, domain.RoleTreasurer

		// The budget line: set by the officer (or admin), read by the treasurer.
		h.expect(h.do(http.MethodPost, "/api/v1/budgets/2026", officer, map[string]any{"ceiling": 2_000_000}), http.StatusCreated, nil)
		var budget struct {
			Ceiling   int64 `json:"ceiling"`
			Committed int64 `json:"committed"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/budgets/2026", treasurer, nil), http.StatusOK, &budget)
		if budget.Ceiling != 2_000_000 || budget.Committed != 0 {
			t.Fatalf("budget %+v", budget)
		}
		h.expectError(h.do(http.MethodPost, "/api/v1/budgets/2026", treasurer, map[string]any{"ceiling": 1}), http.StatusForbidden, "forbidden")
		h.expectError(h.do(http.MethodGet, "/api/v1/budgets/2026", domain.RoleDukcapilClerk, nil), http.StatusForbidden, "forbidden")
		h.expectError(h.do(http.MethodPost, "/api/v1/budgets/2026", officer, map[string]any{}), http.StatusUnprocessableEntity, "validation_failed")
		h.expectError(h.do(http.MethodGet, "/api/v1/budgets/2031", officer, nil), http.StatusNotFound, "not_found")

		// One claim approved on its own, two more in a decree that does not fit.
		claims := []claimOut{h.verifiedClaim(1), h.verifiedClaim(2), h.verifiedClaim(3)}
		for _, c := range claims {
			h.approveDocuments(c)
		}
		claims[0] = h.act(claims[0], officer, "approve", nil)
		if claims[0].Amount != 1_000_000 || len(claims[0].AllowedActions) != 1 {
			t.Fatalf("approved claim %+v", claims[0])
		}
		decree := map[string]any{"number": "400.9/123/2026", "date": "2026-11-28", "claim_ids": []int64{claims[1].ID, claims[2].ID}}
		var refused refusalOut
		h.expect(h.do(http.MethodPost, "/api/v1/decrees", officer, decree), http.StatusUnprocessableEntity, &refused)
		if refused.Error.Code != "decree_refused" || len(refused.Error.Problems) != 1 ||
			refused.Error.Problems[0].ClaimID != claims[2].ID || refused.Error.Problems[0].Code != "budget_exhausted" ||
			refused.Error.Problems[0].Message == "" {
			t.Fatalf("refusal %+v", refused.Error)
		}
		h.expect(h.do(http.MethodPost, "/api/v1/budgets/2026", domain.RoleAdmin, map[string]any{"ceiling": 10_000_000}), http.StatusOK, nil)
		var d struct {
			ID         int64 `json:"id"`
			ClaimCount int   `json:"claim_count"`
			Recipients []struct {
				ClaimCode   string `json:"claim_code"`
				VillageName string `json:"village_name"`
			} `json:"recipients"`
		}
		h.expect(h.do(http.MethodPost, "/api/v1/decrees", officer, decree), http.StatusCreated, &d)
		if d.ClaimCount != 2 || len(d.Recipients) != 2 || d.Recipients[0].ClaimCode != claims[1].Code || d.Recipients[0].VillageName != "Candiroto" {
			t.Fatalf("decree %+v", d)
		}
		h.expectError(h.do(http.MethodPost, "/api/v1/decrees", officer, decree), http.StatusConflict, "duplicate_decree")
		h.expectError(h.do(http.MethodPost, "/api/v1/decrees", treasurer, decree), http.StatusForbidden, "forbidden")
		decreePath := "/api/v1/decrees/" + itoa(d.ID)
		if pdf := h.download(decreePath+"/recipients.pdf", domain.RoleAuditor, "application/pdf", "sk-400.9-123-2026-penerima.pdf"); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatal("decree PDF is not a PDF")
		}
		if xlsx := h.download(decreePath+"/recipients.xlsx", treasurer,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "sk-400.9-123-2026-penerima.xlsx"); !bytes.HasPrefix(xlsx, []byte("PK")) {
			t.Fatal("decree XLSX is not a zip")
		}

		// Payments go through a batch only.
		var asTreasurer claimOut
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(claims[0].ID), treasurer, nil), http.StatusOK, &asTreasurer)
		if len(asTreasurer.AllowedActions) != 0 {
			t.Fatalf("treasurer offered %v on an approved claim", asTreasurer.AllowedActions)
		}
		h.expectError(h.do(http.MethodPost, actionPath(claims[0].ID, "start_payment"), treasurer, nil), http.StatusConflict, "action_reserved")

		var b batchOut
		h.expectError(h.do(http.MethodPost, "/api/v1/disbursements", officer, map[string]any{"all_approved": true}), http.StatusForbidden, "forbidden")
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements", treasurer, map[string]any{"all_approved": true}), http.StatusCreated, &b)
		if b.ClaimCount != 3 || b.TotalAmount != 3_000_000 || b.Status != "open" {
			t.Fatalf("batch %+v", b)
		}
		batchPath := "/api/v1/disbursements/" + itoa(b.ID)
		h.expect(h.do(http.MethodGet, batchPath, domain.RoleAuditor, nil), http.StatusOK, &b)
		var list struct {
			Items []batchOut `json:"items"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/disbursements?status=open", officer, nil), http.StatusOK, &list)
		if len(b.Items) != 3 || len(list.Items) != 1 || list.Items[0].ID != b.ID {
			t.Fatalf("batch %+v, list %+v", b, list)
		}
		// Nothing is sent until the treasurer takes the file (a POST).
		h.expectError(h.do(http.MethodGet, batchPath+"/transfer-file", treasurer, nil), http.StatusConflict, "transfer_not_sent")
		resp := h.do(http.MethodPost, batchPath+"/transfer-file", treasurer, nil)
		transfer := h.expect(resp, http.StatusCreated, nil)
		if resp.Header.Get("X-Control-Count") != "3" || resp.Header.Get("X-Control-Total") != "3000000" ||
			resp.Header.Get("X-Transfer-File") != "1" || resp.Header.Get("Location") != batchPath+"/transfer-file?file=1" {
			t.Fatalf("control totals %v", resp.Header)
		}
		if !strings.HasPrefix(string(transfer), "sequence,bank_code,account_number,account_name,amount,reference,remark\r\n1,113,1234567890,SITI AMINAH,1000000,") {
			t.Fatalf("transfer file %q", transfer)
		}
		again := h.download(batchPath+"/transfer-file", treasurer, "text/csv; charset=utf-8", fmt.Sprintf("transfer-batch-%d.csv", b.ID))
		if !bytes.Equal(again, transfer) {
			t.Fatalf("downloaded again %q, sent %q", again, transfer)
		}
		h.expectError(h.do(http.MethodPost, batchPath+"/transfer-file", treasurer, nil), http.StatusConflict, "nothing_to_send")
		h.expectError(h.do(http.MethodGet, batchPath+"/transfer-file", domain.RoleAuditor, nil), http.StatusForbidden, "forbidden")
		h.expectError(h.do(http.MethodPost, batchPath+"/transfer-file", domain.RoleAuditor, nil), http.StatusForbidden, "forbidden")

		// Account checks: by hand (no bank inquiry is configured).
		var checks struct {
			Mismatches int `json:"mismatches"`
		}
		h.expect(h.do(http.MethodPost, batchPath+"/account-checks", treasurer, map[string]any{
			"items": []map[string]any{{"claim_id": b.Items[2].ClaimID, "name_at_bank": "SITI AMINAH BINTI KARTO"}}}), http.StatusOK, &checks)
		var flagged claimOut
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(b.Items[2].ClaimID), officer, nil), http.StatusOK, &flagged)
		if checks.Mismatches != 1 || !slices.Contains(flagged.Warnings, "account_name_mismatch") {
			t.Fatalf("checks %+v, warnings %v", checks, flagged.Warnings)
		}
		h.expectError(h.do(http.MethodPost, batchPath+"/account-inquiry", treasurer, nil), http.StatusConflict, "inquiry_unavailable")

		// A file with a wrong amount is refused whole; the right file pays.
		h.expect(h.sendRaw(http.MethodPost, batchPath+"/results", treasurer, "text/csv", resultsCSV(b, nil, 999)), http.StatusUnprocessableEntity, &refused)
		if refused.Error.Code != "result_file_refused" || refused.Error.ProblemCount != 3 || refused.Error.Problems[0].Line != 2 ||
			refused.Error.Problems[0].Code != "amount_mismatch" {
			t.Fatalf("refusal %+v", refused.Error)
		}
		h.expectError(h.sendRaw(http.MethodPost, batchPath+"/results", treasurer, "text/plain", []byte("x")), http.StatusUnsupportedMediaType, "unsupported_media_type")
		file := resultsCSV(b, map[string]string{b.Items[2].ClaimCode: "NAMA TIDAK SESUAI"}, 1_000_000)
		var rep struct {
			AlreadyApplied bool `json:"already_applied"`
			Paid           int  `json:"paid"`
			Failed         int  `json:"failed"`
			Unchanged      int  `json:"unchanged"`
		}
		h.expect(h.sendRaw(http.MethodPost, batchPath+"/results", treasurer, "text/csv; charset=utf-8", file), http.StatusOK, &rep)
		if rep.Paid != 2 || rep.Failed != 1 || rep.AlreadyApplied {
			t.Fatalf("report %+v", rep)
		}
		h.expect(h.sendRaw(http.MethodPost, batchPath+"/results", treasurer, "text/csv", file), http.StatusOK, &rep)
		if !rep.AlreadyApplied || rep.Unchanged != 3 || rep.Paid != 0 {
			t.Fatalf("second upload %+v", rep)
		}
		// The same results as JSON are recognised line by line.
		h.expect(h.do(http.MethodPost, batchPath+"/results", treasurer, map[string]any{"lines": []map[string]any{
			{"reference": b.Items[0].ClaimCode, "status": "SUCCESS", "bank_reference": "JTG-1", "amount": 1_000_000}}}), http.StatusOK, &rep)
		if !rep.AlreadyApplied || rep.Unchanged != 1 {
			t.Fatalf("JSON re-upload %+v", rep)
		}
		var rec struct {
			Balanced bool `json:"balanced"`
			Paid     struct {
				Count int `json:"count"`
			} `json:"paid"`
		}
		h.expect(h.do(http.MethodGet, batchPath+"/reconciliation", domain.RoleAuditor, nil), http.StatusOK, &rec)
		if !rec.Balanced || rec.Paid.Count != 2 {
			t.Fatalf("reconciliation %+v", rec)
		}
		h.download(batchPath+"/reconciliation.xlsx", domain.RoleAuditor,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fmt.Sprintf("rekonsiliasi-batch-%d.xlsx", b.ID))

		// The failed claim is retried with a corrected account into a new
		// batch; a paid claim is refused there.
		failed := claimOut{ID: b.Items[2].ClaimID}
		retried := h.act(failed, officer, "retry_payment", map[string]any{
			"bank_account": map[string]string{"bank_code": "002", "account_number": "0987654321", "account_name": "SITI AMINAH"}})
		if retried.Status != "approved" || slices.Contains(retried.Warnings, "account_name_mismatch") {
			t.Fatalf("retried claim %+v", retried)
		}
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements", treasurer, map[string]any{"claim_ids": []int64{retried.ID, b.Items[0].ClaimID}}),
			http.StatusUnprocessableEntity, &refused)
		if refused.Error.Code != "batch_refused" || len(refused.Error.Problems) != 1 || refused.Error.Problems[0].Status != "paid" {
			t.Fatalf("refusal %+v", refused.Error)
		}
		var second batchOut
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements", treasurer, map[string]any{"claim_ids": []int64{retried.ID}}), http.StatusCreated, &second)
		h.expect(h.do(http.MethodGet, "/api/v1/disbursements/"+itoa(second.ID), treasurer, nil), http.StatusOK, &second)
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements/"+itoa(second.ID)+"/transfer-file", treasurer, nil), http.StatusCreated, nil)
		h.expect(h.sendRaw(http.MethodPost, "/api/v1/disbursements/"+itoa(second.ID)+"/results", treasurer, "text/csv",
			resultsCSV(second, nil, 1_000_000)), http.StatusOK, &rep)
		var paid claimOut
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(retried.ID), treasurer, nil), http.StatusOK, &paid)
		if paid.Status != "paid" || rep.Paid != 1 {
			t.Fatalf("claim %+v after its second batch", paid)
		}
		var verify struct {
			OK bool `json:"ok"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &verify)
		if !verify.OK {
			t.Fatal("audit trail does not verify after the payments")
		}
		// A committed amount edited behind the application's back is named.
		if err := db.Write.Exec("UPDATE budgets SET committed = committed - 1000000").Error; err != nil {
			t.Fatal(err)
		}
		var broken struct {
			OK     bool `json:"ok"`
			Drifts []struct {
				Year int `json:"year"`
			} `json:"budget_drifts"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &broken)
		if broken.OK || len(broken.Drifts) != 1 || broken.Drifts[0].Year != 2026 {
			t.Fatalf("verify after a budget edit = %+v", broken)
		}
	})
}

// Large uploads are bounded by the body limit.
// A result file of 10,000 lines fits (the JSON form too, past the 1 MiB that
// other requests get); one beyond the route's limit is refused unread.
func TestResultFileTooLarge(t *testing.T) {
	h := start(t, testdb.SQLite(t), testserver.Configure(func(c *config.Config) { c.MaxBodyBytes = 1024 }))
	resp := h.sendRaw(http.MethodPost, "/api/v1/disbursements/1/results", domain.RoleTreasurer, "application/json",
		[]byte(`{"lines":[`+strings.Repeat(`{"reference":"SKM-AAAA-BBBB","status":"SUCCESS","bank_reference":"JTG1","amount":1000000},`, 20000)+`{}]}`))
	if resp.StatusCode == http.StatusRequestEntityTooLarge {
		t.Fatalf("a %d-byte JSON result was refused as too large", resp.ContentLength)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	resp = h.sendRaw(http.MethodPost, "/api/v1/disbursements/1/results", domain.RoleTreasurer, "text/csv", bytes.Repeat([]byte("a"), 4<<20+1))
	h.expectError(resp, http.StatusRequestEntityTooLarge, "payload_too_large")
	_, _ = io.Copy(io.Discard, resp.Body)
}
