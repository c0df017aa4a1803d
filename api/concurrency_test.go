package api_test

import (
	"net/http"
	"slices"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Races through HTTP on the production wiring (documents, budget,
// batches), with real goroutines released together. On SQLite, which has
// one writer, they pass trivially; PostgreSQL under READ COMMITTED is the
// real test: every loser must read the winner's result and get a clear
// 409, never a 500 from a constraint met half-way. After each race the
// audit trail and the budget still verify.

// oneWinner fails unless exactly one result has the winning status and
// every other is a 409 with one of the codes.
func oneWinner(t *testing.T, res []testserver.Result, win int, codes ...string) {
	t.Helper()
	wins := 0
	for _, r := range res {
		switch {
		case r.Status == win:
			wins++
		case r.Status == http.StatusConflict && slices.Contains(codes, r.Code):
		default:
			t.Fatalf("unexpected answer %s (%s); all: %s", r, r.Body, testserver.Describe(res))
		}
	}
	if wins != 1 {
		t.Fatalf("%d winners, want one %d and the rest 409 %v; all: %s", wins, win, codes, testserver.Describe(res))
	}
}

var lostRace = []string{"invalid_transition", "version_conflict"}

// readyToApprove files claims 1..n, each verified with every document
// approve needs, and returns their ids.
func readyToApprove(s *testserver.Server, n int) []int64 {
	s.T.Helper()
	ids := make([]int64, n)
	for i := range ids {
		c := s.Verified(i + 1)
		s.AttachAll(c, testserver.ApproveDocuments)
		ids[i] = c.ID
	}
	return ids
}

// approvedOnce fails unless each claim is approved with one approve in its
// trail, and the year's budget carries exactly their amounts.
func approvedOnce(t *testing.T, s *testserver.Server, ids []int64) {
	t.Helper()
	for _, id := range ids {
		if c, n := s.Claim(id), testserver.Count(s.Events(id), "approve"); c.Status != "approved" || n != 1 {
			t.Fatalf("claim %d: %s, %d approvals", id, c.Status, n)
		}
	}
	if b := s.Budget(s.Year()); b.Committed != int64(len(ids))*s.Config.BenefitAmount {
		t.Fatalf("budget %+v after %d approvals", b, len(ids))
	}
}

// The promise: twenty simultaneous approvals of one claim give one
// 200 and nineteen 409s, one approve in the trail and one commitment.
func TestTwentyConcurrentApprovalsOfOneClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		id := readyToApprove(s, 1)[0]
		res := s.Race(testserver.Times(20, testserver.Request{Method: http.MethodPost,
			Path: actionPath(id, "approve"), Role: domain.RoleDinsosOfficer, Body: map[string]any{}})...)
		s.NoServerErrors(res)
		oneWinner(t, res, http.StatusOK, lostRace...)
		approvedOnce(t, s, []int64{id})
		s.AuditOK()
	})
}

// Ten cancels of one approved claim: one 200, nine 409s, and the budget's
// commitment released exactly once.
func TestTenConcurrentCancelsOfAnApprovedClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		keep := s.Approved(1) // a second commitment, which must stay
		c := s.Approved(2)
		res := s.Race(testserver.Times(10, testserver.Request{Method: http.MethodPost,
			Path: actionPath(c.ID, "cancel"), Role: domain.RoleDinsosOfficer, Body: map[string]any{"reason": "Ahli waris meninggal"}})...)
		s.NoServerErrors(res)
		oneWinner(t, res, http.StatusOK, lostRace...)
		if n := testserver.Count(s.Events(c.ID), "cancel"); n != 1 {
			t.Fatalf("%d cancel events, want 1", n)
		}
		if b := s.Budget(s.Year()); b.Committed != keep.Amount {
			t.Fatalf("budget %+v: committed should be the other claim's %d alone", b, keep.Amount)
		}
		s.AuditOK()
	})
}

// One decree posted eight times at once: one 201, the rest 409 (the
// number is taken, or its claims are approved already).
func TestOneDecreePostedEightTimesAtOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		ids := readyToApprove(s, 3)
		decree := map[string]any{"number": "400.9/77/2026", "date": "2026-11-28", "claim_ids": ids}
		res := s.Race(testserver.Times(8, testserver.Request{Method: http.MethodPost, Path: "/api/v1/decrees",
			Role: domain.RoleDinsosOfficer, Body: decree})...)
		s.NoServerErrors(res)
		oneWinner(t, res, http.StatusCreated, "duplicate_decree", "invalid_transition", "version_conflict")
		approvedOnce(t, s, ids)
		s.AuditOK()
	})
}

// A decree races single approvals of its own claims: no 5xx, each claim
// approved exactly once, and the budget committed for each once.
func TestDecreeRacingSingleApprovalsOfItsClaims(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		ids := readyToApprove(s, 4)
		reqs := []testserver.Request{{Method: http.MethodPost, Path: "/api/v1/decrees", Role: domain.RoleDinsosOfficer,
			Body: map[string]any{"number": "400.9/78/2026", "date": "2026-11-28", "claim_ids": ids}}}
		for _, id := range ids {
			reqs = append(reqs, testserver.Times(2, testserver.Request{Method: http.MethodPost,
				Path: actionPath(id, "approve"), Role: domain.RoleDinsosOfficer, Body: map[string]any{}})...)
		}
		res := s.Race(reqs...)
		s.NoServerErrors(res)
		decreed := res[0].Status == http.StatusCreated
		if !decreed && res[0].Status != http.StatusConflict && res[0].Status != http.StatusUnprocessableEntity {
			t.Fatalf("decree answered %s (%s)", res[0], res[0].Body)
		}
		singles := 0
		for _, r := range res[1:] {
			switch {
			case r.Status == http.StatusOK:
				singles++
			case r.Status != http.StatusConflict || !slices.Contains(lostRace, r.Code):
				t.Fatalf("a single approval answered %s (%s); all: %s", r, r.Body, testserver.Describe(res))
			}
		}
		if decreed && singles != 0 || !decreed && singles != len(ids) {
			t.Fatalf("decree %s with %d single approvals of %d claims; all: %s", res[0], singles, len(ids), testserver.Describe(res))
		}
		approvedOnce(t, s, ids)
		s.AuditOK()
	})
}

