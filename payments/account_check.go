package payments

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"santunan/domain"
	"santunan/workflow"
)

// Before a batch is sent, the treasurer may check that each account belongs
// to the heir: the name the bank holds for it must match the claim's account
// name. By hand (the default: the treasurer reads the name in the bank's
// portal and enters it) or through an AccountInquirer. A mismatch puts
// domain.WarningAccountNameMismatch on the claim, through the engine, so the
// trail shows it; a later match takes it off.

// Sources of a check.
const (
	CheckManual  = "manual"
	CheckInquiry = "inquiry"
	// CheckCarried: no check of this line yet, but the claim still carries
	// the mismatch of an earlier one (see startPayments).
	CheckCarried = "carried"
)

// Check results.
const (
	CheckMatch    = "match"
	CheckMismatch = "mismatch"
)

// NameCheck is one name the bank holds for a claim's account in a batch.
type NameCheck struct {
	ClaimID    int64
	NameAtBank string
}

// CheckReport says what a round of checks found.
type CheckReport struct {
	Checked    int    `json:"checked"`
	Matches    int    `json:"matches"`
	Mismatches int    `json:"mismatches"`
	Unanswered int    `json:"unanswered"` // inquiries the bank did not answer
	Items      []Item `json:"items"`
}

const maxNameAtBankRunes = 200

// ConfirmAccounts records names the treasurer read at the bank.
func (s *Service) ConfirmAccounts(ctx context.Context, actor domain.Actor, batchID int64, checks []NameCheck) (CheckReport, error) {
	if err := require(actor, CanPay); err != nil {
		return CheckReport{}, err
	}
	if len(checks) == 0 {
		return CheckReport{}, domain.FieldError("items", domain.ViolationRequired)
	}
	if len(checks) > MaxBatchClaims {
		return CheckReport{}, domain.FieldError("items", domain.ViolationTooManyItems)
	}
	return s.recordChecks(ctx, actor, batchID, checks, CheckManual, 0)
}

// InquireAccounts asks the configured AccountInquirer for the name of every
// line still waiting for its transfer, outside any transaction (a bank may
// be slow), then records the answers in one.
func (s *Service) InquireAccounts(ctx context.Context, actor domain.Actor, batchID int64) (CheckReport, error) {
	if err := require(actor, CanPay); err != nil {
		return CheckReport{}, err
	}
	if s.cfg.Inquirer == nil {
		return CheckReport{}, domain.ErrInquiryUnavailable
	}
	if _, err := loadBatch(s.read(ctx), batchID); err != nil {
		return CheckReport{}, err
	}
	items, err := loadItems(s.read(ctx), batchID)
	if err != nil {
		return CheckReport{}, err
	}
	var pending []itemRow
	for _, it := range items {
		if it.State == statePending {
			pending = append(pending, it)
		}
	}
	names := make([]string, len(pending))
	const workers = 8
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, it := range pending {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if name, err := s.cfg.Inquirer.Inquire(ctx, it.BankCode, it.AccountNumber); err == nil {
				names[i] = name
			}
		}()
	}
	wg.Wait()
	checks := make([]NameCheck, 0, len(pending))
	for i, it := range pending {
		if strings.TrimSpace(names[i]) != "" {
			checks = append(checks, NameCheck{ClaimID: it.ClaimID, NameAtBank: names[i]})
		}
	}
	unanswered := len(pending) - len(checks)
	if len(checks) == 0 {
		return CheckReport{Unanswered: unanswered, Items: []Item{}}, nil
	}
	return s.recordChecks(ctx, actor, batchID, checks, CheckInquiry, unanswered)
}

func (s *Service) recordChecks(ctx context.Context, actor domain.Actor, batchID int64, checks []NameCheck, source string, unanswered int) (CheckReport, error) {
	var rep CheckReport
	err := s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		rep = CheckReport{Unanswered: unanswered, Items: make([]Item, 0, len(checks))}
		db, now := tx.DB(), tx.Now()
		// Locked like a result upload, so a line cannot be answered by the
		// bank between reading it here and recording its check.
		if _, err := lockBatch(tx, batchID); err != nil {
			return err
		}
		items, err := loadItems(db, batchID)
		if err != nil {
			return err
		}
		byClaim := make(map[int64]itemRow, len(items))
		for _, it := range items {
			byClaim[it.ClaimID] = it
		}
		var problems []domain.Problem
		for _, c := range checks {
			it, ok := byClaim[c.ClaimID]
			name := strings.Join(strings.Fields(c.NameAtBank), " ")
			switch code := textViolation(name, maxNameAtBankRunes); {
			case !ok:
				problems = append(problems, domain.Problem{ClaimID: c.ClaimID, Code: domain.ViolationNotInBatch})
				continue
			case it.State != statePending:
				problems = append(problems, domain.Problem{ClaimID: c.ClaimID, Code: domain.ViolationClaimWrongStatus})
				continue
			case code != "":
				problems = append(problems, domain.Problem{ClaimID: c.ClaimID, Field: "name_at_bank", Code: code})
				continue
			}
			matches := NamesMatch(it.AccountName, name)
			it.CheckResult, it.CheckName, it.CheckSource, it.CheckedBy, it.CheckedAt = CheckMismatch, name, source, &actor.UserID, &now
			if matches {
				it.CheckResult = CheckMatch
				rep.Matches++
			} else {
				rep.Mismatches++
			}
			res := db.Model(&itemRow{}).Where("id = ? AND state = ?", it.ID, statePending).Updates(map[string]any{
				"check_result": it.CheckResult, "check_name": name, "check_source": source,
				"checked_by": actor.UserID, "checked_at": now})
			if res.Error != nil {
				return fmt.Errorf("record account check: %w", res.Error)
			}
			if res.RowsAffected != 1 {
				problems = append(problems, domain.Problem{ClaimID: c.ClaimID, Code: domain.ViolationClaimWrongStatus})
				continue
			}
			if _, err := tx.Flag(actor, it.ClaimID, domain.EventAccountChecked, domain.WarningAccountNameMismatch, !matches, name, nil); err != nil {
				return err
			}
			rep.Checked++
			rep.Items = append(rep.Items, itemOf(it))
		}
		if len(problems) > 0 {
			return domain.NewRefusal(domain.RefusedBatch, problems)
		}
		return nil
	})
	return rep, err
}

// NamesMatch compares the claim's account name with the bank's: letters and
// digits only, case-insensitive. A bank that cuts long names to its field's
// width (often 20 to 35 characters) still matches on the part it kept.
func NamesMatch(ours, bank string) bool {
	a, b := nameKey(ours), nameKey(bank)
	if a == "" || b == "" {
		return false
	}
	return a == b || (len(b) >= 20 && strings.HasPrefix(a, b))
}

func nameKey(s string) string {
	mapped := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(mapped), " ")
}
