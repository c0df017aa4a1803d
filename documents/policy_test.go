package documents_test

import (
	"testing"

	"santunan/documents"
	"santunan/domain"
)

// The heir online uploads any paper while the claim waits for them to
// apply or fix it, only a new bank book after a failed transfer, and
// nothing once staff hold the claim.
func TestApplicantMayUpload(t *testing.T) {
	book, ktp := domain.DocumentBukuTabungan, domain.DocumentKTPAhliWaris
	cases := []struct {
		status domain.Status
		kind   domain.DocumentKind
		want   bool
	}{
		{domain.StatusApplied, ktp, true},
		{domain.StatusReturned, ktp, true},
		{domain.StatusReturned, book, true},
		{domain.StatusPaymentFailed, book, true},
		{domain.StatusPaymentFailed, ktp, false},
		{domain.StatusPaymentFailed, domain.DocumentAktaKematian, false},
		{domain.StatusSubmitted, book, false},
		{domain.StatusApproved, book, false},
		{domain.StatusDisbursing, book, false},
		{domain.StatusPaid, book, false},
	}
	for _, c := range cases {
		if got := documents.ApplicantMayUpload(c.status, c.kind); got != c.want {
			t.Errorf("ApplicantMayUpload(%s, %s) = %v, want %v", c.status, c.kind, got, c.want)
		}
	}
}
