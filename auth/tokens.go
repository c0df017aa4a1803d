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

// issueToken stores a new token for userID in tx.
func (s *Service) issueToken(tx *gorm.DB, userID int64, now time.Time) (token string, expires time.Time, err error) {
	token, hash, err := newToken()
	if err != nil {
		return "", time.Time{}, err
	}
	expires = dbTime(now.Add(s.opts.TokenTTL))
	row := tokenRow{TokenHash: hash, UserID: userID, CreatedAt: now, ExpiresAt: expires}
	if err := tx.Create(&row).Error; err != nil {
		return "", time.Time{}, fmt.Errorf("store token: %w", err)
	}
	return token, expires, nil
}

// revokeUserTokens revokes every token of userID not yet revoked and says
// how many.
func revokeUserTokens(tx *gorm.DB, userID int64, now time.Time) (int64, error) {
	res := tx.Model(&tokenRow{}).
		Where("user_id = ? AND revoked_at IS NULL", userID).
		Update("revoked_at", now)
	if res.Error != nil {
		return 0, fmt.Errorf("revoke tokens of user %d: %w", userID, res.Error)
	}
	return res.RowsAffected, nil
}

// liveTokenQuery selects the user of a token that is known, unexpired,
// unrevoked and belongs to an active user; each of these is checked on every
// request, so revoking or disabling takes effect at once.
func liveTokenQuery(q *gorm.DB, hash string, now time.Time) *gorm.DB {
	return q.Table("api_tokens AS t").
		Joins("JOIN users AS u ON u.id = t.user_id").
		Where("t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.active = ?", hash, now, true)
}

// Authenticate returns the user a token belongs to. Unknown, expired and
// revoked tokens and tokens of inactive users all give the same
// domain.ErrUnauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (domain.User, error) {
	// A token of the wrong shape cannot exist; skip the database.
	if len(token) != tokenLen {
		return domain.User{}, fmt.Errorf("authenticate: %w", domain.ErrUnauthenticated)
	}
	var row userRow
	err := liveTokenQuery(s.db.Read.WithContext(ctx), hashToken(token), s.now()).
		Select("u.id, u.username, u.full_name, u.role, u.active, u.created_at").
		Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.User{}, fmt.Errorf("authenticate: %w", domain.ErrUnauthenticated)
	}
	if err != nil {
		return domain.User{}, database.Classify(fmt.Errorf("authenticate: %w", err))
	}
	return row.toDomain(), nil
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
		err := liveTokenQuery(tx, hash, now).
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
		return record(tx, SecurityEvent{
			At: now, Kind: EventLogout, Username: live.Username,
			UserID: live.UserID, ActorID: live.UserID, IP: ip,
		})
	})
	if err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	return nil
}
