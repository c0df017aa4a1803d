package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

// Creating a decree: the officer gives its number and date and ticks the
// verified claims it approves, a page of the verified queue at a time. One
// payments.CreateDecree call approves them all or none; a refusal lists
// each claim that could not be approved and why.

type decreeNewPage struct {
	Form    formView // number and date; posts the picker's boxes too
	Picker  claimPicker
	Budget  budgetNote
	Refusal *refusalView
}

// budgetNote tells the officer how many more claims this year's budget
// covers before any is ticked.
type budgetNote struct {
	Year      int
	Set       bool
	Ceiling   string
	Committed string
	Remaining string
	Fits      int64 // claims of the benefit amount that still fit
	Href      string
}

const decreeNewPath = decreesPath + "/baru"

func (s *Server) decreeForm(number, date, cursor, csrf string) formView {
	n := textField("number", number, true)
	n.Autocomplete, n.MaxLength = "off", 100
	d := textField("date", date, true)
	d.Type = "date"
	fv := formView{Action: decreeNewPath, CSRF: csrf, Hidden: []hiddenField{{Name: "kursor", Value: cursor}},
		Sections: []formSection{{Fields: []formField{n, d}}}, Submit: text("decree.create")}
	fv.prefixIDs("decree-")
	return fv
}

func (s *Server) pageNewDecree(c *gin.Context) {
	q := pickQueryOf(c)
	s.showNewDecree(c, http.StatusOK, view{}, s.decreeForm("", s.today(), q.Cursor, sessionCSRF(c)), q, nil)
}

func (s *Server) showNewDecree(c *gin.Context, status int, v view, form formView, q pickQuery, refused error) {
	ctx := c.Request.Context()
	picker, err := s.claimPicker(ctx, domain.StatusDeathVerified, decreeNewPath, q)
	if err != nil {
		s.renderError(c, err)
		return
	}
	note, err := s.budgetNote(c)
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := decreeNewPage{Form: form, Picker: picker, Budget: note, Refusal: s.refusalFor(c, refused)}
	if errs := fieldErrors(refused); errs != nil {
		if code, ok := errs["claim_ids"]; ok {
			data.Picker.Error = pickError(code)
		}
	}
	s.render(c, status, "decree_new", v.with(data))
}

// pickError is the picker's message for a claim_ids violation.
func pickError(code string) string {
	if code == domain.ViolationRequired {
		return text("payments.pick_required")
	}
	return i18n.Violation(i18n.Indonesian, code)
}

func (s *Server) budgetNote(c *gin.Context) (budgetNote, error) {
	n := budgetNote{Year: s.budgetYear()}
	if payments.CanSetBudgets(httpkit.MustUser(c).Role) {
		n.Href = budgetPath
	}
	b, err := s.Payments.GetBudget(c.Request.Context(), httpkit.MustUser(c).Actor(), n.Year)
	if errors.Is(err, domain.ErrNotFound) {
		return n, nil
	}
	if err != nil {
		return n, err
	}
	n.Set = true
	n.Ceiling, n.Committed, n.Remaining = i18n.FormatRupiah(b.Ceiling), i18n.FormatRupiah(b.Committed), i18n.FormatRupiah(b.Remaining)
	if s.opts.BenefitAmount > 0 && b.Remaining > 0 {
		n.Fits = int64(b.Remaining / s.opts.BenefitAmount)
	}
	return n, nil
}

func (s *Server) pageCreateDecree(c *gin.Context) {
	number, date, cursor := c.PostForm("number"), c.PostForm("date"), c.PostForm("kursor")
	ids, ticked, err := postedClaimIDs(c)
	var d payments.Decree
	if err == nil {
		d, err = s.Payments.CreateDecree(c.Request.Context(), httpkit.MustUser(c).Actor(),
			payments.DecreeRequest{Number: number, Date: date, ClaimIDs: ids})
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, decreeHref(d.ID)+"?berhasil=1")
		return
	}
	form := s.decreeForm(number, date, cursor, sessionCSRF(c))
	q := pickQuery{Cursor: cursor, Checked: ticked}
	v := view{}
	status := http.StatusUnprocessableEntity
	switch errs := fieldErrors(err); {
	case errs != nil:
		form.applyErrors(errs)
		if code, ok := errs["claim_ids"]; ok {
			// Beside the list, and in the summary with a link to it.
			setProblem(&form, "#pilih-klaim", fieldLabel("claim_ids"), pickError(code))
		}
	case errors.Is(err, domain.ErrDuplicateDecree):
		status, _ = pageProblem(c, err)
		setFieldError(&form, "number", text("error.duplicate_decree"))
	case errors.Is(err, domain.ErrRefused):
		status, v.Alert = pageProblem(c, err)
	default:
		s.renderError(c, err)
		return
	}
	s.showNewDecree(c, status, v, form, q, err)
}

// setProblem replaces the summary line of the field labelled label with
// one that links to href.
func setProblem(fv *formView, href, label, msg string) {
	kept := fv.Problems[:0]
	for _, p := range fv.Problems {
		if !strings.HasPrefix(p.Text, label+": ") {
			kept = append(kept, p)
		}
	}
	fv.Problems = append(kept, problem{Href: href, Text: label + ": " + msg})
}

// today is today's date in WIB, as a date input's value.
func (s *Server) today() string {
	return domain.DateOf(s.opts.Now().In(domain.Jakarta())).String()
}
