package survey

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
)

// Refusals of the survey's public side (classified in httpkit/errors_survey.go).
var (
	// ErrUnknownToken: no invite has this token, or its time is over.
	ErrUnknownToken = errors.New("survey: unknown or expired link")
	// ErrAnswered: the claim's survey was answered already.
	ErrAnswered = errors.New("survey: already answered")
)

// OfferTTL is how long the tracking page's token lives.
const OfferTTL = 2 * time.Hour

// Options configure the service.
type Options struct {
	// PublicURL is the site's origin for the message's link.
	PublicURL string
	Now       func() time.Time
	// Location decides the month an answer belongs to; nil means Jakarta.
	Location *time.Location
}

// Service makes invites, takes answers and computes the index.
type Service struct {
	db   *database.DB
	opts Options
}

// New builds the service on db.
func New(db *database.DB, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = domain.Jakarta()
	}
	return &Service{db: db, opts: o}
}

// invite is a row of survey_invites.
type invite struct {
	ID        int64 `gorm:"primaryKey"`
	ClaimID   int64
	CreatedAt time.Time
	UsedAt    *time.Time
}

func (invite) TableName() string { return "survey_invites" }

// token is a row of survey_tokens.
type token struct {
	TokenHash string `gorm:"primaryKey"`
	InviteID  int64
	ExpiresAt *time.Time
}

func (token) TableName() string { return "survey_tokens" }

// newToken is a fresh secret of 128 bits, in URL-safe base64 (22 characters).
func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is how a token is stored and looked up.
func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

// validToken reports whether t has a token's shape, so that anything else
// is refused before the database is asked.
func validToken(t string) bool {
	if len(t) != 22 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(t)
	return err == nil
}

// Link is the survey's address for token.
func (s *Service) Link(tok string) string {
	return strings.TrimSuffix(s.opts.PublicURL, "/") + "/survei/" + url.PathEscape(tok)
}

// ensureInvite returns the claim's invite, making it if there is none (in
// tx: the caller's transaction).
func (s *Service) ensureInvite(tx *gorm.DB, claimID int64) (invite, error) {
	inv := invite{ClaimID: claimID, CreatedAt: s.opts.Now()}
	if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "claim_id"}}, DoNothing: true}).
		Create(&inv).Error; err != nil {
		return invite{}, fmt.Errorf("survey: invite of claim %d: %w", claimID, err)
	}
	if err := tx.Where("claim_id = ?", claimID).Take(&inv).Error; err != nil {
		return invite{}, fmt.Errorf("survey: invite of claim %d: %w", claimID, err)
	}
	return inv, nil
}

// addToken gives the invite a new token (expiring at expires, or never).
func addToken(tx *gorm.DB, inviteID int64, expires *time.Time) (string, error) {
	tok := newToken()
	if err := tx.Create(&token{TokenHash: hashToken(tok), InviteID: inviteID, ExpiresAt: expires}).Error; err != nil {
		return "", fmt.Errorf("survey: token: %w", err)
	}
	return tok, nil
}

// InviteIn makes claim claimID's invite in tx, if it has none, and
// returns a new token of it that does not expire: the paid message's link.
// It returns "" when the survey was answered already (a claim paid again).
func (s *Service) InviteIn(tx *gorm.DB, claimID int64) (string, error) {
	inv, err := s.ensureInvite(tx, claimID)
	if err != nil || inv.UsedAt != nil {
		return "", err
	}
	return addToken(tx, inv.ID, nil)
}

// Offer is the tracking page's way in, for the heir who just proved the
// claim's NIK: a token of the paid claim's invite that lives OfferTTL,
// carried in the page's form. ok is false when the claim is not paid or
// its survey was answered.
func (s *Service) Offer(ctx context.Context, claimCode string) (tok string, ok bool, err error) {
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		var claim struct {
			ID     int64
			Status domain.Status
		}
		if err := tx.Table("claims").Select("id, status").Where("code = ?", claimCode).Take(&claim).Error; err != nil {
			return err
		}
		if claim.Status != domain.StatusPaid {
			return nil
		}
		inv, err := s.ensureInvite(tx, claim.ID)
		if err != nil || inv.UsedAt != nil {
			return err
		}
		now := s.opts.Now()
		// The invite's offers that ended go; the message's token stays.
		if err := tx.Where("invite_id = ? AND expires_at < ?", inv.ID, now).Delete(&token{}).Error; err != nil {
			return err
		}
		expires := now.Add(OfferTTL)
		tok, err = addToken(tx, inv.ID, &expires)
		ok = err == nil
		return err
	})
	if err != nil {
		return "", false, fmt.Errorf("survey: offer: %w", err)
	}
	return tok, ok, nil
}

// findInvite is the invite of a live token, locked in a write transaction.
func (s *Service) findInvite(tx *gorm.DB, tok string, lock bool) (invite, error) {
	if !validToken(tok) {
		return invite{}, ErrUnknownToken
	}
	var t token
	err := tx.Where("token_hash = ?", hashToken(tok)).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && t.ExpiresAt != nil && !t.ExpiresAt.After(s.opts.Now())) {
		return invite{}, ErrUnknownToken
	}
	if err != nil {
		return invite{}, err
	}
	q := tx
	if lock && s.db.IsPostgres() {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var inv invite
	if err := q.Where("id = ?", t.InviteID).Take(&inv).Error; err != nil {
		return invite{}, err
	}
	if inv.UsedAt != nil {
		return invite{}, ErrAnswered
	}
	return inv, nil
}

// Check reports whether tok may still answer: nil, ErrUnknownToken or
// ErrAnswered (a used link keeps saying so: its tokens stay).
func (s *Service) Check(ctx context.Context, tok string) error {
	return s.db.ReadTx(ctx, func(tx *gorm.DB) error {
		_, err := s.findInvite(tx, tok, false)
		return err
	})
}

// answerRow is a row of survey_answers.
type answerRow struct {
	ID                string `gorm:"primaryKey"`
	Period            string
	Requirements      int
	Procedure         int
	ServiceTime       int
	Cost              int
	Product           int
	Competence        int
	Behaviour         int
	ComplaintHandling int
	Facilities        int
	Comment           string
}

func (answerRow) TableName() string { return "survey_answers" }

func rowOf(a Answer, period string) answerRow {
	s := a.Scores
	id := make([]byte, 16)
	_, _ = rand.Read(id)
	return answerRow{ID: hex.EncodeToString(id), Period: period, Requirements: s[0], Procedure: s[1],
		ServiceTime: s[2], Cost: s[3], Product: s[4], Competence: s[5], Behaviour: s[6],
		ComplaintHandling: s[7], Facilities: s[8], Comment: a.Comment}
}

// Period is the month (YYYY-MM) of t in the service's time zone.
func (s *Service) Period(t time.Time) string { return t.In(s.opts.Location).Format("2006-01") }

// Answer records the answer of tok's invite: the invite marked used (a
// compare-and-swap on used_at, after its row lock) and the answer stored
// without it, in one transaction. A second answer of the claim, by any of
// its tokens, is ErrAnswered; a valid answer is the caller's (ParseAnswer).
func (s *Service) Answer(ctx context.Context, tok string, a Answer) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		inv, err := s.findInvite(tx, tok, true)
		if err != nil {
			return err
		}
		now := s.opts.Now()
		res := tx.Model(&invite{}).Where("id = ? AND used_at IS NULL", inv.ID).Update("used_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return ErrAnswered
		}
		row := rowOf(a, s.Period(now))
		return tx.Create(&row).Error
	})
}
