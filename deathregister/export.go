package deathregister

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"santunan/domain"
)

// ExportColumns are the columns of the unclaimed-deaths CSV.
var ExportColumns = []string{
	"village_code", "village_name", "kecamatan_name", "nik", "full_name", "sex", "date_of_death",
	"death_certificate_no", "registered_on", "days_since_death", "claim_deadline",
}

// WriteUnclaimedCSV writes the whole unclaimed list (or one desa's) as CSV,
// reading it page by page so the export never sits in memory at once.
func (s *Service) WriteUnclaimedCSV(ctx context.Context, actor domain.Actor, village string, w io.Writer) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(ExportColumns); err != nil {
		return 0, fmt.Errorf("write export: %w", err)
	}
	n := 0
	q := UnclaimedQuery{VillageCode: village, Limit: MaxPageSize}
	for {
		page, err := s.Unclaimed(ctx, actor, q)
		if err != nil {
			return n, err
		}
		for _, d := range page.Items {
			row := []string{
				d.VillageCode, d.VillageName, d.KecamatanName, d.NIK, d.FullName, string(d.Sex),
				d.DateOfDeath.String(), d.DeathCertificateNo, d.RegisteredOn.String(),
				strconv.Itoa(d.DaysSinceDeath), d.ClaimDeadline.String(),
			}
			for i := range row {
				row[i] = defuse(row[i])
			}
			if err := cw.Write(row); err != nil {
				return n, fmt.Errorf("write export: %w", err)
			}
			n++
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return n, fmt.Errorf("write export: %w", err)
		}
		if page.NextCursor == "" {
			return n, nil
		}
		q.Cursor = page.NextCursor
	}
}

// defuse keeps a spreadsheet from reading a cell as a formula (CSV
// injection): a cell starting with = + - @ gets a leading apostrophe.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
