package testserver

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"santunan/domain"
)

// Batch is a payment batch as the API answers it.
type Batch struct {
	ID          int64       `json:"id"`
	Status      string      `json:"status"`
	ClaimCount  int         `json:"claim_count"`
	TotalAmount int64       `json:"total_amount"`
	Items       []BatchItem `json:"items"`
}

// BatchItem is one line of a batch.
type BatchItem struct {
	ClaimID   int64  `json:"claim_id"`
	ClaimCode string `json:"claim_code"`
	Amount    int64  `json:"amount"`
	State     string `json:"state"`
	// TransferFile is the transfer file the line was sent in (nil: none
	// yet); HeldBack, a line kept out of the files for a name mismatch.
	TransferFile *int `json:"transfer_file"`
	HeldBack     bool `json:"held_back"`
}

// ResultReport is the answer to a result file.
type ResultReport struct {
	AlreadyApplied bool `json:"already_applied"`
	Paid           int  `json:"paid"`
	Failed         int  `json:"failed"`
	Unchanged      int  `json:"unchanged"`
}

// BatchPath is a batch's API path.
func BatchPath(id int64) string { return "/api/v1/disbursements/" + strconv.FormatInt(id, 10) }

// NewBatch builds a batch of the approved claims as the treasurer and
// returns it with its lines.
func (s *Server) NewBatch(claims ...Claim) Batch {
	s.T.Helper()
	ids := make([]int64, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	var b Batch
	s.Expect(s.Do(http.MethodPost, "/api/v1/disbursements", domain.RoleTreasurer, map[string]any{"claim_ids": ids}), http.StatusCreated, &b)
	return s.Batch(b.ID)
}

// Batch reads a batch with its lines as the auditor.
func (s *Server) Batch(id int64) Batch {
	s.T.Helper()
	var b Batch
	s.Expect(s.Do(http.MethodGet, BatchPath(id), domain.RoleAuditor, nil), http.StatusOK, &b)
	return b
}

// SendTransferFile takes the batch's transfer file for the bank as the
// treasurer (a deliberate POST, which records the file and marks its lines
// sent) and returns the file. It is the one place that knows how that is
// done.
func (s *Server) SendTransferFile(batchID int64) []byte {
	s.T.Helper()
	return s.Expect(s.Do(http.MethodPost, BatchPath(batchID)+"/transfer-file", domain.RoleTreasurer, nil), http.StatusCreated, nil)
}

// ResultsCSV is the bank's result file for a batch: every line SUCCESS
// with the amount, except the claim codes in failed, FAILED with the reason.
func ResultsCSV(b Batch, failed map[string]string, amount int64) []byte {
	var sb strings.Builder
	sb.WriteString("reference,status,bank_reference,failure_reason,time,amount\r\n")
	for i, it := range b.Items {
		if reason, ok := failed[it.ClaimCode]; ok {
			fmt.Fprintf(&sb, "%s,FAILED,,%s,2026-11-28T15:00:00+07:00,%d\r\n", it.ClaimCode, reason, amount)
		} else {
			fmt.Fprintf(&sb, "%s,SUCCESS,JTG-%d,,2026-11-28T15:00:00+07:00,%d\r\n", it.ClaimCode, i+1, amount)
		}
	}
	return []byte(sb.String())
}

// PostResults posts a result file for the batch as the treasurer.
func (s *Server) PostResults(batchID int64, file []byte) *http.Response {
	s.T.Helper()
	return s.Raw(http.MethodPost, BatchPath(batchID)+"/results", domain.RoleTreasurer, "text/csv", strings.NewReader(string(file)))
}

// ApplyResults posts the bank's result for a sent batch (ResultsCSV with
// the benefit amount) and expects it applied.
func (s *Server) ApplyResults(b Batch, failed map[string]string) ResultReport {
	s.T.Helper()
	var rep ResultReport
	s.Expect(s.PostResults(b.ID, ResultsCSV(b, failed, s.Config.BenefitAmount)), http.StatusOK, &rep)
	return rep
}

// FailureReason is the reason a PaymentFailed claim's bank line gives.
const FailureReason = "REKENING DITUTUP"

// InBatch files fixture claim n and brings it into a batch of its own
// (status disbursing); it returns the claim and the batch.
func (s *Server) InBatch(n int) (Claim, Batch) {
	s.T.Helper()
	c := s.Approved(n)
	b := s.NewBatch(c)
	return s.Claim(c.ID), b
}

// Paid files fixture claim n and pays it: a batch, its transfer file sent,
// the bank's SUCCESS line applied.
func (s *Server) Paid(n int) Claim {
	s.T.Helper()
	c, b := s.InBatch(n)
	s.SendTransferFile(b.ID)
	s.ApplyResults(b, nil)
	return s.Claim(c.ID)
}

// PaymentFailed files fixture claim n and has its payment fail: a batch,
// its transfer file sent, the bank's FAILED line (FailureReason) applied.
func (s *Server) PaymentFailed(n int) Claim {
	s.T.Helper()
	c, b := s.InBatch(n)
	s.SendTransferFile(b.ID)
	s.ApplyResults(b, map[string]string{c.Code: FailureReason})
	return s.Claim(c.ID)
}

// Bring files fixture claim n and brings it to the status through the API
// as staff would, on the shortest path there.
func (s *Server) Bring(n int, status domain.Status) Claim {
	s.T.Helper()
	reason := map[string]any{"reason": "Diuji"}
	switch status {
	case domain.StatusSubmitted:
		return s.File(n)
	case domain.StatusReturned:
		return s.Act(s.File(n), domain.RoleDukcapilClerk, "return", reason)
	case domain.StatusRejected:
		return s.Act(s.File(n), domain.RoleDukcapilClerk, "reject", reason)
	case domain.StatusCancelled:
		return s.Act(s.Approved(n), domain.RoleDinsosOfficer, "cancel", reason)
	case domain.StatusDeathVerified:
		return s.Verified(n)
	case domain.StatusApproved:
		return s.Approved(n)
	case domain.StatusDisbursing:
		c, _ := s.InBatch(n)
		return c
	case domain.StatusPaid:
		return s.Paid(n)
	case domain.StatusPaymentFailed:
		return s.PaymentFailed(n)
	}
	s.T.Fatalf("Bring: no path to status %s", status)
	return Claim{}
}

// BudgetLine is a year's budget as the API answers it.
type BudgetLine struct {
	Year      int   `json:"year"`
	Ceiling   int64 `json:"ceiling"`
	Committed int64 `json:"committed"`
	Remaining int64 `json:"remaining"`
}

// Budget reads a year's budget line as the auditor.
func (s *Server) Budget(year int) BudgetLine {
	s.T.Helper()
	var b BudgetLine
	s.Expect(s.Do(http.MethodGet, "/api/v1/budgets/"+strconv.Itoa(year), domain.RoleAuditor, nil), http.StatusOK, &b)
	return b
}

// AuditOK fails the test unless GET /api/v1/audit/verify answers ok.
func (s *Server) AuditOK() {
	s.T.Helper()
	var v struct {
		OK bool `json:"ok"`
	}
	raw := s.Expect(s.Do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &v)
	if !v.OK {
		s.T.Fatalf("audit verify is not ok: %s", raw)
	}
}
