package deathregister

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"

	"gorm.io/gorm"

	"santunan/domain"
)

// Console is the actor of `santunan deaths import`: whoever runs commands
// on the server. No user has id 0, so no request can act as it.
var Console = domain.Actor{UserID: 0, Username: "console", Role: domain.RoleAdmin}

// ChunkSize is how many lines one transaction of an import writes. Each
// chunk commits on its own: a long import never holds SQLite's single
// writer for long, and since importing is idempotent, a run cut short is
// completed by running the same file again.
const ChunkSize = 1000

// MaxProblems bounds the problems a report lists; the counts stay exact.
const MaxProblems = 1000

// Report is the outcome of an import.
type Report struct {
	ImportID  int64  `json:"import_id"`
	SHA256    string `json:"sha256"`
	Lines     int    `json:"lines"`     // data lines read (blank lines not counted)
	Inserted  int    `json:"inserted"`  // new records
	Unchanged int    `json:"unchanged"` // already registered with the same facts
	Refused   int    `json:"refused"`   // lines with a problem
	// Problems lists the refused lines' problems in line order, at most
	// MaxProblems of them.
	Problems          []Problem `json:"problems"`
	ProblemsTruncated bool      `json:"problems_truncated"`
}

func (r *Report) refuse(ps ...Problem) {
	r.Refused++
	for _, p := range ps {
		if len(r.Problems) >= MaxProblems {
			r.ProblemsTruncated = true
			return
		}
		r.Problems = append(r.Problems, p)
	}
}

// pending is a valid line waiting for its chunk to be written.
type pending struct {
	rec  domain.DeathRecord
	line int
}

// Import reads a register CSV and stores its good lines; the bad ones are
// reported line by line. Importing the same file again changes nothing: a
// line whose akta number is registered with the same facts counts as
// unchanged, with different facts it is refused as a conflict (never
// overwritten). via says where the file came from ("api", "cli").
func (s *Service) Import(ctx context.Context, actor domain.Actor, via string, r io.Reader) (Report, error) {
	if !CanImport(actor.Role) && actor != Console {
		return Report{}, fmt.Errorf("role %s may not import the death register: %w", actor.Role, domain.ErrForbidden)
	}
	hash := sha256.New()
	in := io.TeeReader(&limitReader{r: r, limit: s.opts.MaxImportBytes}, hash)
	reader, err := NewReader(in, s.validator())
	if err != nil {
		return Report{}, err
	}
	run := importRow{ActorID: actor.UserID, ActorUsername: actor.Username, ActorRole: string(actor.Role), Via: via, StartedAt: s.now()}
	if err := s.db.InTx(ctx, func(tx *gorm.DB) error { return tx.Create(&run).Error }); err != nil {
		return Report{}, fmt.Errorf("start import: %w", err)
	}
	rep := Report{ImportID: run.ID, Problems: []Problem{}}
	err = s.readAll(ctx, reader, run.ID, &rep)
	rep.SHA256 = hex.EncodeToString(hash.Sum(nil))
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
	if finishErr := s.finish(ctx, run, rep, err == nil); err == nil {
		err = finishErr
	}
	return rep, err
}

func (s *Service) readAll(ctx context.Context, reader *Reader, importID int64, rep *Report) error {
	// seen holds each akta number of the file with its facts, so a line
	// repeated within the file is unchanged and a contradicting one refused.
	seen := map[string]domain.DeathRecord{}
	chunk := make([]pending, 0, ChunkSize)
	for {
		rec, line, problems, err := reader.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		rep.Lines++
		if len(problems) > 0 {
			rep.refuse(problems...)
			continue
		}
		if first, dup := seen[rec.DeathCertificateNo]; dup {
			if first.SameFacts(rec) {
				rep.Unchanged++
			} else {
				rep.refuse(Problem{Line: line, Field: "death_certificate_no", Code: domain.ViolationRegisterConflict})
			}
			continue
		}
		seen[rec.DeathCertificateNo] = rec
		chunk = append(chunk, pending{rec: rec, line: line})
		if len(chunk) == ChunkSize {
			if err := s.writeChunk(ctx, importID, chunk, rep); err != nil {
				return err
			}
			chunk = chunk[:0]
		}
	}
	return s.writeChunk(ctx, importID, chunk, rep)
}

func (s *Service) finish(ctx context.Context, run importRow, rep Report, finished bool) error {
	at := s.now()
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		return tx.Model(&importRow{}).Where("id = ?", run.ID).Updates(map[string]any{
			"sha256": rep.SHA256, "lines": rep.Lines, "inserted": rep.Inserted, "unchanged": rep.Unchanged,
			"refused": rep.Refused, "finished": finished, "finished_at": at,
		}).Error
	})
}

// limitReader fails with a *domain.TooLargeError past its limit, rather
// than ending quietly as io.LimitReader would.
type limitReader struct {
	r     io.Reader
	limit int64
	read  int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.read > l.limit {
		return 0, &domain.TooLargeError{Limit: l.limit}
	}
	if left := l.limit - l.read + 1; int64(len(p)) > left {
		p = p[:left]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	if l.read > l.limit {
		return 0, &domain.TooLargeError{Limit: l.limit}
	}
	return n, err
}
