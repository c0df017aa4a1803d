package api_test

import (
	"bytes"
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// resultCodes posts a result file that must be refused and returns each
// problem's code by file line.
func (h *harness) resultCodes(path string, file []byte) map[int]string {
	h.t.Helper()
	var refused refusalOut
	h.expect(h.sendRaw(http.MethodPost, path+"/results", domain.RoleTreasurer, "text/csv", file), http.StatusUnprocessableEntity, &refused)
	if refused.Error.Code != "result_file_refused" {
		h.t.Fatalf("refusal %+v", refused.Error)
	}
	out := map[int]string{}
	for _, p := range refused.Error.Problems {
		if p.Message == "" {
			h.t.Fatalf("problem %+v has no message", p)
		}
		out[p.Line] = p.Code
	}
	return out
}

// The bank is sent only what the treasurer took with a POST, and can only
// have paid that; a line it never had is withdrawn or failed by the
// treasurer instead. Every refusal is a 4xx with a stable code, a closed
// batch included, and the trail verifies after all of it.
func TestTransferFilesAndHeldLinesOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		treasurer := domain.RoleTreasurer
		claims := h.on().ApprovedClaims(3)
		var b batchOut
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements", treasurer, map[string]any{
			"claim_ids": []int64{claims[0].ID, claims[1].ID, claims[2].ID}}), http.StatusCreated, &b)
		path := "/api/v1/disbursements/" + itoa(b.ID)
		h.expect(h.do(http.MethodGet, path, treasurer, nil), http.StatusOK, &b)
		held, sent := b.Items[0], b.Items[1]
		h.expect(h.do(http.MethodPost, path+"/account-checks", treasurer, map[string]any{
			"items": []map[string]any{{"claim_id": held.ClaimID, "name_at_bank": "SITI AMINAH BINTI KARTO"}}}), http.StatusOK, nil)

		// Before any file was taken, the bank cannot have paid anyone.
		if got := h.resultCodes(path, resultsCSV(b, nil, 1_000_000)); got[2] != "held_back" || got[3] != "not_sent" || got[4] != "not_sent" {
			t.Fatalf("problems %v", got)
		}
		h.expectError(h.do(http.MethodGet, path+"/transfer-file", treasurer, nil), http.StatusConflict, "transfer_not_sent")
		resp := h.do(http.MethodPost, path+"/transfer-file", treasurer, nil)
		file := h.expect(resp, http.StatusCreated, nil)
		if resp.Header.Get("X-Control-Count") != "2" || resp.Header.Get("X-Held-Back") != "1" || len(resp.Header.Get("X-Content-SHA256")) != 64 {
			t.Fatalf("headers %v", resp.Header)
		}
		var after struct {
			batchOut
			TransferFiles []struct {
				Seq   int `json:"seq"`
				Lines int `json:"line_count"`
			} `json:"transfer_files"`
		}
		h.expect(h.do(http.MethodGet, path, domain.RoleAuditor, nil), http.StatusOK, &after)
		if len(after.TransferFiles) != 1 || after.TransferFiles[0].Lines != 2 || !after.Items[0].HeldBack ||
			after.Items[0].TransferFile != nil || after.Items[1].TransferFile == nil || *after.Items[1].TransferFile != 1 {
			t.Fatalf("batch after sending %+v", after)
		}
		if got := h.resultCodes(path, resultsCSV(b, nil, 1_000_000)); len(got) != 1 || got[2] != "held_back" {
			t.Fatalf("problems %v, want only the held-back line", got)
		}

		// The held-back line leaves the batch; a line the bank has cannot.
		lines := path + "/items/"
		h.expectError(h.do(http.MethodPost, lines+itoa(sent.ClaimID)+"/withdraw", treasurer, map[string]any{"reason": "x"}), http.StatusConflict, "line_sent")
		h.expectError(h.do(http.MethodPost, lines+itoa(held.ClaimID)+"/withdraw", treasurer, map[string]any{}), http.StatusUnprocessableEntity, "validation_failed")
		h.expectError(h.do(http.MethodPost, lines+itoa(held.ClaimID)+"/withdraw", domain.RoleDinsosOfficer, map[string]any{"reason": "x"}), http.StatusForbidden, "forbidden")
		h.expectError(h.do(http.MethodPost, lines+"424242/fail", treasurer, map[string]any{"reason": "x"}), http.StatusNotFound, "not_found")
		var out struct {
			Item batchItemOut `json:"item"`
		}
		h.expect(h.do(http.MethodPost, lines+itoa(held.ClaimID)+"/withdraw", treasurer, map[string]any{"reason": "Nama rekening berbeda"}), http.StatusOK, &out)
		if out.Item.State != "withdrawn" || h.claim(held.ClaimID).Status != "approved" {
			t.Fatalf("withdrawn line %+v", out.Item)
		}
		h.expectError(h.do(http.MethodPost, lines+itoa(held.ClaimID)+"/fail", treasurer, map[string]any{"reason": "x"}), http.StatusConflict, "line_resolved")

		// The bank pays what it was sent; the batch closes.
		paying := b
		paying.Items = b.Items[1:]
		h.expect(h.sendRaw(http.MethodPost, path+"/results", treasurer, "text/csv", resultsCSV(paying, nil, 1_000_000)), http.StatusOK, nil)
		h.expectError(h.do(http.MethodPost, path+"/transfer-file", treasurer, nil), http.StatusConflict, "batch_closed")
		again := h.expect(h.do(http.MethodGet, path+"/transfer-file?file=1", treasurer, nil), http.StatusOK, nil)
		if !bytes.Equal(again, file) {
			t.Fatalf("file of the closed batch %q, sent %q", again, file)
		}
		h.expectError(h.do(http.MethodGet, path+"/transfer-file?file=2", treasurer, nil), http.StatusNotFound, "not_found")
		h.expectError(h.do(http.MethodGet, path+"/transfer-file?file=x", treasurer, nil), http.StatusUnprocessableEntity, "validation_failed")

		// Batched again, the withdrawn claim is still held back; failed by
		// the treasurer, its batch closes with no file ever sent.
		var next batchOut
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements", treasurer, map[string]any{"claim_ids": []int64{held.ClaimID}}), http.StatusCreated, &next)
		nextPath := "/api/v1/disbursements/" + itoa(next.ID)
		h.expectError(h.do(http.MethodPost, nextPath+"/transfer-file", treasurer, nil), http.StatusConflict, "nothing_to_send")
		h.expect(h.do(http.MethodPost, nextPath+"/items/"+itoa(held.ClaimID)+"/fail", treasurer, map[string]any{"reason": "Rekening atas nama orang lain"}), http.StatusOK, &out)
		if out.Item.State != "failed" || h.claim(held.ClaimID).Status != "payment_failed" {
			t.Fatalf("failed line %+v", out.Item)
		}
		h.expectError(h.do(http.MethodPost, nextPath+"/transfer-file", treasurer, nil), http.StatusConflict, "batch_closed")
		h.expectError(h.do(http.MethodGet, nextPath+"/transfer-file", treasurer, nil), http.StatusConflict, "transfer_not_sent")

		// The officer corrects the account; the claim is batched, sent and paid.
		h.act(claimOut{ID: held.ClaimID}, domain.RoleDinsosOfficer, "retry_payment", map[string]any{
			"bank_account": map[string]string{"bank_code": "002", "account_number": "0987654321", "account_name": "SITI AMINAH"}})
		var last batchOut
		h.expect(h.do(http.MethodPost, "/api/v1/disbursements", treasurer, map[string]any{"claim_ids": []int64{held.ClaimID}}), http.StatusCreated, &last)
		lastPath := "/api/v1/disbursements/" + itoa(last.ID)
		h.expect(h.do(http.MethodGet, lastPath, treasurer, nil), http.StatusOK, &last)
		h.expect(h.do(http.MethodPost, lastPath+"/transfer-file", treasurer, nil), http.StatusCreated, nil)
		h.expect(h.sendRaw(http.MethodPost, lastPath+"/results", treasurer, "text/csv", resultsCSV(last, nil, 1_000_000)), http.StatusOK, nil)
		if s := h.claim(held.ClaimID).Status; s != "paid" {
			t.Fatalf("claim is %s", s)
		}
		var verify struct {
			OK bool `json:"ok"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &verify)
		if !verify.OK {
			t.Fatal("audit trail does not verify")
		}
	})
}
