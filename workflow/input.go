package workflow

import "santunan/domain"

// ActionInput is what a request to take an action may carry. Which fields an
// action needs is written in its Transition.Needs.
type ActionInput struct {
	// Version, when set, must equal the claim's current version: the caller
	// acted on what it saw, and someone else may have acted first.
	Version            *int
	Reason             string
	DeathCertificateNo string
	DateOfDeath        string
	BankReference      string
	// ConfirmRegisterMismatch is the clerk's confirmation, on verify_death,
	// that the claim is right where it differs from the death register.
	ConfirmRegisterMismatch bool
	// Corrections for resubmit: an object that is present replaces that part
	// of the claim in full; an absent one stays as it is.
	Deceased    *domain.DeceasedInput
	Heir        *domain.HeirInput
	BankAccount *domain.BankAccountInput
}
