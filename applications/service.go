package applications

import (
	"io"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/documents"
	"santunan/workflow"
)

// CodeSender records a one-time code's message inside tx, the transaction
// that creates the check, so the message exists exactly when the check
// does; a worker sends it afterwards (package notify). ref names the check.
type CodeSender interface {
	EnqueueCode(tx *gorm.DB, phone, text, ref string) error
}

// Defaults of the phone check.
const (
	DefaultCodeTTL     = 10 * time.Minute
	DefaultSessionTTL  = 30 * time.Minute
	DefaultMaxAttempts = 5
	DefaultPerPhone    = 3
	DefaultPhoneWindow = 15 * time.Minute
	// keepFor is how long a check's row is kept at all (data minimisation).
	keepFor = 24 * time.Hour
)

// Options configure the service; zero values take the defaults.
type Options struct {
	Now    func() time.Time
	Sender CodeSender
	// CodeTTL is how long a code may be entered; SessionTTL how long a
	// verified check allows filing.
	CodeTTL, SessionTTL time.Duration
	// MaxAttempts wrong codes end a check.
	MaxAttempts int
	// PerPhone codes at most per PhoneWindow to one phone, counted in the
	// database so that every server agrees.
	PerPhone    int
	PhoneWindow time.Duration
}

// Service runs phone checks, online applications and corrections.
type Service struct {
	db     *database.DB
	engine *workflow.Engine
	docs   *documents.Service
	opts   Options
}

// New returns the service.
func New(db *database.DB, engine *workflow.Engine, docs *documents.Service, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.CodeTTL <= 0 {
		o.CodeTTL = DefaultCodeTTL
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = DefaultSessionTTL
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.PerPhone <= 0 {
		o.PerPhone = DefaultPerPhone
	}
	if o.PhoneWindow <= 0 {
		o.PhoneWindow = DefaultPhoneWindow
	}
	return &Service{db: db, engine: engine, docs: docs, opts: o}
}

func (s *Service) now() time.Time { return s.opts.Now().UTC().Truncate(time.Microsecond) }

// SessionTTL is how long a verified check allows filing (a cookie's age).
func (s *Service) SessionTTL() time.Duration { return s.opts.SessionTTL }

// MaxUploadBytes is the documents' size limit per file.
func (s *Service) MaxUploadBytes() int64 { return s.docs.MaxBytes() }

// ReadContent reads one uploaded file within the documents' size limit.
func (s *Service) ReadContent(r io.Reader) ([]byte, error) { return s.docs.ReadContent(r) }
