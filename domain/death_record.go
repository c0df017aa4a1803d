package domain

import (
	"errors"
	"strings"
	"time"
)

// DeathRecord is one death registered with Dukcapil (from a SIAK export or
// the online service). The akta kematian number identifies it: importing
// the same record twice changes nothing.
type DeathRecord struct {
	ID                 int64     `json:"id"`
	NIK                string    `json:"nik"`
	FullName           string    `json:"full_name"`
	Sex                Sex       `json:"sex"`
	DateOfDeath        Date      `json:"date_of_death"`
	DeathCertificateNo string    `json:"death_certificate_no"`
	VillageCode        string    `json:"village_code"`
	RegisteredOn       Date      `json:"registered_on"`
	Source             string    `json:"source"` // "import" or "online"
	CreatedAt          time.Time `json:"created_at"`
}

// SameFacts reports whether two records state the same death, ignoring
// where and when they were stored.
func (r DeathRecord) SameFacts(o DeathRecord) bool {
	return r.NIK == o.NIK && r.FullName == o.FullName && r.Sex == o.Sex && r.DateOfDeath == o.DateOfDeath &&
		r.DeathCertificateNo == o.DeathCertificateNo && r.VillageCode == o.VillageCode && r.RegisteredOn == o.RegisteredOn
}

// MatchOutcome is how a claim compares with the death register.
type MatchOutcome string

const (
	// MatchAgrees ("cocok"): the deceased NIK is registered and the date of
	// death and akta number (once the claim has one) agree.
	MatchAgrees MatchOutcome = "match"
	// MatchDiffers: the NIK is registered but the date or akta number differ.
	MatchDiffers MatchOutcome = "mismatch"
	// MatchNotFound: the NIK is not in the register (yet).
	MatchNotFound MatchOutcome = "not_in_register"
)

// AllMatchOutcomes lists every outcome, for the i18n catalogs.
var AllMatchOutcomes = []MatchOutcome{MatchAgrees, MatchDiffers, MatchNotFound}

// Fields of a claim compared with the register.
const (
	MatchFieldDateOfDeath        = "date_of_death"
	MatchFieldDeathCertificateNo = "death_certificate_no"
)

// RegisterMismatchError refuses verify_death on a claim that disagrees with
// the death register until the clerk confirms the mismatch.
type RegisterMismatchError struct {
	Differences []string // MatchField* names
}

func (e *RegisterMismatchError) Error() string {
	return "claim differs from the death register in " + strings.Join(e.Differences, ", ") + "; confirm to proceed"
}

func (e *RegisterMismatchError) Is(target error) bool { return target == ErrValidation }

// The optional online check against Dukcapil's web service.
var (
	// ErrRegistryOff: no service is configured (the regency has no
	// data-access agreement, or it is not set up).
	ErrRegistryOff = errors.New("dukcapil registry service not configured")
	// ErrRegistryUnavailable: the service did not answer properly.
	ErrRegistryUnavailable = errors.New("dukcapil registry service unavailable")
)
