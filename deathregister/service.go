// Package deathregister keeps Dukcapil's register of deaths (imported from
// SIAK exports, or looked up in Dukcapil's web service), matches claims
// against it, and lists registered deaths that nobody has claimed yet so
// that the village can reach the family (jemput bola).
package deathregister

import (
	"time"

	"santunan/areas"
	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// Defaults of Options.
const (
	DefaultUnclaimedAfterDays = 14
	DefaultMaxImportBytes     = 64 << 20
)

// Options configure the register.
type Options struct {
	Areas       *areas.Directory
	RegencyCode string
	// WindowDays is the claim window: a death older than that can no longer
	// be claimed, so it leaves the unclaimed list.
	WindowDays int
	// UnclaimedAfterDays is how long after a death without a claim it is
	// listed for the village to follow up.
	UnclaimedAfterDays int
	MaxImportBytes     int64
	// Registry is the optional online check; nil when the regency has no
	// data-access agreement.
	Registry RegistryClient
	Now      func() time.Time
	Location *time.Location
}

// Service imports, matches and lists registered deaths.
type Service struct {
	db     *database.DB
	engine *workflow.Engine
	opts   Options
}

// New returns the death register service.
func New(db *database.DB, engine *workflow.Engine, opts Options) *Service {
	if opts.UnclaimedAfterDays <= 0 {
		opts.UnclaimedAfterDays = DefaultUnclaimedAfterDays
	}
	if opts.MaxImportBytes <= 0 {
		opts.MaxImportBytes = DefaultMaxImportBytes
	}
	if opts.WindowDays <= 0 {
		opts.WindowDays = 90
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = domain.Jakarta()
	}
	return &Service{db: db, engine: engine, opts: opts}
}

// MaxImportBytes is the size limit of an import file.
func (s *Service) MaxImportBytes() int64 { return s.opts.MaxImportBytes }

// UnclaimedAfterDays is the configured follow-up delay.
func (s *Service) UnclaimedAfterDays() int { return s.opts.UnclaimedAfterDays }

// OnlineEnabled reports whether an online registry is configured.
func (s *Service) OnlineEnabled() bool { return s.opts.Registry != nil }

func (s *Service) today() domain.Date { return domain.DateOf(s.opts.Now().In(s.opts.Location)) }

func (s *Service) now() time.Time { return s.opts.Now().UTC().Truncate(time.Microsecond) }

func (s *Service) validator() Validator {
	return Validator{Areas: s.opts.Areas, RegencyCode: s.opts.RegencyCode, Today: s.today()}
}
