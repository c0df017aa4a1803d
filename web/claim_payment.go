package web

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/payments"
)

// The claim page's payment section: the decree that approved the claim and
// the batches that carried it ("Dalam batch #12"), with links, for the
// roles that read payments. The treasurer pays through batches only (the
// single-claim payment actions are reserved), so on an approved claim the
// section leads there.

type claimPaymentView struct {
	Decree   *link
	Batches  []batchMembership
	NewBatch *link // for the treasurer, on an approved claim
	Note     string
}

type batchMembership struct {
	Href  string
	Text  string
	State string
	Badge string
	Note  string // the bank's reference or the failure reason
}

// claimPayment builds the section; nil when there is nothing to show or
// the payment capability is off.
func (s *Server) claimPayment(c *gin.Context, cl domain.Claim) (*claimPaymentView, error) {
	user := httpkit.MustUser(c)
	if !payments.CanReadPayments(user.Role) {
		return nil, nil
	}
	cp, err := s.Payments.ClaimPayment(c.Request.Context(), user.Actor(), cl.ID)
	if err != nil {
		return nil, err
	}
	v := &claimPaymentView{}
	if d := cp.Decree; d != nil {
		v.Decree = &link{Href: decreeHref(d.ID), Text: textf("payments.claim_decree", "number", d.Number, "date", formatDate(d.Date))}
	}
	for i, b := range cp.Batches {
		key := "payments.claim_was_in_batch"
		if i == 0 && b.State == "pending" {
			key = "payments.claim_in_batch"
		}
		m := batchMembership{Href: batchHref(b.ID), Text: textf(key, "id", strconv.FormatInt(b.ID, 10))}
		m.State, m.Badge = lineState(b.State)
		switch b.State {
		case "paid":
			m.Note = textf("batch.bank_reference", "ref", b.BankReference)
		case "failed", "withdrawn":
			m.Note = b.FailureReason
		}
		v.Batches = append(v.Batches, m)
	}
	if cl.Status == domain.StatusApproved && payments.CanPay(user.Role) {
		v.NewBatch = &link{Href: batchNewPath, Text: text("batch.new_title")}
		v.Note = text("payments.claim_by_batch")
	}
	if v.Decree == nil && len(v.Batches) == 0 && v.NewBatch == nil {
		return nil, nil
	}
	return v, nil
}
