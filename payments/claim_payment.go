package payments

import (
	"context"
	"fmt"
	"time"

	"santunan/database"
	"santunan/domain"
)

// ClaimPayment is where one claim stands in the payment capability: the
// decree that approved it, if any, and the batches that carried it, newest
// first (a failed transfer is retried in a later batch). The claim page
// shows it, so that anyone reading a claim can go to its decree and batch.
type ClaimPayment struct {
	Decree  *DecreeRef `json:"decree"`
	Batches []BatchRef `json:"batches"`
}

// DecreeRef names a decree.
type DecreeRef struct {
	ID     int64       `json:"id"`
	Number string      `json:"number"`
	Date   domain.Date `json:"date"`
}

// BatchRef is a claim's line in a batch.
type BatchRef struct {
	ID            int64  `json:"id"`
	Status        string `json:"status"` // of the batch: open or closed
	State         string `json:"state"`  // of the line: pending, paid or failed
	BankReference string `json:"bank_reference"`
	FailureReason string `json:"failure_reason"`
}

// maxClaimBatches bounds the batches listed for one claim; a claim whose
// transfer failed more often than this needs a person, not a longer list.
const maxClaimBatches = 20

// ClaimPayment returns claim id's decree and batches. Two lookups on the
// indexes of decree_items.claim_id and disbursement_items (claim_id,
// batch_id): cheap enough for every claim page.
func (s *Service) ClaimPayment(ctx context.Context, actor domain.Actor, claimID int64) (ClaimPayment, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return ClaimPayment{}, err
	}
	db := s.read(ctx)
	var decrees []struct {
		ID         int64
		Number     string
		DecreeDate time.Time
	}
	err := db.Table("decree_items di").Select("d.id, d.number, d.decree_date").
		Joins("JOIN decrees d ON d.id = di.decree_id").Where("di.claim_id = ?", claimID).Limit(1).Scan(&decrees).Error
	if err != nil {
		return ClaimPayment{}, database.Classify(fmt.Errorf("find decree of claim %d: %w", claimID, err))
	}
	out := ClaimPayment{Batches: []BatchRef{}}
	if len(decrees) == 1 {
		d := decrees[0]
		out.Decree = &DecreeRef{ID: d.ID, Number: d.Number, Date: domain.DateOf(d.DecreeDate.UTC())}
	}
	err = db.Table("disbursement_items i").
		Select("b.id AS id, b.status AS status, i.state AS state, i.bank_reference AS bank_reference, i.failure_reason AS failure_reason").
		Joins("JOIN disbursement_batches b ON b.id = i.batch_id").Where("i.claim_id = ?", claimID).
		Order("i.batch_id DESC").Limit(maxClaimBatches).Scan(&out.Batches).Error
	if err != nil {
		return ClaimPayment{}, database.Classify(fmt.Errorf("find batches of claim %d: %w", claimID, err))
	}
	return out, nil
}

// ClaimCodes returns the codes of the claims ids (at most
// domain.MaxProblems), in one query: a refusal report names its claims by
// code, as people know them.
func (s *Service) ClaimCodes(ctx context.Context, actor domain.Actor, ids []int64) (map[int64]string, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	if len(ids) > domain.MaxProblems {
		ids = ids[:domain.MaxProblems]
	}
	var rows []struct {
		ID   int64
		Code string
	}
	if err := s.read(ctx).Table("claims").Select("id, code").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, database.Classify(fmt.Errorf("read claim codes: %w", err))
	}
	for _, r := range rows {
		out[r.ID] = r.Code
	}
	return out, nil
}

// CanInquire reports whether an account-name inquiry service is configured,
// so a page offers the automatic check only when it can work.
func (s *Service) CanInquire() bool { return s.cfg.Inquirer != nil }
