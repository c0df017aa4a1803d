package workflow

import (
	"slices"
	"strings"
	"unicode/utf8"

	"santunan/domain"
)

// applyFunc validates an action's input against the claim and changes the
// claim in memory. The engine then diffs, saves and records the result.
type applyFunc func(c *domain.Claim, in ActionInput, rules domain.ClaimRules) error

const (
	maxReasonRunes        = 1000
	maxBankReferenceRunes = 64
)

func applyNothing(*domain.Claim, ActionInput, domain.ClaimRules) error { return nil }

// applyReason is for actions whose only need is a reason; the reason itself
// goes into the audit event, not the claim.
func applyReason(_ *domain.Claim, in ActionInput, _ domain.ClaimRules) error {
	if code := reasonViolation(in.Reason, true); code != "" {
		return domain.FieldError("reason", code)
	}
	return nil
}

func applyVerifyDeath(c *domain.Claim, in ActionInput, rules domain.ClaimRules) error {
	errs := domain.FieldErrors{}
	if no, code := domain.NormalizeCertificateNo(in.DeathCertificateNo); code != "" {
		errs.Add("death_certificate_no", code)
	} else {
		c.DeathCertificateNo = no
	}
	if strings.TrimSpace(in.DateOfDeath) != "" {
		birth, _, _ := domain.NIKInfo(c.Deceased.NIK, rules.Today)
		d, code := domain.ValidateDateOfDeath(strings.TrimSpace(in.DateOfDeath), birth, rules.SubmittedOn, rules.Today, rules.WindowDays)
		if code != "" {
			errs.Add("date_of_death", code)
		} else {
			c.Deceased.DateOfDeath = d
		}
	}
	if code := reasonViolation(in.Reason, false); code != "" {
		errs.Add("reason", code)
	}
	return errs.Err()
}

func applyResubmit(c *domain.Claim, in ActionInput, rules domain.ClaimRules) error {
	merged := domain.InputOf(c.Deceased, c.Heir, c.BankAccount)
	if in.Deceased != nil {
		merged.Deceased = *in.Deceased
	}
	if in.Heir != nil {
		merged.Heir = *in.Heir
	}
	if in.BankAccount != nil {
		merged.BankAccount = *in.BankAccount
	}
	data, err := rules.ValidateClaim(merged)
	if code := reasonViolation(in.Reason, false); code != "" {
		return mergeFieldError(err, "reason", code)
	}
	if err != nil {
		return err
	}
	c.Deceased, c.Heir, c.BankAccount, c.Warnings = data.Deceased, data.Heir, data.BankAccount, data.Warnings
	return nil
}

// applyApprove fixes the benefit in force on the claim: the amount a claim
// carries before approval is only indicative, and a later change of the
// program's amount touches no approved claim. The optional reason names the
// decree (SK) the approval belongs to.
func applyApprove(c *domain.Claim, in ActionInput, rules domain.ClaimRules) error {
	if code := reasonViolation(in.Reason, false); code != "" {
		return domain.FieldError("reason", code)
	}
	if rules.Amount > 0 {
		c.Amount = rules.Amount
	}
	return nil
}

func applyConfirmPayment(c *domain.Claim, in ActionInput, _ domain.ClaimRules) error {
	ref := strings.TrimSpace(in.BankReference)
	switch {
	case ref == "":
		return domain.FieldError("bank_reference", domain.ViolationRequired)
	case utf8.RuneCountInString(ref) > maxBankReferenceRunes:
		return domain.FieldError("bank_reference", domain.ViolationTooLong)
	case domain.LineViolation(ref) != "":
		return domain.FieldError("bank_reference", domain.ViolationInvalidCharacters)
	}
	c.BankReference = ref
	return nil
}

func applyRetryPayment(c *domain.Claim, in ActionInput, rules domain.ClaimRules) error {
	if in.BankAccount == nil {
		return domain.FieldError("bank_account", domain.ViolationRequired)
	}
	acct, errs := rules.ValidateBankAccount(*in.BankAccount)
	out := domain.FieldErrors{}
	out.Merge("bank_account", errs)
	if code := reasonViolation(in.Reason, false); code != "" {
		out.Add("reason", code)
	}
	if err := out.Err(); err != nil {
		return err
	}
	if acct != c.BankAccount {
		// The name check that raised this warning was about the old account.
		c.Warnings = slices.DeleteFunc(c.Warnings, func(w string) bool { return w == domain.WarningAccountNameMismatch })
	}
	c.BankAccount = acct
	return nil
}

func reasonViolation(reason string, required bool) string {
	r := strings.TrimSpace(reason)
	switch {
	case r == "" && required:
		return domain.ViolationRequired
	case utf8.RuneCountInString(r) > maxReasonRunes:
		return domain.ViolationTooLong
	}
	// Line breaks stay: a reason may be several sentences. A bidi override
	// would reorder what the heir reads.
	return domain.TextViolation(r)
}

func mergeFieldError(err error, field, code string) error {
	out := domain.FieldErrors{field: code}
	if ve, ok := err.(*domain.ValidationError); ok {
		out.Merge("", ve.Fields)
	}
	return out.Err()
}
