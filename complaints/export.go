package complaints

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"santunan/database"
	"santunan/domain"
)

// Export formats.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// exportBatch is how many complaints the export reads at once; the output
// streams, so a year of complaints never sits in memory.
const exportBatch = 500

// MaxExportDays bounds an export's date range.
const MaxExportDays = 366

// laporColumns are the CSV's header, LAPOR!'s fields in order.
var laporColumns = []string{"tracking_id", "category", "content", "channel", "anonymous", "confidential",
	"status", "created_at", "verified_at", "assigned_at", "answered_at", "closed_at", "disposition", "follow_up"}

// Export writes the complaints filed from from to to (days in the office's
// time zone, both included) as SP4N-LAPOR! reports, in format (csv or
// json: an array), to w, for the complaint officer. The content and the
// answer of a rahasia complaint are withheld; no identity is ever written.
func (s *Service) Export(ctx context.Context, viewer domain.Actor, from, to domain.Date, format string, w io.Writer) error {
	if err := CheckExport(viewer, from, to, format); err != nil {
		return err
	}
	return s.export(ctx, from, to, format, w)
}

// CheckExport is Export's refusal, before anything is written: a role
// other than the complaint officer's, a bad format or date range.
func CheckExport(viewer domain.Actor, from, to domain.Date, format string) error {
	if !CanExport(viewer.Role) {
		return fmt.Errorf("role %s may not export complaints: %w", viewer.Role, domain.ErrForbidden)
	}
	errs := domain.FieldErrors{}
	if format != FormatCSV && format != FormatJSON {
		errs.Add("format", domain.ViolationInvalidValue)
	}
	if from.IsZero() {
		errs.Add("from", domain.ViolationRequired)
	}
	if to.IsZero() {
		errs.Add("to", domain.ViolationRequired)
	}
	if !from.IsZero() && !to.IsZero() && (to.Before(from) || to.Time().Sub(from.Time()) > MaxExportDays*24*time.Hour) {
		errs.Add("to", domain.ViolationInvalidValue)
	}
	return errs.Err()
}

func (s *Service) export(ctx context.Context, from, to domain.Date, format string, w io.Writer) error {
	loc := s.opts.Location
	start := time.Date(from.Year, from.Month, from.Day, 0, 0, 0, 0, loc).UTC()
	end := time.Date(to.Year, to.Month, to.Day, 0, 0, 0, 0, loc).AddDate(0, 0, 1).UTC()
	var emit func(LaporRecord) error
	var finish func() error
	switch format {
	case FormatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(laporColumns); err != nil {
			return err
		}
		emit = func(r LaporRecord) error { return cw.Write(csvRow(r)) }
		finish = func() error { cw.Flush(); return cw.Error() }
	default:
		first := true
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
		emit = func(r LaporRecord) error {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if !first {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			first = false
			_, err = w.Write(b)
			return err
		}
		finish = func() error { _, err := io.WriteString(w, "]\n"); return err }
	}
	for after := int64(0); ; {
		var rows []complaintRow
		err := s.read(ctx).Select(complaintColumns).
			Where("created_at >= ? AND created_at < ? AND id > ?", start, end, after).
			Order("id").Limit(exportBatch).Find(&rows).Error
		if err != nil {
			return database.Classify(fmt.Errorf("export complaints: %w", err))
		}
		for _, r := range rows {
			if err := emit(laporRecord(r.complaint())); err != nil {
				return err
			}
		}
		if len(rows) < exportBatch {
			break
		}
		after = rows[len(rows)-1].ID
	}
	return finish()
}

func csvRow(r LaporRecord) []string {
	t := func(p *time.Time) string {
		if p == nil {
			return ""
		}
		return p.UTC().Format(time.RFC3339)
	}
	return []string{r.TrackingID, r.Category, csvSafe(r.Content), r.Channel, strconv.FormatBool(r.Anonymous),
		strconv.FormatBool(r.Confidential), r.Status, r.CreatedAt.UTC().Format(time.RFC3339), t(r.VerifiedAt),
		t(r.AssignedAt), t(r.AnsweredAt), t(r.ClosedAt), csvSafe(r.Disposition), csvSafe(r.FollowUp)}
}

// csvSafe keeps a spreadsheet from reading the public's text as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
