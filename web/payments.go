package web

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
	"santunan/workflow"
)

// The pages of the payment capability: the budget (budget.go), decrees
// (decree*.go) and payment batches (batch*.go). They call the same
// payments.Service methods as the JSON endpoints, and ask payments' policy
// (payments.CanPay...) who may do what; this file holds what they share:
// paths, the home page's shortcuts, the claim picker and the report of a
// refused decree, batch or result file.

const (
	budgetPath  = "/staf/anggaran"
	decreesPath = "/staf/sk"
	batchesPath = "/staf/pembayaran"
)

func decreeHref(id int64) string { return decreesPath + "/" + strconv.FormatInt(id, 10) }

func batchHref(id int64) string { return batchesPath + "/" + strconv.FormatInt(id, 10) }

// homeLinks are the shortcuts on a role's home page to the payment work
// waiting on it.
func (s *Server) homeLinks(r domain.Role) []link {
	switch {
	case payments.CanPay(r):
		return []link{{Href: batchesPath + "/baru", Text: text("batch.new_title")}, {Href: batchesPath, Text: text("nav.batches")}}
	case payments.CanDecree(r):
		return []link{{Href: decreesPath + "/baru", Text: text("decree.new_title")}}
	}
	return nil
}

// budgetYear is the year whose budget an approval today commits: the
// year in WIB, as the budget guard decides it.
func (s *Server) budgetYear() int { return s.opts.Now().In(domain.Jakarta()).Year() }

// pickPageSize is how many claims a picker lists per page.
const pickPageSize = 100

// claimPicker is a checkbox list of the claims in one status (the verified
// queue for a decree, the approved claims for a batch), a page at a time,
// oldest first. "Pick all on this page" is a link that shows the same page
// with every box ticked: no script is needed to tick them.
type claimPicker struct {
	Rows       []pickRow
	Total      int64 // claims in the status
	Cursor     string
	AllHref    string
	NoneHref   string
	NextHref   string
	FirstHref  string
	AllChecked bool
	Error      string
}

type pickRow struct {
	ID       int64
	Code     string
	Deceased string
	Village  string
	Heir     string
	Bank     string
	Amount   domain.Rupiah
	Warnings []string
	Checked  bool
}

// pickQuery is what a picker page was asked for.
type pickQuery struct {
	Cursor  string
	All     bool           // tick every row
	Checked map[int64]bool // rows ticked on a form that came back
}

func pickQueryOf(c *gin.Context) pickQuery {
	return pickQuery{Cursor: c.Query("kursor"), All: c.Query("pilih") == "semua"}
}

