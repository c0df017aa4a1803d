package domain

// Field paths used as FieldErrors keys: the JSON names of ClaimInput, so a
// client can put each message next to the right input.
const (
	FieldDeceasedNIK          = "deceased.nik"
	FieldDeceasedFullName     = "deceased.full_name"
	FieldDeceasedDateOfDeath  = "deceased.date_of_death"
	FieldDeceasedPlaceOfDeath = "deceased.place_of_death"
	FieldDeceasedKKNumber     = "deceased.kk_number"
	FieldDeceasedAddress      = "deceased.address"
	FieldDeceasedVillageCode  = "deceased.village_code"

	FieldHeirNIK          = "heir.nik"
	FieldHeirFullName     = "heir.full_name"
	FieldHeirRelationship = "heir.relationship"
	FieldHeirPhone        = "heir.phone"

	// ValidateBankAccount reports these without the "bank_account." prefix
	// (retry_payment takes the account alone); ValidateClaim adds it.
	FieldBankCode      = "bank_code"
	FieldAccountNumber = "account_number"
	FieldAccountName   = "account_name"
	FieldBankAccount   = "bank_account"
)
