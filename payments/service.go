// Package payments pays approved claims: the yearly budget ceiling (pagu),
// approval decrees (SK penetapan), bank transfer batches, the bank's result
// files and their reconciliation. Claims move only through the workflow
// engine (tx.Apply), in the same transaction as this package's own rows, so
// a batch or a result file is applied whole or not at all.
package payments

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/areas"
	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// Limits on one request.
const (
	// MaxBatchClaims bounds a batch, a decree and a result file: a bulk
	// transfer file of this size is what a bank's portal takes in one go.
	MaxBatchClaims = 10_000
	// chunk is how many rows one statement reads or inserts.
	chunk = 500
)

// ReservedActions are the payment actions the engine leaves to this
// package: a claim moves to disbursing, paid or payment_failed, or leaves
// its batch, only with its batch line (see workflow.Options.Reserved).
var ReservedActions = []domain.Action{domain.ActionStartPayment, domain.ActionConfirmPayment, domain.ActionFailPayment,
	domain.ActionWithdrawPayment}

// AccountInquirer asks a bank for the holder's name of an account (an
// account-name inquiry). It is outside our walls: tests use a fake.
type AccountInquirer interface {
	Inquire(ctx context.Context, bankCode, accountNumber string) (name string, err error)
}

// Options are the package's settings.
type Options struct {
	// Location decides the budget year and "today": Asia/Jakarta.
	Location *time.Location
	// Areas names villages in the decree's list of recipients.
	Areas *areas.Directory
	// Inquirer checks account names; nil means the treasurer confirms
	// them by hand (the default: no bank interface is contracted yet).
	Inquirer AccountInquirer
	// Remark is written on every transfer line (the heir's bank statement).
	Remark string
}

// Service is the payment capability.
type Service struct {
	db     *database.DB
	engine *workflow.Engine
	cfg    Options
}

// New returns the service. The engine must have been built with Guards
// and ReservedActions (see Guards).
func New(db *database.DB, engine *workflow.Engine, cfg Options) *Service {
	if cfg.Location == nil {
		cfg.Location = domain.Jakarta()
	}
	if cfg.Remark == "" {
		cfg.Remark = "SANTUNAN KEMATIAN"
	}
	return &Service{db: db, engine: engine, cfg: cfg}
}

func (s *Service) read(ctx context.Context) *gorm.DB { return s.db.Read.WithContext(ctx) }

// forUpdate locks the rows a query reads until the transaction ends, on
// PostgreSQL. SQLite has a single writer: a write transaction holds the
// whole database already.
func forUpdate(db *gorm.DB) *gorm.DB {
	if db.Dialector.Name() == "postgres" {
		return db.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return db
}
