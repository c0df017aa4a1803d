package workflow

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"santunan/database"
	"santunan/domain"
	"santunan/paging"
)

// Paging limits for claim lists.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// ListQuery selects claims: by status (empty for all), by a search term
// matching the code, a NIK (deceased or heir) or a name, a page at a time.
type ListQuery struct {
	Status domain.Status
	Q      string
	Limit  int
	Cursor string
}

// Page is one page of claims, oldest first. NextCursor is empty on the last page.
type Page struct {
	Items      []domain.Claim
	NextCursor string
}

var (
	codePattern = regexp.MustCompile(`^SKM-[0-9A-Z]{4}-[0-9A-Z]{4}$`)
	nikPattern  = regexp.MustCompile(`^[0-9]{16}$`)
)

// List returns a page of claims with keyset paging on id: each page is one
// index range scan however deep the caller pages, at a million claims too.
func (e *Engine) List(ctx context.Context, q ListQuery) (Page, error) {
	errs := domain.FieldErrors{}
	if q.Status != "" && !q.Status.Valid() {
		errs.Add("status", domain.ViolationInvalidValue)
	}
	if code := domain.TextViolation(q.Q); code != "" {
		errs.Add("q", code)
	}
	size, ok := paging.Limits{Default: DefaultPageSize, Max: MaxPageSize}.Size(q.Limit)
	if !ok {
		errs.Add("limit", domain.ViolationInvalidValue)
	}
	q.Limit = size
	after, ok := decodeCursor(q.Cursor)
	if !ok {
		errs.Add("cursor", domain.ViolationInvalidValue)
	}
	if err := errs.Err(); err != nil {
		return Page{}, err
	}

	db := e.store.read(ctx).Model(&claimRow{}).Select(claimColumns).Where("id > ?", after)
	if q.Status != "" {
		db = db.Where("status = ?", string(q.Status))
	}
	switch term := strings.TrimSpace(q.Q); {
	case term == "":
	case codePattern.MatchString(NormalizeCode(term)):
		db = db.Where("code = ?", NormalizeCode(term))
	case nikPattern.MatchString(term):
		// Two index lookups joined by id: with "deceased_nik = ? OR heir_nik
		// = ?" PostgreSQL may walk the primary key for ORDER BY id instead.
		db = db.Where("id IN (SELECT id FROM claims WHERE deceased_nik = ? UNION ALL SELECT id FROM claims WHERE heir_nik = ?)", term, term)
	default:
		like := "%" + escapeLike(strings.ToLower(term)) + "%"
		db = db.Where(`(lower(deceased_name) LIKE ? ESCAPE '\' OR lower(heir_name) LIKE ? ESCAPE '\')`, like, like)
	}
	var rows []claimRow
	if err := db.Order("id").Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return Page{}, database.Classify(fmt.Errorf("list claims: %w", err))
	}
	page := Page{Items: make([]domain.Claim, 0, len(rows))}
	if len(rows) > q.Limit {
		rows = rows[:q.Limit]
		page.NextCursor = encodeCursor(rows[len(rows)-1].ID)
	}
	for _, r := range rows {
		page.Items = append(page.Items, r.claim())
	}
	return page, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func encodeCursor(id int64) string { return paging.Encode("id", id) }

func decodeCursor(s string) (int64, bool) { return paging.Decode("id", s, 0) }
