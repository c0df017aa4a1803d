package applications

import "time"

// checkRow is a row of phone_checks.
type checkRow struct {
	ID             string `gorm:"primaryKey"`
	Phone          string
	Purpose        string
	CodeHash       string
	ExpiresAt      time.Time
	Attempts       int
	VerifiedAt     *time.Time
	TokenHash      *string
	TokenExpiresAt *time.Time
	ConsumedAt     *time.Time
	CreatedAt      time.Time
}

func (checkRow) TableName() string { return "phone_checks" }
