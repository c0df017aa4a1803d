package web

import (
	"unicode/utf8"

	"santunan/domain"
)

// A form meets the limits that the JSON API's request type puts on the
// same field (its binding tags), with the same violation codes: at most
// max characters, so that nothing oversized reaches the rules, and not
// empty where the field is required. The rules in domain and auth decide
// the rest, for the form and the JSON request alike.
type limit struct {
	field    string
	max      int
	required bool
}

// checkLimits reads each field with get and reports every violation; nil
// when there is none.
func checkLimits(get formValues, limits ...limit) error {
	errs := domain.FieldErrors{}
	for _, l := range limits {
		v := get(l.field)
		switch {
		case l.required && v == "":
			errs.Add(l.field, domain.ViolationRequired)
		case utf8.RuneCountInString(v) > l.max:
			errs.Add(l.field, domain.ViolationTooLong)
		}
	}
	return errs.Err()
}

// The limits of each form's fields.
var (
	deceasedLimits = []limit{
		{field: domain.FieldDeceasedNIK, max: 32}, {field: domain.FieldDeceasedFullName, max: 200},
		{field: domain.FieldDeceasedDateOfDeath, max: 32}, {field: domain.FieldDeceasedPlaceOfDeath, max: 400},
		{field: domain.FieldDeceasedKKNumber, max: 32}, {field: domain.FieldDeceasedAddress, max: 400},
		{field: domain.FieldDeceasedVillageCode, max: 16},
	}
	heirLimits = []limit{
		{field: domain.FieldHeirNIK, max: 32}, {field: domain.FieldHeirFullName, max: 200},
		{field: domain.FieldHeirRelationship, max: 32}, {field: domain.FieldHeirPhone, max: 32},
		{field: fieldHeirNotifyConsent, max: 8},
	}
	bankLimits = []limit{
		{field: bankPrefix + domain.FieldBankCode, max: 8}, {field: bankPrefix + domain.FieldAccountNumber, max: 40},
		{field: bankPrefix + domain.FieldAccountName, max: 200},
	}
	claimLimits = concat(deceasedLimits, heirLimits, bankLimits)

	reasonLimit = limit{field: "reason", max: 4000}
	loginLimits = []limit{{field: "username", max: 64, required: true}, {field: "password", max: 200, required: true}}
	trackLimits = []limit{{field: "code", max: 32, required: true}, {field: "heir_nik", max: 32, required: true}}
	userLimits  = []limit{{field: "username", max: 64, required: true}, {field: "full_name", max: 200, required: true},
		{field: "role", max: 32, required: true}, {field: "password", max: 200, required: true}}
	passwordLimits = []limit{{field: "current_password", max: 200}, {field: "new_password", max: 200}}
	resetLimit     = limit{field: "password", max: 200}
)

// bankPrefix names the bank account's fields in a claim's form.
const bankPrefix = "bank_account."

func concat(lists ...[]limit) []limit {
	var out []limit
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