// retry_payment races itself and cancel, each sent with the version the
// officer saw: one wins, the rest are 409, and the commitment matches the
// outcome (kept by a retry, released by a cancel).
func TestRetryPaymentRacingItselfAndCancel(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		c := s.PaymentFailed(1)
		retry := map[string]any{"version": c.Version,
			"bank_account": map[string]string{"bank_code": "002", "account_number": "0987654321", "account_name": "SITI AMINAH"}}
		cancel := map[string]any{"version": c.Version, "reason": "Ahli waris tidak dapat dihubungi"}
		reqs := testserver.Times(5, testserver.Request{Method: http.MethodPost, Path: actionPath(c.ID, "retry_payment"),
			Role: domain.RoleDinsosOfficer, Body: retry})
		reqs = append(reqs, testserver.Times(5, testserver.Request{Method: http.MethodPost, Path: actionPath(c.ID, "cancel"),
			Role: domain.RoleDinsosOfficer, Body: cancel})...)
		res := s.Race(reqs...)
		s.NoServerErrors(res)
		oneWinner(t, res, http.StatusOK, lostRace...)
		now, events := s.Claim(c.ID), s.Events(c.ID)
		want := map[string]int64{"approved": s.Config.BenefitAmount, "cancelled": 0}
		committed, ok := want[now.Status]
		if !ok || testserver.Count(events, "retry_payment")+testserver.Count(events, "cancel") != 1 {
			t.Fatalf("claim %s after the race, trail %v", now.Status, events)
		}
		if b := s.Budget(s.Year()); b.Committed != committed {
			t.Fatalf("budget %+v with the claim %s", b, now.Status)
		}
		s.AuditOK()
	})
}

// A document upload races the result file that pays its claim: no 5xx;
// an upload that comes after the payment is refused with a 409 (a paid
// claim's documents are final), and the claim is paid once.
func TestDocumentUploadRacingThePaymentOfItsClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		c, b := s.InBatch(1)
		s.SendTransferFile(b.ID)
		reqs := []testserver.Request{{Method: http.MethodPost, Path: testserver.BatchPath(b.ID) + "/results",
			Role: domain.RoleTreasurer, ContentType: "text/csv", Body: resultsCSV(b, nil, s.Config.BenefitAmount)}}
		for i := range 6 {
			reqs = append(reqs, testserver.UploadRequest(c.ID, domain.RoleDukcapilClerk, "lainnya",
				"susulan-"+itoa(int64(i))+".pdf", testserver.PDF("lainnya-"+itoa(int64(i)))))
		}
		res := s.Race(reqs...)
		s.NoServerErrors(res)
		if res[0].Status != http.StatusOK {
			t.Fatalf("result file answered %s (%s)", res[0], res[0].Body)
		}
		for _, r := range res[1:] {
			if r.Status != http.StatusCreated && r.Status != http.StatusConflict {
				t.Fatalf("an upload answered %s (%s); all: %s", r, r.Body, testserver.Describe(res))
			}
		}
		if now := s.Claim(c.ID); now.Status != "paid" || testserver.Count(s.Events(c.ID), "confirm_payment") != 1 {
			t.Fatalf("claim %s, %d payments", now.Status, testserver.Count(s.Events(c.ID), "confirm_payment"))
		}
		// Once paid, an upload is refused.
		s.ExpectError(s.Upload(c.ID, domain.RoleDukcapilClerk, "lainnya", "telat.pdf", testserver.PDF("telat")),
			http.StatusConflict, "invalid_transition")
		s.AuditOK()
	})
}

// Two result files for one batch at once: no 5xx, each claim paid once.
func TestTwoResultFilesForOneBatchAtOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		claims := []claimOut{s.Approved(1), s.Approved(2), s.Approved(3)}
		b := s.NewBatch(claims...)
		s.SendTransferFile(b.ID)
		file := resultsCSV(b, map[string]string{claims[2].Code: testserver.FailureReason}, s.Config.BenefitAmount)
		res := s.Race(testserver.Times(4, testserver.Request{Method: http.MethodPost, Path: testserver.BatchPath(b.ID) + "/results",
			Role: domain.RoleTreasurer, ContentType: "text/csv", Body: file})...)
		s.NoServerErrors(res)
		for _, r := range res {
			if r.Status != http.StatusOK && r.Status != http.StatusConflict {
				t.Fatalf("a result file answered %s (%s); all: %s", r, r.Body, testserver.Describe(res))
			}
		}
		for i, want := range []string{"paid", "paid", "payment_failed"} {
			events := s.Events(claims[i].ID)
			if now := s.Claim(claims[i].ID); now.Status != want ||
				testserver.Count(events, "confirm_payment")+testserver.Count(events, "fail_payment") != 1 {
				t.Fatalf("claim %d: %s, trail %v", i+1, now.Status, events)
			}
		}
		s.AuditOK()
	})
}
