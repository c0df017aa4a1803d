package deathregister

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// Difference is one fact on which a claim and the register disagree.
type Difference struct {
	Field    string `json:"field"` // domain.MatchField*
	Claim    string `json:"claim"`
	Register string `json:"register"`
}

// Match is how a claim compares with the register, computed when asked
// (never stored, so a later import is seen at once).
type Match struct {
	Outcome     domain.MatchOutcome `json:"outcome"`
	Differences []Difference        `json:"differences"`
	// Record is the registered death compared with: the one that agrees,
	// or else the closest. Nil when the NIK is not registered.
	Record *domain.DeathRecord `json:"record"`
	// Records counts the register's records for the NIK (more than one
	// means Dukcapil registered the death twice).
	Records int `json:"records"`
}

// compare matches a claim against the register's records for its NIK. The
// date of death must agree; the akta number too, once the claim has one
// (before verification it has none, and the register's fills the form).
func compare(c domain.Claim, records []domain.DeathRecord) Match {
	m := Match{Outcome: domain.MatchNotFound, Differences: []Difference{}, Records: len(records)}
	for i := range records {
		diffs := differences(c, records[i])
		if m.Record == nil || len(diffs) < len(m.Differences) {
			m.Record, m.Differences = &records[i], diffs
		}
		if len(diffs) == 0 {
			break
		}
	}
	switch {
	case m.Record == nil:
	case len(m.Differences) == 0:
		m.Outcome = domain.MatchAgrees
	default:
		m.Outcome = domain.MatchDiffers
	}
	return m
}

func differences(c domain.Claim, r domain.DeathRecord) []Difference {
	out := []Difference{}
	if c.Deceased.DateOfDeath != r.DateOfDeath {
		out = append(out, Difference{Field: domain.MatchFieldDateOfDeath, Claim: c.Deceased.DateOfDeath.String(), Register: r.DateOfDeath.String()})
	}
	if c.DeathCertificateNo != "" && c.DeathCertificateNo != r.DeathCertificateNo {
		out = append(out, Difference{Field: domain.MatchFieldDeathCertificateNo, Claim: c.DeathCertificateNo, Register: r.DeathCertificateNo})
	}
	return out
}

// Match compares one claim with the register.
func (s *Service) Match(ctx context.Context, actor domain.Actor, claimID int64) (Match, error) {
	if !CanRead(actor.Role) {
		return Match{}, fmt.Errorf("role %s may not read the death register: %w", actor.Role, domain.ErrForbidden)
	}
	c, err := s.engine.Get(ctx, claimID)
	if err != nil {
		return Match{}, err
	}
	ms, err := s.MatchMany(ctx, []domain.Claim{c})
	if err != nil {
		return Match{}, err
	}
	return ms[c.ID], nil
}

// MatchMany compares a page of claims with the register in one query (a
// queue page shows every claim's match without a query per claim).
func (s *Service) MatchMany(ctx context.Context, claims []domain.Claim) (map[int64]Match, error) {
	niks := make([]string, 0, len(claims))
	for _, c := range claims {
		niks = append(niks, c.Deceased.NIK)
	}
	byNIK, err := recordsByNIK(s.db.Read.WithContext(ctx), niks)
	if err != nil {
		return nil, database.Classify(err)
	}
	out := make(map[int64]Match, len(claims))
	for _, c := range claims {
		out[c.ID] = compare(c, byNIK[c.Deceased.NIK])
	}
	return out, nil
}

func recordsByNIK(db *gorm.DB, niks []string) (map[string][]domain.DeathRecord, error) {
	out := map[string][]domain.DeathRecord{}
	if len(niks) == 0 {
		return out, nil
	}
	var rows []recordRow
	if err := db.Select(recordColumns).Where("nik IN ?", niks).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("register records: %w", err)
	}
	for _, r := range rows {
		out[r.NIK] = append(out[r.NIK], r.record())
	}
	return out, nil
}

// NoteField is the field of verify_death's audit event that records the
// register check: "match", "not_in_register", or "mismatch_confirmed: "
// and the fields that differ.
const NoteField = "death_register.match"

// Guard checks verify_death against the register in its own transaction,
// with the akta number and date the clerk is verifying with. A mismatch is
// refused unless the clerk confirms it (confirm_register_mismatch); every
// outcome is noted in the action's audit event.
func Guard() workflow.Guard {
	return func(tx *workflow.Tx, _ domain.Actor, _ domain.Action, _, after domain.Claim) error {
		byNIK, err := recordsByNIK(tx.DB(), []string{after.Deceased.NIK})
		if err != nil {
			return err
		}
		m := compare(after, byNIK[after.Deceased.NIK])
		note := string(m.Outcome)
		if m.Outcome == domain.MatchDiffers {
			fields := make([]string, len(m.Differences))
			for i, d := range m.Differences {
				fields[i] = d.Field
			}
			if !tx.Input().ConfirmRegisterMismatch {
				return &domain.RegisterMismatchError{Differences: fields}
			}
			note = "mismatch_confirmed: " + strings.Join(fields, ",")
		}
		return tx.Note(NoteField, note)
	}
}
