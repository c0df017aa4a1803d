package domain

// Violation codes reported in FieldErrors. They are part of the API: clients
// and the i18n catalogs key on them, so never rename one; add a new code
// instead. Every code, in this file or another (violations_request.go), must
// also be listed in AllViolations (a test parses the package to enforce it)
// and have a text in every i18n catalog.
const (
	// Shared by several fields.
	ViolationRequired          = "required"
	ViolationTooLong           = "too_long"
	ViolationInvalidCharacters = "invalid_characters"

	// NIK (deceased.nik, heir.nik).
	ViolationNIKLength           = "nik_length"
	ViolationNIKNotDigits        = "nik_not_digits"
	ViolationNIKKecamatanUnknown = "nik_kecamatan_unknown"
	ViolationNIKBirthDateInvalid = "nik_birth_date_invalid"
	ViolationNIKSerialZero       = "nik_serial_zero"

	// Kartu Keluarga number.
	ViolationKKLength           = "kk_length"
	ViolationKKNotDigits        = "kk_not_digits"
	ViolationKKKecamatanUnknown = "kk_kecamatan_unknown"

	ViolationPhoneInvalid = "phone_invalid"

	// Personal names and bank account holder names.
	ViolationNameInvalid = "name_invalid"
	ViolationNameTooLong = "name_too_long"

	// Date of death.
	ViolationDateInvalid       = "date_invalid"
	ViolationDateInFuture      = "date_in_future"
	ViolationDateBeforeBirth   = "date_before_birth"
	ViolationDateOutsideWindow = "date_outside_window"

	ViolationVillageUnknown = "village_unknown"

	// Heir.
	ViolationRelationshipInvalid = "relationship_invalid"
	ViolationHeirTooYoung        = "heir_too_young"
	ViolationHeirSameAsDeceased  = "heir_same_as_deceased"

	// Bank account.
	ViolationBankUnknown          = "bank_unknown"
	ViolationAccountNumberInvalid = "account_number_invalid"

	// Akta kematian number.
	ViolationCertificateNoInvalid = "certificate_no_invalid"
)

// AllViolations lists every violation code, so tests elsewhere (i18n) can
// check that each one has a text.
var AllViolations = []string{
	ViolationRequired,
	ViolationTooLong,
	ViolationInvalidCharacters,
	ViolationNIKLength,
	ViolationNIKNotDigits,
	ViolationNIKKecamatanUnknown,
	ViolationNIKBirthDateInvalid,
	ViolationNIKSerialZero,
	ViolationKKLength,
	ViolationKKNotDigits,
	ViolationKKKecamatanUnknown,
	ViolationPhoneInvalid,
	ViolationNameInvalid,
	ViolationNameTooLong,
	ViolationDateInvalid,
	ViolationDateInFuture,
	ViolationDateBeforeBirth,
	ViolationDateOutsideWindow,
	ViolationVillageUnknown,
	ViolationRelationshipInvalid,
	ViolationHeirTooYoung,
	ViolationHeirSameAsDeceased,
	ViolationBankUnknown,
	ViolationAccountNumberInvalid,
	ViolationCertificateNoInvalid,
	// violations_request.go
	ViolationInvalidValue,
	ViolationUsernameInvalid,
	ViolationPasswordTooShort,
	ViolationPasswordTooLong,
	ViolationRoleInvalid,
	ViolationCannotDisableSelf,
	// accounts.go
	ViolationPasswordWrong,
	ViolationPasswordUnchanged,
	ViolationPasswordMismatch,
	// violations_documents.go
	ViolationDocumentsMissing,
	ViolationRegisterMismatchUnconfirmed,
	ViolationCSVHeaderInvalid,
	ViolationCSVMalformed,
	ViolationColumnCount,
	ViolationSexInvalid,
	ViolationDeathAfterRegistration,
	ViolationRegisterConflict,
	// payment.go
	ViolationBudgetExhausted,
	ViolationBudgetNotSet,
	ViolationCeilingBelowCommitted,
	ViolationAmountInvalid,
	ViolationDecreeNumberInvalid,
	ViolationDateBeforeProgramme,
	ViolationTooManyItems,
	ViolationDuplicateItem,
	ViolationClaimNotFound,
	ViolationClaimWrongStatus,
	ViolationNoApprovedClaims,
	ViolationNotInBatch,
	ViolationAmountMismatch,
	ViolationResultStatusInvalid,
	ViolationResultConflict,
	ViolationTimeInvalid,
	ViolationFileEmpty,
	ViolationColumnMissing,
	ViolationNotSent,
	// violations_calendar.go
	ViolationDayAlreadyListed,
	ViolationYearOutOfRange,
	ViolationHeldBack,
	ViolationLineWithdrawn,
	// phone_check.go
	ViolationOTPWrong,
	ViolationOTPExpired,
	ViolationOTPUsed,
	ViolationOTPAttempts,
	ViolationConsentRequired,
	ViolationFileType,
	ViolationFileTooLarge,
	ViolationBankBookOnly,
}

// AllWarnings lists every warning code a claim can carry (see claim.go), for
// the same reason as AllViolations.
var AllWarnings = []string{WarningNIKOutsideRegency, WarningAccountNameMismatch}
