package domain

import "strings"

// MinHeirAge is the age from which an heir may receive the benefit on their
// own: 17 is when a KTP is issued and a bank account can be opened alone.
const MinHeirAge = 17

// ClaimRules are the facts a claim is validated against. Every field is
// required; the caller decides the dates so validation never reads a clock.
type ClaimRules struct {
	Areas       Areas
	RegencyCode string // 4 digits, e.g. "3324" for Kendal
	WindowDays  int    // days after a death within which a claim may be filed, e.g. 90
	Today       Date   // today in Asia/Jakarta
	SubmittedOn Date   // the day the claim was first filed: Today for a new claim, the original day on resubmit
	// Amount is the benefit in force, which approve fixes on the claim.
	// Validation does not use it.
	Amount Rupiah
}

// ValidateClaim checks every field of in in one pass, so the clerk sees all
// problems at once, and returns the normalised data with its warnings. The
// error is a *ValidationError (errors.Is(err, ErrValidation)) or nil; each
// field carries at most one violation.
func (r ClaimRules) ValidateClaim(in ClaimInput) (ClaimData, error) {
	errs := FieldErrors{}
	deceased, deceasedNIK := r.validateDeceased(in.Deceased, errs)
	heir := r.validateHeir(in.Heir, strings.TrimSpace(in.Deceased.NIK), errs)
	bank, bankErrs := r.ValidateBankAccount(in.BankAccount)
	errs.Merge(FieldBankAccount, bankErrs)
	if len(errs) > 0 {
		return ClaimData{}, errs.Err()
	}
	data := ClaimData{Deceased: deceased, Heir: heir, BankAccount: bank}
	if deceasedNIK.RegencyCode() != r.RegencyCode {
		data.Warnings = append(data.Warnings, WarningNIKOutsideRegency)
	}
	return data, nil
}

// ValidateBankAccount checks a bank account on its own, as retry_payment
// takes a corrected account without the rest of the claim. Field keys have
// no "bank_account." prefix. The FieldErrors are nil when the account is
// valid.
func (r ClaimRules) ValidateBankAccount(in BankAccountInput) (BankAccount, FieldErrors) {
	errs := FieldErrors{}
	code := strings.TrimSpace(in.BankCode)
	if code == "" {
		errs.Add(FieldBankCode, ViolationRequired)
	} else if _, ok := BankByCode(code); !ok {
		errs.Add(FieldBankCode, ViolationBankUnknown)
	}
	number, violation := NormalizeAccountNumber(in.AccountNumber)
	addViolation(errs, FieldAccountNumber, violation)
	name, violation := NormalizeName(in.AccountName)
	addViolation(errs, FieldAccountName, violation)
	if len(errs) > 0 {
		return BankAccount{}, errs
	}
	return BankAccount{BankCode: code, AccountNumber: number, AccountName: name}, nil
}

// validateDeceased also returns the decoded NIK (zero when invalid), for the
// regency warning.
func (r ClaimRules) validateDeceased(in DeceasedInput, errs FieldErrors) (Deceased, NIK) {
	nik, violation := ParseNIK(in.NIK, r.Areas, r.Today)
	addViolation(errs, FieldDeceasedNIK, violation)

	// With an invalid NIK the birth date is zero, and ValidateDateOfDeath
	// then skips the before-birth check rather than compare against a
	// made-up date.
	dateOfDeath, violation := ValidateDateOfDeath(in.DateOfDeath, nik.BirthDate, r.SubmittedOn, r.Today, r.WindowDays)
	addViolation(errs, FieldDeceasedDateOfDeath, violation)

	fullName, violation := NormalizeName(in.FullName)
	addViolation(errs, FieldDeceasedFullName, violation)

	place, violation := NormalizeText(in.PlaceOfDeath, MaxTextLength)
	addViolation(errs, FieldDeceasedPlaceOfDeath, violation)

	address, violation := NormalizeText(in.Address, MaxTextLength)
	addViolation(errs, FieldDeceasedAddress, violation)

	kk := strings.TrimSpace(in.KKNumber)
	addViolation(errs, FieldDeceasedKKNumber, ValidateKK(kk, r.Areas))

	village := strings.TrimSpace(in.VillageCode)
	switch {
	case village == "":
		errs.Add(FieldDeceasedVillageCode, ViolationRequired)
	case !r.Areas.VillageInRegency(village, r.RegencyCode):
		errs.Add(FieldDeceasedVillageCode, ViolationVillageUnknown)
	}

	return Deceased{
		NIK:          nik.Value,
		FullName:     fullName,
		DateOfDeath:  dateOfDeath,
		PlaceOfDeath: place,
		KKNumber:     kk,
		Address:      address,
		VillageCode:  village,
	}, nik
}

// validateHeir checks the heir. deceasedNIK is the deceased NIK as typed
// (trimmed); it is compared even when invalid, since the heir's NIK would
// then be equally invalid and reported as such.
func (r ClaimRules) validateHeir(in HeirInput, deceasedNIK string, errs FieldErrors) Heir {
	nik, violation := ParseNIK(in.NIK, r.Areas, r.Today)
	switch {
	case violation != "":
		errs.Add(FieldHeirNIK, violation)
	case nik.Value == deceasedNIK:
		errs.Add(FieldHeirNIK, ViolationHeirSameAsDeceased)
	case r.SubmittedOn.YearsSince(nik.BirthDate) < MinHeirAge:
		// Age on the filing day, so a correction weeks later cannot change
		// whether the heir qualifies.
		errs.Add(FieldHeirNIK, ViolationHeirTooYoung)
	}

	fullName, violation := NormalizeName(in.FullName)
	addViolation(errs, FieldHeirFullName, violation)

	rel := Relationship(strings.TrimSpace(in.Relationship))
	switch {
	case rel == "":
		errs.Add(FieldHeirRelationship, ViolationRequired)
	case !rel.Valid():
		errs.Add(FieldHeirRelationship, ViolationRelationshipInvalid)
	}

	phone, violation := NormalizePhone(in.Phone)
	addViolation(errs, FieldHeirPhone, violation)

	return Heir{NIK: nik.Value, FullName: fullName, Relationship: rel, Phone: phone, NotifyConsent: in.NotifyConsent}
}

// addViolation records a violation code returned by a normaliser; "" means
// the value was valid and records nothing.
func addViolation(errs FieldErrors, field, violation string) {
	if violation != "" {
		errs.Add(field, violation)
	}
}