func (s *Server) claimPicker(ctx context.Context, status domain.Status, base string, q pickQuery) (claimPicker, error) {
	page, err := s.Engine.List(ctx, workflow.ListQuery{Status: status, Limit: pickPageSize, Cursor: q.Cursor})
	if err != nil {
		return claimPicker{}, err
	}
	counts, err := s.Engine.CountByStatus(ctx, status)
	if err != nil {
		return claimPicker{}, err
	}
	href := func(cursor string, all bool) string {
		v := url.Values{}
		if cursor != "" {
			v.Set("kursor", cursor)
		}
		if all {
			v.Set("pilih", "semua")
		}
		if len(v) == 0 {
			return base
		}
		return base + "?" + v.Encode()
	}
	p := claimPicker{Total: counts[status], Cursor: q.Cursor, AllChecked: q.All,
		AllHref: href(q.Cursor, true), NoneHref: href(q.Cursor, false)}
	if page.NextCursor != "" {
		p.NextHref = href(page.NextCursor, false)
	}
	if q.Cursor != "" {
		p.FirstHref = href("", false)
	}
	for _, cl := range page.Items {
		village, _ := s.Areas.Village(cl.Deceased.VillageCode)
		bank, _ := domain.BankByCode(cl.BankAccount.BankCode)
		row := pickRow{ID: cl.ID, Code: cl.Code, Deceased: cl.Deceased.FullName, Village: villageLabel(village),
			Heir: cl.Heir.FullName, Bank: bank.Name, Amount: cl.Amount, Checked: q.All || q.Checked[cl.ID]}
		for _, w := range cl.Warnings {
			row.Warnings = append(row.Warnings, i18n.Warning(i18n.Indonesian, w))
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// postedClaimIDs reads the ticked boxes of a picker. A value that is not
// an id is refused rather than dropped: nothing is decided on a guess.
func postedClaimIDs(c *gin.Context) ([]int64, map[int64]bool, error) {
	raw := c.PostFormArray("claim_ids")
	ids := make([]int64, 0, len(raw))
	ticked := make(map[int64]bool, len(raw))
	for _, r := range raw {
		id, err := parseID(strings.TrimSpace(r))
		if err != nil {
			return nil, ticked, domain.FieldError("claim_ids", domain.ViolationInvalidValue)
		}
		ids = append(ids, id)
		ticked[id] = true
	}
	return ids, ticked, nil
}

// refusalView lists why a decree, batch or result file was refused: one
// row per claim or file line, in Indonesian.
type refusalView struct {
	File bool // rows are lines of a file (line, reference, column)
	Rows []refusalRow
	More int // problems found beyond those listed
}

type refusalRow struct {
	Line      int
	Reference string
	Column    string
	ClaimHref string
	Claim     string
	Message   string
}

// refusalOf describes a refusal; claims missing from codes are named by
// their id.
func refusalOf(err error, codes map[int64]string) *refusalView {
	var r *domain.RefusalError
	if !errors.As(err, &r) {
		return nil
	}
	rv := &refusalView{File: r.Subject == domain.RefusedResultFile, More: r.Total - len(r.Problems)}
	for _, p := range r.Problems {
		msg := i18n.Violation(i18n.Indonesian, p.Code)
		if p.Code == domain.ViolationClaimWrongStatus && p.Status != "" {
			msg = textf("payments.wrong_status", "status", i18n.StatusLabel(i18n.Indonesian, p.Status))
		}
		row := refusalRow{Line: p.Line, Reference: p.Reference, Message: msg}
		if p.Field != "" {
			row.Column = columnLabel(p.Field)
		}
		if p.ClaimID > 0 {
			row.ClaimHref = claimHref(p.ClaimID)
			row.Claim = codes[p.ClaimID]
			if row.Claim == "" {
				row.Claim = textf("payments.claim_id", "id", strconv.FormatInt(p.ClaimID, 10))
			}
		}
		rv.Rows = append(rv.Rows, row)
	}
	return rv
}

// columnLabel names a column of a result file or a field of a request.
func columnLabel(name string) string {
	if i18n.HasText("payments.column." + name) {
		return text("payments.column." + name)
	}
	return fieldLabel(name)
}

// refusalFor describes a refusal (nil for any other error), naming its
// claims by their codes, read in one query.
func (s *Server) refusalFor(c *gin.Context, err error) *refusalView {
	var r *domain.RefusalError
	if !errors.As(err, &r) {
		return nil
	}
	var ids []int64
	for _, p := range r.Problems {
		if p.ClaimID > 0 {
			ids = append(ids, p.ClaimID)
		}
	}
	codes, cerr := s.Payments.ClaimCodes(c.Request.Context(), httpkit.MustUser(c).Actor(), ids)
	if cerr != nil {
		// The report still names each claim, by its id.
		httpkit.Logger(c).Warn("claim codes for a refusal report", "error", cerr.Error())
	}
	return refusalOf(err, codes)
}

// setFieldError puts msg beside field name of fv and in its summary,
// replacing what applyErrors wrote there for the same field.
func setFieldError(fv *formView, name, msg string) {
	for i := range fv.Sections {
		for j := range fv.Sections[i].Fields {
			f := &fv.Sections[i].Fields[j]
			if f.Name != name {
				continue
			}
			href := "#f-" + f.ID()
			kept := fv.Problems[:0]
			for _, p := range fv.Problems {
				if p.Href != href {
					kept = append(kept, p)
				}
			}
			f.Error = msg
			fv.Problems = append(kept, problem{Href: href, Text: f.Label + ": " + msg})
		}
	}
}

// pager is the paging links of a list of decrees or batches.
type pager struct {
	NextHref  string
	FirstHref string
}

// paymentsPageSize is the page size of the decree and batch lists.
const paymentsPageSize = 25

func listPageQuery(c *gin.Context, status string) payments.PageQuery {
	return payments.PageQuery{Limit: paymentsPageSize, Cursor: c.Query("kursor"), Status: status}
}
