package applications

import (
	"context"
	"time"

	"santunan/documents"
	"santunan/domain"
	"santunan/workflow"
)

// A claim whose transfer failed waits for a new account: the heir online
// sends a photo of the new bank book and the account, recorded in the trail
// as a proposal (no status change). retry_payment, with the account, stays
// the Dinas Sosial officer's, who checks the photo first.

// EventBankAccountProposed is the trail event of the heir's proposed account
// (a kind for workflow.Tx.Record).
const EventBankAccountProposed domain.Action = "bank_account_proposed"

// The proposal's fields in the trail, outside the claim row: the claim's
// account changes only by retry_payment.
const (
	proposedBankCode      = "proposed.bank_account.bank_code"
	proposedAccountNumber = "proposed.bank_account.account_number"
	proposedAccountName   = "proposed.bank_account.account_name"
)

// Proposal is an account the heir proposed for a failed transfer.
type Proposal struct {
	Account domain.BankAccount
	At      time.Time
}

// ProposedAccount finds the heir's latest proposal in a claim's trail made
// since its last failed transfer: an older one was for another failure.
func ProposedAccount(events []domain.Event) (Proposal, bool) {
	var out Proposal
	found := false
	for _, ev := range events {
		switch ev.Action {
		case domain.ActionFailPayment:
			out, found = Proposal{}, false
		case EventBankAccountProposed:
			out = Proposal{At: ev.At, Account: domain.BankAccount{
				BankCode:      ev.Changes[proposedBankCode].New,
				AccountNumber: ev.Changes[proposedAccountNumber].New,
				AccountName:   ev.Changes[proposedAccountName].New,
			}}
			found = true
		}
	}
	return out, found
}

// checkBankBook checks a correction of a claim whose transfer failed: the
// bank book (and no other paper, documents.ApplicantMayUpload) and a valid
// account, nothing else. It returns the normalised account.
func checkBankBook(status domain.Status, fix Correction) (domain.BankAccount, error) {
	errs := domain.FieldErrors{}
	if fix.Deceased != nil {
		errs.Add("deceased", domain.ViolationBankBookOnly)
	}
	if fix.Heir != nil {
		errs.Add("heir", domain.ViolationBankBookOnly)
	}
	book := false
	for _, up := range fix.Documents {
		if !documents.ApplicantMayUpload(status, up.Kind) {
			errs.Add("documents."+string(up.Kind), domain.ViolationBankBookOnly)
		}
		book = book || up.Kind == domain.DocumentBukuTabungan
	}
	if !book {
		errs.Add("documents."+string(domain.DocumentBukuTabungan), domain.ViolationRequired)
	}
	var acct domain.BankAccount
	if fix.BankAccount == nil {
		errs.Add(domain.FieldBankAccount, domain.ViolationRequired)
	} else {
		// The account's rules need no date or area (ValidateBankAccount),
		// so the zero rules check it as retry_payment will.
		var bad domain.FieldErrors
		acct, bad = domain.ClaimRules{}.ValidateBankAccount(*fix.BankAccount)
		errs.Merge(domain.FieldBankAccount, bad)
	}
	return acct, errs.Err()
}

// proposeAccount attaches the bank book and records the proposed account in
// full (each field, changed or not, so one event is the whole proposal),
// inside the correction's transaction, with the heir as actor.
func (s *Service) proposeAccount(ctx context.Context, tx *workflow.Tx, c domain.Claim, fix Correction) (domain.Claim, error) {
	acct, err := checkBankBook(c.Status, fix)
	if err != nil {
		return domain.Claim{}, err
	}
	if err := s.attachAll(ctx, tx, c.ID, fix.Documents); err != nil {
		return domain.Claim{}, err
	}
	changes, err := tx.TrailChanges(c.ID, map[string]string{
		proposedBankCode: acct.BankCode, proposedAccountNumber: acct.AccountNumber, proposedAccountName: acct.AccountName})
	if err != nil {
		return domain.Claim{}, err
	}
	return tx.Record(Online, c.ID, EventBankAccountProposed, "", changes)
}
