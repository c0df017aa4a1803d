package domain

// Violation codes of supporting documents and the death register.
const (
	// A workflow action needs documents the claim does not have yet.
	ViolationDocumentsMissing = "documents_missing"
	// verify_death on a claim that differs from the death register, sent
	// without confirm_register_mismatch.
	ViolationRegisterMismatchUnconfirmed = "register_mismatch_unconfirmed"

	// Death register import (per file or per line).
	ViolationCSVHeaderInvalid       = "csv_header_invalid"
	ViolationCSVMalformed           = "csv_malformed"
	ViolationColumnCount            = "column_count"
	ViolationSexInvalid             = "sex_invalid"
	ViolationDeathAfterRegistration = "death_after_registration"
	ViolationRegisterConflict       = "register_conflict"
)
