package i18n

// PaymentText names a text of the payment documents (the decree's list of
// recipients, the reconciliation report), which officers read and sign.
type PaymentText string

// The texts of payment documents. "{n}" and "{total}" in a text are
// replaced by the caller.
const (
	PayDecreeTitle     PaymentText = "decree_title"
	PayDecreeSubject   PaymentText = "decree_subject"
	PayDecreeNumber    PaymentText = "decree_number"
	PayDecreeDate      PaymentText = "decree_date"
	PayRecipientsSheet PaymentText = "recipients_sheet"
	PayColNo           PaymentText = "col_no"
	PayColClaimCode    PaymentText = "col_claim_code"
	PayColDeceased     PaymentText = "col_deceased"
	PayColDateOfDeath  PaymentText = "col_date_of_death"
	PayColVillage      PaymentText = "col_village"
	PayColKecamatan    PaymentText = "col_kecamatan"
	PayColHeir         PaymentText = "col_heir"
	PayColRelationship PaymentText = "col_relationship"
	PayColAmount       PaymentText = "col_amount"
	PayColBank         PaymentText = "col_bank"
	PayColAccountNo    PaymentText = "col_account_number"
	PayColAccountName  PaymentText = "col_account_name"
	PayColResult       PaymentText = "col_result"
	PayColBankRef      PaymentText = "col_bank_reference"
	PayColFailure      PaymentText = "col_failure_reason"
	PayColBankTime     PaymentText = "col_bank_time"
	PayTotal           PaymentText = "total"
	PayPage            PaymentText = "page"
	PayReconTitle      PaymentText = "recon_title"
	PayReconSheet      PaymentText = "recon_sheet"
	PayReconLinesSheet PaymentText = "recon_lines_sheet"
	PayBatch           PaymentText = "batch"
	PayCreatedAt       PaymentText = "created_at"
	PayClosedAt        PaymentText = "closed_at"
	PayExpected        PaymentText = "expected"
	PayPaid            PaymentText = "paid"
	PayFailed          PaymentText = "failed"
	PayPending         PaymentText = "pending"
	PayWithdrawn       PaymentText = "withdrawn"
	PayCount           PaymentText = "count"
	PayAmount          PaymentText = "amount"
	PayBalanced        PaymentText = "balanced"
	PayYes             PaymentText = "yes"
	PayNo              PaymentText = "no"
)

// AllPaymentTexts lists every PaymentText, for the completeness test.
var AllPaymentTexts = []PaymentText{
	PayDecreeTitle, PayDecreeSubject, PayDecreeNumber, PayDecreeDate, PayRecipientsSheet, PayColNo,
	PayColClaimCode, PayColDeceased, PayColDateOfDeath, PayColVillage, PayColKecamatan, PayColHeir,
	PayColRelationship, PayColAmount, PayColBank, PayColAccountNo, PayColAccountName, PayColResult,
	PayColBankRef, PayColFailure, PayColBankTime, PayTotal, PayPage, PayReconTitle, PayReconSheet,
	PayReconLinesSheet, PayBatch, PayCreatedAt, PayClosedAt, PayExpected, PayPaid, PayFailed, PayPending, PayWithdrawn,
	PayCount, PayAmount, PayBalanced, PayYes, PayNo,
}

// Kept beside the catalogs rather than in them: these are document texts,
// not the pages' vocabulary, and they change with the documents.
var paymentTexts = map[Lang]map[PaymentText]string{
	Indonesian: {
		PayDecreeTitle:     "LAMPIRAN KEPUTUSAN PENETAPAN PENERIMA SANTUNAN KEMATIAN",
		PayDecreeSubject:   "Daftar penerima santunan kematian",
		PayDecreeNumber:    "Nomor",
		PayDecreeDate:      "Tanggal",
		PayRecipientsSheet: "Penerima",
		PayColNo:           "No.",
		PayColClaimCode:    "Kode Klaim",
		PayColDeceased:     "Nama Almarhum/Almarhumah",
		PayColDateOfDeath:  "Tanggal Meninggal",
		PayColVillage:      "Desa/Kelurahan",
		PayColKecamatan:    "Kecamatan",
		PayColHeir:         "Ahli Waris",
		PayColRelationship: "Hubungan",
		PayColAmount:       "Jumlah (Rp)",
		PayColBank:         "Bank",
		PayColAccountNo:    "No. Rekening",
		PayColAccountName:  "Nama Rekening",
		PayColResult:       "Hasil",
		PayColBankRef:      "Referensi Bank",
		PayColFailure:      "Alasan Gagal",
		PayColBankTime:     "Waktu Bank",
		PayTotal:           "Jumlah {n} penerima: {total}",
		PayPage:            "Halaman {n} dari {total}",
		PayReconTitle:      "Rekonsiliasi Batch Pembayaran Santunan Kematian",
		PayReconSheet:      "Rekonsiliasi",
		PayReconLinesSheet: "Rincian",
		PayBatch:           "Batch",
		PayCreatedAt:       "Dibuat",
		PayClosedAt:        "Selesai",
		PayExpected:        "Dikirim",
		PayPaid:            "Berhasil dibayar",
		PayFailed:          "Gagal",
		PayPending:         "Menunggu hasil",
		PayWithdrawn:       "Dikeluarkan dari batch",
		PayCount:           "Jumlah klaim",
		PayAmount:          "Nilai (Rp)",
		PayBalanced:        "Seimbang",
		PayYes:             "Ya",
		PayNo:              "Tidak",
	},
	English: {
		PayDecreeTitle:     "ANNEX TO THE DECREE DETERMINING THE RECIPIENTS OF THE DEATH BENEFIT",
		PayDecreeSubject:   "List of death benefit recipients",
		PayDecreeNumber:    "Number",
		PayDecreeDate:      "Date",
		PayRecipientsSheet: "Recipients",
		PayColNo:           "No.",
		PayColClaimCode:    "Claim code",
		PayColDeceased:     "Deceased",
		PayColDateOfDeath:  "Date of death",
		PayColVillage:      "Village",
		PayColKecamatan:    "District",
		PayColHeir:         "Heir",
		PayColRelationship: "Relationship",
		PayColAmount:       "Amount (Rp)",
		PayColBank:         "Bank",
		PayColAccountNo:    "Account number",
		PayColAccountName:  "Account name",
		PayColResult:       "Result",
		PayColBankRef:      "Bank reference",
		PayColFailure:      "Failure reason",
		PayColBankTime:     "Bank time",
		PayTotal:           "Total of {n} recipients: {total}",
		PayPage:            "Page {n} of {total}",
		PayReconTitle:      "Reconciliation of a death benefit payment batch",
		PayReconSheet:      "Reconciliation",
		PayReconLinesSheet: "Lines",
		PayBatch:           "Batch",
		PayCreatedAt:       "Created",
		PayClosedAt:        "Closed",
		PayExpected:        "Sent",
		PayPaid:            "Paid",
		PayFailed:          "Failed",
		PayPending:         "Awaiting result",
		PayWithdrawn:       "Withdrawn from the batch",
		PayCount:           "Claims",
		PayAmount:          "Amount (Rp)",
		PayBalanced:        "Balanced",
		PayYes:             "Yes",
		PayNo:              "No",
	},
}

// Payment returns a payment document text; anything but English gets
// Indonesian, like the catalogs.
func Payment(lang Lang, key PaymentText) string {
	if lang != English {
		lang = Indonesian
	}
	return lookup(paymentTexts[lang], key, string(key))
}
