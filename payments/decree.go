package payments

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// DecreeRequest approves many verified claims in one decree (SK penetapan).
type DecreeRequest struct {
	Number   string  // e.g. "400.9/123/2026"
	Date     string  // the decree's date, YYYY-MM-DD
	ClaimIDs []int64 // death_verified claims
}

// Decree is an approval decree and, when read one by one, its recipients.
type Decree struct {
	ID          int64         `json:"id"`
	Number      string        `json:"number"`
	Date        domain.Date   `json:"date"`
	ClaimCount  int           `json:"claim_count"`
	TotalAmount domain.Rupiah `json:"total_amount"`
	CreatedBy   int64         `json:"created_by"`
	CreatedAt   time.Time     `json:"created_at"`
	Recipients  []Recipient   `json:"recipients,omitempty"`
}

// Recipient is one line of a decree's list.
type Recipient struct {
	Seq              int                 `json:"seq"`
	ClaimID          int64               `json:"claim_id"`
	ClaimCode        string              `json:"claim_code"`
	DeceasedName     string              `json:"deceased_name"`
	DateOfDeath      domain.Date         `json:"date_of_death"`
	VillageCode      string              `json:"village_code"`
	VillageName      string              `json:"village_name"`
	KecamatanName    string              `json:"kecamatan_name"`
	HeirName         string              `json:"heir_name"`
	HeirRelationship domain.Relationship `json:"heir_relationship"`
	Amount           domain.Rupiah       `json:"amount"`
}

var decreeNumberPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ./-]{0,99}$`)

// programmeStartYear: no decree can be dated before 1 January of this year.
// The santunan kematian is paid under Perbup Kendal 20/2021, so every real
// decree is dated in 2021 or later. The project keeps no record of the day
// the Perbup was signed, so the year's first day is the limit: it refuses no
// real decree, and does refuse slips such as 0001-01-01 or 2012 for 2021.
const programmeStartYear = 2021

func (s *Service) checkDecree(req DecreeRequest) (string, domain.Date, []int64, error) {
	errs := domain.FieldErrors{}
	number := strings.Join(strings.Fields(req.Number), " ")
	switch {
	case number == "":
		errs.Add("number", domain.ViolationRequired)
	case !decreeNumberPattern.MatchString(number):
		errs.Add("number", domain.ViolationDecreeNumberInvalid)
	}
	var date domain.Date
	switch d, err := domain.ParseDate(strings.TrimSpace(req.Date)); {
	case strings.TrimSpace(req.Date) == "":
		errs.Add("date", domain.ViolationRequired)
	case err != nil:
		errs.Add("date", domain.ViolationDateInvalid)
	case d.Year < programmeStartYear:
		errs.Add("date", domain.ViolationDateBeforeProgramme)
	// Today as in Kendal (WIB): a decree signed this morning is not refused
	// because the server's clock is still on yesterday in UTC.
	case d.After(domain.DateOf(s.engine.Now().In(s.cfg.Location))):
		errs.Add("date", domain.ViolationDateInFuture)
	default:
		date = d
	}
	ids, err := checkClaimIDs("claim_ids", req.ClaimIDs)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		errs.Merge("", ve.Fields)
	}
	return number, date, ids, errs.Err()
}

// CreateDecree approves every claim of the request under one decree, in one
// transaction: each claim gets its own approve event (with the decree's
// number as reason) and its budget commitment; if any claim cannot be
// approved, nothing is, and the refusal lists every claim that failed.
func (s *Service) CreateDecree(ctx context.Context, actor domain.Actor, req DecreeRequest) (Decree, error) {
	if err := require(actor, CanDecree); err != nil {
		return Decree{}, err
	}
	number, date, ids, err := s.checkDecree(req)
	if err != nil {
		return Decree{}, err
	}
	// Checked first so that a repeated number costs no approvals; the
	// unique index decides a race.
	if taken, err := s.decreeNumberTaken(s.read(ctx), number); err != nil {
		return Decree{}, err
	} else if taken {
		return Decree{}, duplicateDecree(number)
	}
	var out Decree
	err = s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		// The same number posted twice at once: the second waits here for
		// the first and then hears duplicate_decree, not a refusal of claims
		// the first has just approved.
		if err := serializeDecreeNumber(tx.DB(), number); err != nil {
			return err
		}
		if taken, err := s.decreeNumberTaken(tx.DB(), number); err != nil {
			return err
		} else if taken {
			return duplicateDecree(number)
		}
		// Every claim is locked, in id order, before any is approved and
		// before the approvals' guards take the budget row (workflow/lock.go).
		if err := tx.LockClaims(ids); err != nil {
			return err
		}
		items := make([]decreeItemRow, 0, len(ids))
		var problems []domain.Problem
		var total int64
		for _, id := range ids {
			c, err := tx.Apply(actor, id, domain.ActionApprove, workflow.ActionInput{Reason: "SK " + number})
			if err != nil {
				p, ok := problemOf(id, err)
				if !ok {
					return err
				}
				problems = append(problems, p)
				continue
			}
			items = append(items, decreeItemRow{Seq: len(items) + 1, ClaimID: id, Amount: int64(c.Amount)})
			total += int64(c.Amount)
		}
		if len(problems) > 0 {
			return domain.NewRefusal(domain.RefusedDecree, problems)
		}
		row := decreeRow{Number: number, DecreeDate: date.Time(), ClaimCount: len(items), TotalAmount: total,
			CreatedBy: actor.UserID, CreatedAt: tx.Now()}
		if err := tx.DB().Create(&row).Error; err != nil {
			if database.IsUniqueViolation(err) {
				return duplicateDecree(number)
			}
			return fmt.Errorf("insert decree: %w", err)
		}
		for i := range items {
			items[i].DecreeID = row.ID
		}
		if err := tx.DB().CreateInBatches(items, chunk).Error; err != nil {
			return fmt.Errorf("insert decree items: %w", err)
		}
		out = decreeOf(row)
		return nil
	})
	if err != nil {
		return Decree{}, err
	}
	return out, nil
}

func (s *Service) decreeNumberTaken(db *gorm.DB, number string) (bool, error) {
	var n int64
	if err := db.Model(&decreeRow{}).Where("number = ?", number).Count(&n).Error; err != nil {
		return false, database.Classify(fmt.Errorf("find decree: %w", err))
	}
	return n > 0, nil
}

// serializeDecreeNumber makes transactions creating a decree with the same
// number take turns (database.XactLock).
func serializeDecreeNumber(db *gorm.DB, number string) error {
	if err := database.XactLock(db, "santunan/payments/decree\x00"+number); err != nil {
		return fmt.Errorf("serialize decree %s: %w", number, err)
	}
	return nil
}

func duplicateDecree(number string) error {
	return fmt.Errorf("decree %s: %w", number, domain.ErrDuplicateDecree)
}

func decreeOf(r decreeRow) Decree {
	return Decree{ID: r.ID, Number: r.Number, Date: domain.DateOf(r.DecreeDate.UTC()), ClaimCount: r.ClaimCount,
		TotalAmount: domain.Rupiah(r.TotalAmount), CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC()}
}
