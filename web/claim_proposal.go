package web

import (
	"context"

	"santunan/applications"
	"santunan/domain"
	"santunan/i18n"
)

// The account an heir proposed online for a failed transfer
// (applications/bank_book.go): shown on the claim page, and filled into
// retry_payment's form for the officer to check against the bank book.

// proposalOf is the heir's proposal of a claim whose transfer failed.
func proposalOf(cl domain.Claim, events []domain.Event) (applications.Proposal, bool) {
	if cl.Status != domain.StatusPaymentFailed {
		return applications.Proposal{}, false
	}
	return applications.ProposedAccount(events)
}

// proposalFacts is the claim page's section of the proposal, if any.
func proposalFacts(cl domain.Claim, events []domain.Event) []factSection {
	p, ok := proposalOf(cl, events)
	if !ok {
		return nil
	}
	bank, _ := domain.BankByCode(p.Account.BankCode)
	l := fieldLabel
	return []factSection{{Title: text("claim.proposed_account"), Facts: []fact{
		{Label: l("bank_account." + domain.FieldBankCode), Value: bank.Name + " (" + p.Account.BankCode + ")"},
		{Label: l("bank_account." + domain.FieldAccountNumber), Value: p.Account.AccountNumber, Private: true},
		{Label: l("bank_account." + domain.FieldAccountName), Value: p.Account.AccountName},
		{Label: text("claim.proposed_at"), Value: formatDateTime(i18n.Indonesian, p.At)},
	}}}
}

// retryPrefill is what retry_payment's form starts from: the heir's
// proposed account in place of the one that failed, with a notice that
// says so; the claim as it is when there is none.
func (s *Server) retryPrefill(ctx context.Context, cl domain.Claim, a domain.Action) (domain.Claim, string, error) {
	if a != domain.ActionRetryPayment {
		return cl, "", nil
	}
	events, err := s.Engine.Events(ctx, cl.ID)
	if err != nil {
		return cl, "", err
	}
	p, ok := proposalOf(cl, events)
	if !ok {
		return cl, "", nil
	}
	cl.BankAccount = p.Account
	return cl, textf("claim.proposed_prefilled", "at", formatDateTime(i18n.Indonesian, p.At)), nil
}
