package i18n

import "santunan/domain"

// english is the catalog for the JSON API and for English pages later.
var english = catalog{
	invalidValue: "Invalid value.",

	violations: map[string]string{
		domain.ViolationRequired:          "This field is required.",
		domain.ViolationTooLong:           "The value is too long.",
		domain.ViolationInvalidCharacters: "The value contains characters that are not allowed.",
		domain.ViolationInvalidValue:      "Invalid value.",

		domain.ViolationUsernameInvalid:   "A username has 3 to 32 characters: a-z, 0-9, dot, underscore or hyphen.",
		domain.ViolationPasswordTooShort:  "A password has at least 10 characters.",
		domain.ViolationPasswordTooLong:   "A password has at most 72 bytes.",
		domain.ViolationRoleInvalid:       "Unknown role: use admin, dukcapil_clerk, dinsos_officer, treasurer, auditor, pengelola_pengaduan or office_head.",
		domain.ViolationCannotDisableSelf: "You cannot disable your own account.",
		domain.ViolationPasswordWrong:     "This is not your current password.",
		domain.ViolationPasswordUnchanged: "The new password must differ from the current one.",
		domain.ViolationPasswordMismatch:  "The two new passwords differ.",

		domain.ViolationNIKLength:           "A NIK has exactly 16 digits.",
		domain.ViolationNIKNotDigits:        "A NIK contains digits only, without spaces or punctuation.",
		domain.ViolationNIKKecamatanUnknown: "The first 6 digits of the NIK are not a registered kecamatan code. Check the NIK on the KTP or KK.",
		domain.ViolationNIKBirthDateInvalid: "Digits 7 to 12 of the NIK are not a valid birth date (for women, 40 is added to the day). Check the NIK on the KTP or KK.",
		domain.ViolationNIKSerialZero:       "The last 4 digits of a NIK cannot be 0000.",

		domain.ViolationKKLength:           "A KK number has exactly 16 digits.",
		domain.ViolationKKNotDigits:        "A KK number contains digits only, without spaces or punctuation.",
		domain.ViolationKKKecamatanUnknown: "The first 6 digits of the KK number are not a registered kecamatan code.",

		domain.ViolationPhoneInvalid: "Not a valid Indonesian mobile number, e.g. 0812 3456 7890.",

		domain.ViolationNameInvalid: "A name is written as on the KTP: Latin letters (with accents such as é), spaces, full stops, apostrophes (') and hyphens (-) only.",
		domain.ViolationNameTooLong: "A name has at most 100 characters.",

		domain.ViolationDateInvalid:       "Not a valid date. Use YYYY-MM-DD, e.g. 2026-11-28.",
		domain.ViolationDateInFuture:      "The date cannot be after today.",
		domain.ViolationDateBeforeBirth:   "The date of death cannot be before the birth date in the NIK.",
		domain.ViolationDateOutsideWindow: "The date of death is past the deadline for claiming the benefit.",

		domain.ViolationVillageUnknown: "The desa/kelurahan is not in this regency.",

		domain.ViolationRelationshipInvalid: "Choose the relationship to the deceased from the list.",
		domain.ViolationHeirTooYoung:        "The heir must be at least 17 years old on the day the claim is filed.",
		domain.ViolationHeirSameAsDeceased:  "The heir's NIK cannot be the same as the deceased's.",

		domain.ViolationBankUnknown:          "Choose a bank from the list.",
		domain.ViolationAccountNumberInvalid: "An account number has 6 to 20 digits.",

		domain.ViolationCertificateNoInvalid: "A death certificate number may contain only letters, digits, full stops, slashes (/) and hyphens (-).",

		domain.ViolationDocumentsMissing:            "Required documents are missing. Upload them first.",
		domain.ViolationRegisterMismatchUnconfirmed: "The claim differs from the Dukcapil death register. Check it, then confirm if the claim is right.",
		domain.ViolationCSVHeaderInvalid:            "The first line must be the header: nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on.",
		domain.ViolationCSVMalformed:                "This line cannot be read as CSV (check the quotes).",
		domain.ViolationColumnCount:                 "This line does not have the columns the header names.",
		domain.ViolationSexInvalid:                  "Sex must be L (male) or P (female).",
		domain.ViolationDeathAfterRegistration:      "The date of death cannot be after the date of registration.",
		domain.ViolationRegisterConflict:            "This death certificate number is already registered with different data.",
		domain.ViolationBudgetExhausted:             "The year's budget ceiling does not cover this claim's amount.",
		domain.ViolationBudgetNotSet:                "No budget ceiling is set for this year yet.",
		domain.ViolationCeilingBelowCommitted:       "The ceiling cannot be lower than the amount already committed this year.",
		domain.ViolationAmountInvalid:               "An amount is a whole number of rupiah, at least 0.",
		domain.ViolationDecreeNumberInvalid:         "A decree number may contain only letters, digits, spaces, full stops, slashes (/) and hyphens (-).",
		domain.ViolationDateBeforeProgramme:         "A decree cannot be dated before 1 January 2021: the death benefit programme began with Perbup Kendal 20/2021.",
		domain.ViolationTooManyItems:                "Too many claims or lines in one request.",
		domain.ViolationDuplicateItem:               "This claim or reference appears more than once.",
		domain.ViolationClaimNotFound:               "No claim with this id or code.",
		domain.ViolationClaimWrongStatus:            "The claim is not in the status this step needs.",
		domain.ViolationNoApprovedClaims:            "There are no approved claims waiting for payment.",
		domain.ViolationNotInBatch:                  "This claim is not in this payment batch.",
		domain.ViolationAmountMismatch:              "The amount differs from the amount sent for this claim.",
		domain.ViolationResultStatusInvalid:         "The status must be SUCCESS or FAILED.",
		domain.ViolationResultConflict:              "The claim already has a different result in this batch.",
		domain.ViolationTimeInvalid:                 "Not a valid time. Use e.g. 2026-11-28T10:00:00+07:00 or 2026-11-28 10:00:00.",
		domain.ViolationFileEmpty:                   "The file has no lines after the header.",
		domain.ViolationColumnMissing:               "The header lacks this column.",
		domain.ViolationNotSent:                     "This line was in no transfer file taken for the bank, so the bank cannot have paid it. Take the transfer file first (POST .../transfer-file); a FAILED result is accepted.",
		domain.ViolationDayAlreadyListed:            "This day is already a non-working day in the calendar.",
		domain.ViolationYearOutOfRange:              "The calendar keeps the years 2021 to 2100.",
		domain.ViolationHeldBack:                    "This line was held back for an account-name mismatch and never sent to the bank, so it cannot have been paid. Withdraw or fail it, or record a FAILED result.",
		domain.ViolationLineWithdrawn:               "This line was taken out of the batch before it was sent to the bank: the bank has no result for it.",

		domain.ViolationOTPWrong:        "The code does not match.",
		domain.ViolationOTPExpired:      "The code has expired; ask for a new one.",
		domain.ViolationOTPUsed:         "The code was already used; ask for a new one if needed.",
		domain.ViolationOTPAttempts:     "Too many wrong codes; ask for a new one.",
		domain.ViolationConsentRequired: "This statement must be accepted.",
		domain.ViolationFileType:        "The file must be a JPEG or PNG photo or a PDF.",
		domain.ViolationFileTooLarge:    "The file is too large.",
		domain.ViolationBankBookOnly:    "A claim whose transfer failed takes only the new bank book and account online.",
	},

	documentKinds: map[domain.DocumentKind]string{
		domain.DocumentAktaKematian:   "Death certificate",
		domain.DocumentKTPAhliWaris:   "Heir's identity card",
		domain.DocumentKartuKeluarga:  "Family card",
		domain.DocumentSuratAhliWaris: "Heirship letter",
		domain.DocumentBukuTabungan:   "Bank book",
		domain.DocumentLainnya:        "Other document",
	},

	matchOutcomes: map[domain.MatchOutcome]string{
		domain.MatchAgrees:   "Matches the Dukcapil death register",
		domain.MatchDiffers:  "Differs from the Dukcapil death register",
		domain.MatchNotFound: "Not in the Dukcapil death register",
	},

	warnings: map[string]string{
		domain.WarningNIKOutsideRegency:   "The deceased's NIK was issued outside this regency. Check the last domicile with Dukcapil records.",
		domain.WarningAccountNameMismatch: "The name the bank holds for this account differs from the heir's account name. Check it before the transfer.",
	},

	statuses: map[domain.Status]string{
		domain.StatusApplied:       "Applied online, awaiting intake",
		domain.StatusSubmitted:     "Submitted",
		domain.StatusReturned:      "Returned for correction",
		domain.StatusDeathVerified: "Death verified",
		domain.StatusApproved:      "Approved",
		domain.StatusDisbursing:    "Payment in progress",
		domain.StatusPaid:          "Paid",
		domain.StatusPaymentFailed: "Payment failed",
		domain.StatusRejected:      "Rejected",
		domain.StatusCancelled:     "Cancelled",
	},

	actions: map[domain.Action]string{
		domain.ActionSubmit:          "Submit",
		domain.ActionApply:           "Apply online",
		domain.ActionAccept:          "Accept application",
		domain.ActionDecline:         "Decline application",
		domain.ActionVerifyDeath:     "Verify death",
		domain.ActionReturn:          "Return for correction",
		domain.ActionResubmit:        "Resubmit",
		domain.ActionReject:          "Reject",
		domain.ActionApprove:         "Approve",
		domain.ActionStartPayment:    "Start payment",
		domain.ActionConfirmPayment:  "Confirm payment",
		domain.ActionFailPayment:     "Mark payment failed",
		domain.ActionWithdrawPayment: "Withdraw from batch",
		domain.ActionRetryPayment:    "Retry payment",
		domain.ActionCancel:          "Cancel",
	},

	roles: map[domain.Role]string{
		domain.RoleAdmin:            "Administrator",
		domain.RoleDukcapilClerk:    "Civil registry (Dukcapil) clerk",
		domain.RoleDinsosOfficer:    "Social affairs (Dinsos) officer",
		domain.RoleTreasurer:        "Treasurer",
		domain.RoleAuditor:          "Auditor",
		domain.RoleComplaintOfficer: "Complaint officer",
		domain.RoleOfficeHead:       "Head of office",
		domain.RoleApplicant:        "Heir (online)",
	},

	relationships: map[domain.Relationship]string{
		domain.RelationshipSpouse:  "Spouse",
		domain.RelationshipChild:   "Child",
		domain.RelationshipParent:  "Parent",
		domain.RelationshipSibling: "Sibling",
		domain.RelationshipOther:   "Other",
	},

	nextSteps: map[domain.Status]string{
		domain.StatusApplied:       "We have received your online application. A Dukcapil clerk will check the data and documents within {days} working days. You do not need to do anything now.",
		domain.StatusSubmitted:     "We have received the claim. A Dukcapil clerk will check the death record within {days} working days. You do not need to do anything now.",
		domain.StatusReturned:      "The claim was returned for correction. Correct the data or documents online on the Fix a claim page, or visit the civil registry office (Dukcapil) with the KTP, KK and death certificate. Its address, phone and opening hours are under Office contacts.",
		domain.StatusDeathVerified: "Dukcapil has verified the death. The social affairs office (Dinas Sosial) will now review the claim within {days} working days. You do not need to do anything now.",
		domain.StatusApproved:      "The benefit has been approved. The treasurer will pay it into the heir's bank account within {days} working days of the approval.",
		domain.StatusDisbursing:    "The bank is processing the payment. The money reaches the heir's account within {days} working days of the approval.",
		domain.StatusPaid:          "The benefit has been transferred to the heir's bank account. Please check your account statement. Our condolences to the family.",
		domain.StatusPaymentFailed: "The transfer to the heir's account did not go through. Upload a photo of the bank book of an open account in the heir's name on the Fix a claim page, or bring that bank book to Dinas Sosial; its address, phone and opening hours are under Office contacts.",
		domain.StatusRejected:      "We are sorry, the claim could not be approved. If you have questions, please contact Dinas Sosial; its address, phone and opening hours are under Office contacts.",
		domain.StatusCancelled:     "Dinas Sosial has cancelled this claim. If you think this is a mistake, please contact Dinas Sosial; its address, phone and opening hours are under Office contacts.",
	},
	nextStepsWithReason: map[domain.Status]string{
		domain.StatusReturned:      "The claim was returned: {reason}. Correct the data or documents online on the Fix a claim page, or visit the civil registry office (Dukcapil) with the documents needed. Its address, phone and opening hours are under Office contacts.",
		domain.StatusPaymentFailed: "The transfer to the heir's account did not go through: {reason}. Upload a photo of the bank book of an open account in the heir's name on the Fix a claim page, or bring that bank book to Dinas Sosial; its address, phone and opening hours are under Office contacts.",
		domain.StatusRejected:      "We are sorry, the claim could not be approved: {reason}. If you have questions, please contact Dinas Sosial; its address, phone and opening hours are under Office contacts.",
		domain.StatusCancelled:     "Dinas Sosial has cancelled this claim: {reason}. If you think this is a mistake, please contact Dinas Sosial; its address, phone and opening hours are under Office contacts.",
	},
	nextStepUnknown: "For more information, please contact the civil registry office (Dukcapil); its address, phone and opening hours are under Office contacts.",

	months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}
