package payments

import "time"

// The package's tables as gorm sees them. Service types carry no gorm tags;
// conversion happens here.

type budgetRow struct {
	Year      int `gorm:"primaryKey;autoIncrement:false"`
	Ceiling   int64
	Committed int64
	UpdatedBy int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (budgetRow) TableName() string { return "budgets" }

const budgetColumns = "year, ceiling, committed, updated_by, created_at, updated_at"

type budgetChangeRow struct {
	ID            int64 `gorm:"primaryKey"`
	Year          int
	OldCeiling    int64
	NewCeiling    int64
	ActorID       int64
	ActorUsername string
	At            time.Time
}

func (budgetChangeRow) TableName() string { return "budget_changes" }

type commitmentRow struct {
	ClaimID     int64 `gorm:"primaryKey;autoIncrement:false"`
	Year        int
	Amount      int64
	CommittedAt time.Time
	ReleasedAt  *time.Time
}

func (commitmentRow) TableName() string { return "budget_commitments" }

type decreeRow struct {
	ID          int64 `gorm:"primaryKey"`
	Number      string
	DecreeDate  time.Time
	ClaimCount  int
	TotalAmount int64
	CreatedBy   int64
	CreatedAt   time.Time
}

func (decreeRow) TableName() string { return "decrees" }

const decreeColumns = "id, number, decree_date, claim_count, total_amount, created_by, created_at"

type decreeItemRow struct {
	DecreeID int64 `gorm:"primaryKey;autoIncrement:false"`
	Seq      int   `gorm:"primaryKey;autoIncrement:false"`
	ClaimID  int64
	Amount   int64
}

func (decreeItemRow) TableName() string { return "decree_items" }

type batchRow struct {
	ID           int64 `gorm:"primaryKey"`
	Status       string
	ClaimCount   int
	TotalAmount  int64
	PaidCount    int
	PaidAmount   int64
	FailedCount  int
	FailedAmount int64
	// Lines taken out of the batch before they were sent (withdraw_payment).
	WithdrawnCount  int
	WithdrawnAmount int64
	CreatedBy       int64
	CreatedAt       time.Time
	SentAt          *time.Time
	ClosedAt        *time.Time
}

func (batchRow) TableName() string { return "disbursement_batches" }

const batchColumns = "id, status, claim_count, total_amount, paid_count, paid_amount, failed_count, failed_amount, " +
	"withdrawn_count, withdrawn_amount, created_by, created_at, sent_at, closed_at"

type itemRow struct {
	ID            int64 `gorm:"primaryKey"`
	BatchID       int64
	Seq           int
	ClaimID       int64
	ClaimCode     string
	Amount        int64
	BankCode      string
	AccountNumber string
	AccountName   string
	State         string
	BankReference string
	// FailureReason is the bank's, or the treasurer's when the line was
	// failed or withdrawn without a bank result (ResolvedBy names who).
	FailureReason string
	BankTime      *time.Time
	ResolvedAt    *time.Time
	ResultFileID  *int64
	CheckResult   string
	CheckName     string
	CheckSource   string
	CheckedBy     *int64
	CheckedAt     *time.Time
	// SentIn is the seq of the batch's transfer file that carried the line
	// to the bank; nil while the bank was never sent it.
	SentIn     *int
	ResolvedBy *int64
}

func (itemRow) TableName() string { return "disbursement_items" }

// held reports whether a line is held back from the transfer: waiting,
// never sent, and its account name did not match the bank's.
func (r itemRow) held() bool {
	return r.State == statePending && r.SentIn == nil && r.CheckResult == CheckMismatch
}

// payable reports whether a line goes in the next transfer file.
func (r itemRow) payable() bool {
	return r.State == statePending && r.SentIn == nil && r.CheckResult != CheckMismatch
}

const itemColumns = "id, batch_id, seq, claim_id, claim_code, amount, bank_code, account_number, account_name, state, " +
	"bank_reference, failure_reason, bank_time, resolved_at, result_file_id, check_result, check_name, check_source, " +
	"checked_by, checked_at, sent_in, resolved_by"

type resultFileRow struct {
	ID         int64 `gorm:"primaryKey"`
	BatchID    int64
	SHA256     string `gorm:"column:sha256"`
	Format     string
	LineCount  int
	Paid       int
	Failed     int
	Unchanged  int
	UploadedBy int64
	UploadedAt time.Time
}

func (resultFileRow) TableName() string { return "disbursement_result_files" }

type transferFileRow struct {
	BatchID     int64  `gorm:"primaryKey;autoIncrement:false"`
	Seq         int    `gorm:"primaryKey;autoIncrement:false"`
	SHA256      string `gorm:"column:sha256"`
	LineCount   int
	TotalAmount int64
	HeldCount   int
	Remark      string
	SentBy      int64
	SentAt      time.Time
}

func (transferFileRow) TableName() string { return "disbursement_transfer_files" }

const transferFileColumns = "batch_id, seq, sha256, line_count, total_amount, held_count, remark, sent_by, sent_at"

// Item states.
const (
	statePending = "pending"
	statePaid    = "paid"
	stateFailed  = "failed"
	// stateWithdrawn: taken out of the batch before it was sent; the claim
	// went back to approved.
	stateWithdrawn = "withdrawn"
)

// Batch statuses.
const (
	BatchOpen   = "open"
	BatchClosed = "closed"
)
