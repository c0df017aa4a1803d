package api_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// trackOut is the tracking answer's fields these tests read.
type trackOut struct {
	Status     string `json:"status"`
	StatusKind string `json:"status_kind"`
	Office     string `json:"office"`
	Timeline   []struct {
		Status string `json:"status"`
	} `json:"timeline"`
	Upcoming []struct {
		Status    string `json:"status"`
		UsualTime string `json:"usual_time"`
	} `json:"upcoming"`
	Action *struct {
		Reason   string `json:"reason"`
		What     string `json:"what"`
		Deadline string `json:"deadline"`
		FixURL   string `json:"fix_url"`
		Office   string `json:"office"`
	} `json:"action"`
	Payout *struct {
		BankName     string `json:"bank_name"`
		AccountLast4 string `json:"account_last4"`
		PaidAt       string `json:"paid_at"`
	} `json:"payout"`
}

func TestPublicTrackingTellsEachState(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_CLAIM_WINDOW_DAYS", "60"))
		track := func(c claimOut) trackOut {
			var out trackOut
			h.expect(h.send(http.MethodPost, trackPath, "", map[string]string{"code": c.Code, "heir_nik": c.Heir.NIK}), http.StatusOK, &out)
			return out
		}

		rc := h.on().Bring(1, domain.StatusReturned)
		returned := track(rc)
		a := returned.Action
		// Died 20 November 2026; sixty days' window.
		if returned.StatusKind != "action" || a == nil || a.Reason != "Diuji" || a.Deadline != "2027-01-19" ||
			!strings.HasSuffix(a.FixURL, "/perbaiki?kode="+rc.Code) || a.Office != "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal" {
			t.Errorf("returned: %+v, action %+v", returned, a)
		}
		if len(returned.Upcoming) != 4 || returned.Upcoming[0].Status != "death_verified" || returned.Upcoming[0].UsualTime != "Paling lambat 2 hari kerja" {
			t.Errorf("returned: steps ahead %+v", returned.Upcoming)
		}

		failed := track(h.on().Bring(2, domain.StatusPaymentFailed))
		if a := failed.Action; failed.StatusKind != "action" || a == nil || a.Reason != testserver.FailureReason ||
			!strings.Contains(a.What, "buku tabungan baru") || a.Deadline != "" || a.Office != "Dinas Sosial Kabupaten Kendal" {
			t.Errorf("payment failed: %+v, action %+v", failed, a)
		}
		if len(failed.Upcoming) != 1 || failed.Upcoming[0].Status != "paid" {
			t.Errorf("payment failed: steps ahead %+v, want paid alone (disbursing is passed)", failed.Upcoming)
		}

		paid := track(h.on().Bring(3, domain.StatusPaid))
		if p := paid.Payout; paid.StatusKind != "good" || p == nil || p.BankName != "Bank Jateng" || p.AccountLast4 != "7890" ||
			!strings.HasPrefix(p.PaidAt, "2026-11-28") || paid.Action != nil || len(paid.Upcoming) != 0 {
			t.Errorf("paid: %+v, payout %+v", paid, p)
		}
		if verified := track(h.verifiedClaim(4)); verified.StatusKind != "good" || verified.Action != nil || verified.Payout != nil {
			t.Errorf("verified: %+v", verified)
		}
	})
}
