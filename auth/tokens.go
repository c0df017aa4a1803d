package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

const tokenBytes = 32

// tokenLen is the length of an encoded token: 32 bytes in unpadded base64url.
var tokenLen = base64.RawURLEncoding.EncodedLen(tokenBytes)

// newToken returns a fresh bearer token and the hash to store. Only the hash
// reaches the database, so a copy of it gives no usable credentials.
func newToken() (token, hash string, err error) {
	b := make([]byte, tokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("generate token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token), nil
}

// hashToken is a plain SHA-256: the token has 256 random bits, so unlike a
// password it needs no salt or slow hash.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Token kinds. An API token is sent as a bearer token by integrators. A web
// token is a browser session: the cookie holds it, and it also ends after
// Options.SessionIdle without use. Each is accepted only the way it is meant
// to be presented, so a session cookie cannot stand in for an API token.
type tokenKind string

const (
	kindAPI tokenKind = "api"
	kindWeb tokenKind = "web"
)

// issueToken stores a new token of the kind for userID in tx.
func (s *Service) issueToken(tx *gorm.DB, userID int64, now time.Time, kind tokenKind) (token string, expires time.Time, err error) {
	token, hash, err := newToken()
	if err != nil {
		return "", time.Time{}, err
	}
	expires = dbTime(now.Add(s.opts.TokenTTL))
	row := tokenRow{TokenHash: hash, UserID: userID, Kind: string(kind), CreatedAt: now, ExpiresAt: expires, LastUsedAt: &now}
	if err := tx.Create(&row).Error; err != nil {
		return "", time.Time{}, fmt.Errorf("store token: %w", err)
	}
	return token, expires, nil
}

// revokeUserTokens revokes every token of userID not yet revoked, except
// the token keep ("" for none), and says how many.
func revokeUserTokens(tx *gorm.DB, userID int64, keep string, now time.Time) (int64, error) {
	q := tx.Model(&tokenRow{}).Where("user_id = ? AND revoked_at IS NULL", userID)
	if keep != "" {
		q = q.Where("token_hash <> ?", hashToken(keep))
	}
	res := q.Update("revoked_at", now)
	if res.Error != nil {
		return 0, fmt.Errorf("revoke tokens of user %d: %w", userID, res.Error)
	}
	return res.RowsAffected, nil
}

// liveTokenQuery selects the user of a token that is known, unexpired,
// unrevoked, not idle for too long (web sessions) and belongs to an active
// user; each of these is checked on every request, so revoking or disabling
// takes effect at once.
func (s *Service) liveTokenQuery(q *gorm.DB, hash string, now time.Time) *gorm.DB {
	return q.Table("api_tokens AS t").
		Joins("JOIN users AS u ON u.id = t.user_id").
		Where("t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.active = ?", hash, now, true).
		Where("(t.kind = ? OR t.last_used_at > ?)", string(kindAPI), dbTime(now.Add(-s.opts.SessionIdle)))
}

// Authenticate returns the user an API token belongs to. Unknown, expired and
// revoked tokens, tokens of inactive users and browser-session tokens all
// give the same domain.ErrUnauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (domain.User, error) {
	return s.authenticate(ctx, token, kindAPI)
}

// AuthenticateWeb returns the user of a browser session token (from
// LoginWeb). Besides what Authenticate checks, a session unused for
// Options.SessionIdle has ended. Each use keeps the session alive.
func (s *Service) AuthenticateWeb(ctx context.Context, token string) (domain.User, error) {
	return s.authenticate(ctx, token, kindWeb)
}

// liveToken is a live token with its user, as Authenticate reads it.
type liveToken struct {
	TokenID    int64      `gorm:"column:token_id"`
	LastUsedAt *time.Time `gorm:"column:last_used_at"`
	User       userRow    `gorm:"embedded"`
}

func (s *Service) authenticate(ctx context.Context, token string, kind tokenKind) (domain.User, error) {
	// A token of the wrong shape cannot exist; skip the database.
	if len(token) != tokenLen {
		return domain.User{}, fmt.Errorf("authenticate: %w", domain.ErrUnauthenticated)
	}
	now := s.now()
	var row liveToken
	err := s.liveTokenQuery(s.db.Read.WithContext(ctx), hashToken(token), now).
		Where("t.kind = ?", string(kind)).
		Select("t.id AS token_id, t.last_used_at, u.id, u.username, u.full_name, u.role, u.active, u.created_at, u.password_change_required").
		Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.User{}, fmt.Errorf("authenticate: %w", domain.ErrUnauthenticated)
	}
	if err != nil {
		return domain.User{}, database.Classify(fmt.Errorf("authenticate: %w", err))
	}
	if err := s.touch(ctx, row.TokenID, row.LastUsedAt, now); err != nil {
		return domain.User{}, err
	}
	return row.User.toDomain(), nil
}

// touchEvery is how stale last_used_at may get before a request moves it:
// a busy clerk then costs one write a minute, not one per page. The idle
// limit is thereby honoured to within this much.
func (s *Service) touchEvery() time.Duration {
	return min(time.Minute, s.opts.SessionIdle/10)
}

// touch records that a token was used now, unless that was noted recently.
// The condition in the UPDATE makes simultaneous requests (on any server)
// write at most once.
func (s *Service) touch(ctx context.Context, tokenID int64, last *time.Time, now time.Time) error {
	every := s.touchEvery()
	if last != nil && now.Sub(*last) < every {
		return nil
	}
	err := s.db.Write.WithContext(ctx).Model(&tokenRow{}).
		Where("id = ? AND (last_used_at IS NULL OR last_used_at <= ?)", tokenID, dbTime(now.Add(-every))).
		Update("last_used_at", now).Error
	if err != nil {
		return database.Classify(fmt.Errorf("authenticate: note token use: %w", err))
	}
	return nil
}

// Logout revokes a live token. A token that is not live gives
// domain.ErrUnauthenticated, as Authenticate would.
func (s *Service) Logout(ctx context.Context, token, ip string) error {
	if len(token) != tokenLen {
		return fmt.Errorf("logout: %w", domain.ErrUnauthenticated)
	}
	hash := hashToken(token)
	now := s.now()
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		var live struct {
			TokenID  int64  `gorm:"column:token_id"`
			UserID   int64  `gorm:"column:user_id"`
			Username string `gorm:"column:username"`
		}
		err := s.liveTokenQuery(tx, hash, now).
			Select("t.id AS token_id, u.id AS user_id, u.username").
			Take(&live).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.ErrUnauthenticated
		}
		if err != nil {
			return fmt.Errorf("find token: %w", err)
		}
		if err := tx.Model(&tokenRow{}).Where("id = ?", live.TokenID).Update("revoked_at", now).Error; err != nil {
			return fmt.Errorf("revoke token: %w", err)
		}
		return s.record(tx, SecurityEvent{
			At: now, Kind: EventLogout, Username: live.Username,
			UserID: live.UserID, ActorID: live.UserID, IP: ip,
		})
	})
	if err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	return nil
}
