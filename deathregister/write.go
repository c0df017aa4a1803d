package deathregister

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"santunan/domain"
)

// insertColumns are written by a bulk insert, in this order.
const insertColumns = "nik, full_name, sex, date_of_death, death_certificate_no, village_code, registered_on, source, import_id, created_at"

// writeChunk stores one chunk of valid lines in one transaction: lines whose
// akta number is registered already are unchanged or conflicts, the rest
// are inserted in one statement. ON CONFLICT DO NOTHING RETURNING tells
// which rows went in, so a concurrent import of the same file cannot make a
// line count twice or fail.
func (s *Service) writeChunk(ctx context.Context, importID int64, chunk []pending, rep *Report) error {
	if len(chunk) == 0 {
		return nil
	}
	var inserted, unchanged int
	var conflicts []Problem
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		inserted, unchanged, conflicts = 0, 0, nil // the transaction may run again
		existing, err := byCertificate(tx, chunk)
		if err != nil {
			return err
		}
		fresh := make([]pending, 0, len(chunk))
		for _, p := range chunk {
			if old, ok := existing[p.rec.DeathCertificateNo]; ok {
				if old.SameFacts(p.rec) {
					unchanged++
				} else {
					conflicts = append(conflicts, conflictAt(p.line))
				}
				continue
			}
			fresh = append(fresh, p)
		}
		written, err := s.insert(tx, importID, "import", fresh)
		if err != nil {
			return err
		}
		inserted = len(written)
		var raced []pending
		for _, p := range fresh {
			if !written[p.rec.DeathCertificateNo] {
				raced = append(raced, p)
			}
		}
		if len(raced) == 0 {
			return nil
		}
		// Another import stored these between our read and our insert.
		again, err := byCertificate(tx, raced)
		if err != nil {
			return err
		}
		for _, p := range raced {
			if again[p.rec.DeathCertificateNo].SameFacts(p.rec) {
				unchanged++
			} else {
				conflicts = append(conflicts, conflictAt(p.line))
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("import lines %d-%d: %w", chunk[0].line, chunk[len(chunk)-1].line, err)
	}
	rep.Inserted += inserted
	rep.Unchanged += unchanged
	for _, c := range conflicts {
		rep.refuse(c)
	}
	return nil
}

func conflictAt(line int) Problem {
	return Problem{Line: line, Field: "death_certificate_no", Code: domain.ViolationRegisterConflict}
}

func byCertificate(tx *gorm.DB, ps []pending) (map[string]domain.DeathRecord, error) {
	nos := make([]string, len(ps))
	for i, p := range ps {
		nos[i] = p.rec.DeathCertificateNo
	}
	var rows []recordRow
	if err := tx.Select(recordColumns).Where("death_certificate_no IN ?", nos).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("registered records: %w", err)
	}
	out := make(map[string]domain.DeathRecord, len(rows))
	for _, r := range rows {
		out[r.DeathCertificateNo] = r.record()
	}
	return out, nil
}

// insertBatch is how many rows one INSERT statement carries. The SQLite
// driver binds parameters in time quadratic in their number, so a
// statement of 1000 rows (10,000 parameters) is slower than ten of 100.
const insertBatch = 100

// insert writes records, insertBatch rows per statement, and returns the
// akta numbers that went in (those already present are skipped by the
// database).
func (s *Service) insert(tx *gorm.DB, importID int64, source string, ps []pending) (map[string]bool, error) {
	written := map[string]bool{}
	for start := 0; start < len(ps); start += insertBatch {
		if err := s.insertRows(tx, importID, source, ps[start:min(start+insertBatch, len(ps))], written); err != nil {
			return nil, err
		}
	}
	return written, nil
}

func (s *Service) insertRows(tx *gorm.DB, importID int64, source string, ps []pending, written map[string]bool) error {
	var importRef *int64
	if importID != 0 {
		importRef = &importID
	}
	now := s.now()
	var q strings.Builder
	q.WriteString("INSERT INTO death_records (" + insertColumns + ") VALUES ")
	args := make([]any, 0, len(ps)*10)
	for i, p := range ps {
		if i > 0 {
			q.WriteByte(',')
		}
		q.WriteString("(?,?,?,?,?,?,?,?,?,?)")
		r := p.rec
		args = append(args, r.NIK, r.FullName, string(r.Sex), r.DateOfDeath.Time(), r.DeathCertificateNo,
			r.VillageCode, r.RegisteredOn.Time(), source, importRef, now)
	}
	q.WriteString(" ON CONFLICT (death_certificate_no) DO NOTHING RETURNING death_certificate_no")
	var nos []string
	if err := tx.Raw(q.String(), args...).Scan(&nos).Error; err != nil {
		return fmt.Errorf("insert records: %w", err)
	}
	for _, no := range nos {
		written[no] = true
	}
	return nil
}
