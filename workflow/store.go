package workflow

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// store is the workflow's gorm code. Functions taking a tx run inside the
// engine's transaction; the others read through the read pool.
type store struct {
	db *database.DB
}

func (s store) read(ctx context.Context) *gorm.DB { return s.db.Read.WithContext(ctx) }

func loadClaim(tx *gorm.DB, id int64) (domain.Claim, error) {
	var r claimRow
	err := tx.Select(claimColumns).Where("id = ?", id).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Claim{}, fmt.Errorf("claim %d: %w", id, domain.ErrNotFound)
	}
	if err != nil {
		return domain.Claim{}, fmt.Errorf("load claim %d: %w", id, err)
	}
	return r.claim(), nil
}

// liveClaimCode returns the code of the live claim for a deceased NIK, or "".
func liveClaimCode(tx *gorm.DB, deceasedNIK string, exceptID int64) (string, error) {
	var codes []string
	err := tx.Model(&claimRow{}).
		Where("deceased_nik = ? AND status NOT IN ? AND id <> ?", deceasedNIK,
			[]string{string(domain.StatusRejected), string(domain.StatusCancelled)}, exceptID).
		Limit(1).Pluck("code", &codes).Error
	if err != nil {
		return "", fmt.Errorf("find live claim: %w", err)
	}
	if len(codes) == 0 {
		return "", nil
	}
	return codes[0], nil
}

func insertClaim(tx *gorm.DB, c *domain.Claim, createdBy int64) error {
	r := rowOf(*c, createdBy)
	r.ID = 0
	if err := tx.Create(&r).Error; err != nil {
		return fmt.Errorf("insert claim: %w", err)
	}
	c.ID = r.ID
	return nil
}

// compareAndSwap writes the claim only if its version is still oldVersion.
// gorm's optimistic-lock plugin would not report a lost race, so the
// condition is written here and zero rows affected means a conflict.
func compareAndSwap(tx *gorm.DB, c domain.Claim, oldVersion int) error {
	r := rowOf(c, 0)
	omit := []string{"id", "code", "created_by", "created_at"}
	if _, staged := domain.StageOf(c.Status); staged {
		// The stage's columns are the event hook's (Tx.SetStage).
		omit = append(omit, "stage_started_at", "stage_due_on")
	} else {
		// Returned to the heir or final: no office owes the claim a step.
		// Cleared here, in the same statement, because a paid row can
		// never be updated afterwards.
		r.StageStartedAt, r.StageDueOn = nil, nil
	}
	res := tx.Model(&r).Where("version = ?", oldVersion).
		Select("*").Omit(omit...).Updates(&r)
	if res.Error != nil {
		return fmt.Errorf("update claim %d: %w", c.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("claim %d: %w", c.ID, &domain.VersionConflictError{Current: -1})
	}
	return nil
}

// appendEvent links the event to the claim's last event and inserts it.
func appendEvent(tx *gorm.DB, e *domain.Event) error {
	prev := genesisHash
	if e.Seq > 1 {
		var hashes []string
		err := tx.Model(&eventRow{}).Where("claim_id = ? AND seq = ?", e.ClaimID, e.Seq-1).Pluck("hash", &hashes).Error
		if err != nil {
			return fmt.Errorf("previous event: %w", err)
		}
		if len(hashes) != 1 {
			return fmt.Errorf("claim %d has no event %d to chain to", e.ClaimID, e.Seq-1)
		}
		prev = hashes[0]
	}
	hash, err := eventHash(prev, *e)
	if err != nil {
		return err
	}
	changes, err := json.Marshal(e.Changes)
	if err != nil {
		return fmt.Errorf("encode changes: %w", err)
	}
	r := eventRow{
		ClaimID: e.ClaimID, Seq: e.Seq, Action: string(e.Action), FromStatus: string(e.FromStatus),
		ToStatus: string(e.ToStatus), ActorID: e.ActorID, ActorUsername: e.ActorUsername,
		ActorRole: string(e.ActorRole), Reason: e.Reason, Changes: string(changes), At: e.At,
		PrevHash: prev, Hash: hash,
	}
	if err := tx.Create(&r).Error; err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	e.ID, e.PrevHash, e.Hash = r.ID, prev, hash
	return nil
}

// eventsOf returns the events of the given claims ordered by claim then seq,
// in one query (no query per claim).
func eventsOf(db *gorm.DB, claimIDs []int64) ([]domain.Event, error) {
	if len(claimIDs) == 0 {
		return nil, nil
	}
	var rows []eventRow
	err := db.Select(eventColumns).Where("claim_id IN ?", claimIDs).Order("claim_id, seq").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("load events: %w", err)
	}
	out := make([]domain.Event, 0, len(rows))
	for _, r := range rows {
		e, err := r.event()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
