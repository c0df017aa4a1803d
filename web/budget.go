package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

// The budget page: each year's ceiling (pagu), what approvals committed
// against it and what remains, and for the officer and the administrator a
// form to set a year's ceiling. The same payments calls as /api/v1/budgets.

type budgetPage struct {
	Year int // the current budget year
	Rows []budgetRowView
	Form *formView // nil for those who only read
}

type budgetRowView struct {
	Year      int
	Ceiling   domain.Rupiah
	Committed domain.Rupiah
	Remaining domain.Rupiah
	UpdatedAt time.Time
	Current   bool
	Exhausted bool // not even one more claim fits
}

func budgetForm(year, ceiling string) formView {
	y := textField("year", year, true)
	y.InputMode, y.MaxLength, y.Autocomplete = "numeric", 4, "off"
	ce := textField("ceiling", ceiling, true)
	ce.InputMode, ce.Autocomplete = "numeric", "off"
	fv := formView{Action: budgetPath, Sections: []formSection{{Fields: []formField{y, ce}}}, Submit: text("budget.save")}
	fv.prefixIDs("budget-")
	return fv
}

func (s *Server) pageBudgets(c *gin.Context) {
	v := view{}
	if y, err := strconv.Atoi(c.Query("berhasil")); err == nil {
		v.Notice = textf("budget.saved", "year", strconv.Itoa(y))
	}
	s.showBudgets(c, http.StatusOK, v, nil)
}

// showBudgets renders the page; form is a form that came back with errors.
func (s *Server) showBudgets(c *gin.Context, status int, v view, form *formView) {
	user := httpkit.MustUser(c)
	items, err := s.Payments.ListBudgets(c.Request.Context(), user.Actor())
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := budgetPage{Year: s.budgetYear()}
	for _, b := range items {
		data.Rows = append(data.Rows, budgetRowView{Year: b.Year, Ceiling: b.Ceiling, Committed: b.Committed,
			Remaining: b.Remaining, UpdatedAt: b.UpdatedAt, Current: b.Year == data.Year,
			Exhausted: b.Remaining < s.opts.BenefitAmount})
	}
	if payments.CanSetBudgets(user.Role) {
		f := budgetForm(strconv.Itoa(data.Year), "")
		if form != nil {
			f = *form
		}
		data.Form = &f
	}
	s.render(c, status, "budget", v.with(data))
}

func (s *Server) pageSetBudget(c *gin.Context) {
	rawYear, rawCeiling := strings.TrimSpace(c.PostForm("year")), strings.TrimSpace(c.PostForm("ceiling"))
	errs := domain.FieldErrors{}
	year, err := strconv.Atoi(rawYear)
	switch {
	case rawYear == "":
		errs.Add("year", domain.ViolationRequired)
	case err != nil || year < payments.MinYear || year > payments.MaxYear:
		errs.Add("year", domain.ViolationInvalidValue)
	}
	ceiling, ok := parseRupiahInput(rawCeiling)
	switch {
	case rawCeiling == "":
		errs.Add("ceiling", domain.ViolationRequired)
	case !ok:
		errs.Add("ceiling", domain.ViolationAmountInvalid)
	}
	err = errs.Err()
	if err == nil {
		_, _, err = s.Payments.SetBudget(c.Request.Context(), httpkit.MustUser(c).Actor(), year, ceiling)
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, budgetPath+"?berhasil="+strconv.Itoa(year))
		return
	}
	form := budgetForm(rawYear, rawCeiling)
	fe := fieldErrors(err)
	if fe == nil {
		status, msg := pageProblem(c, err)
		s.showBudgets(c, status, view{Alert: msg}, &form)
		return
	}
	form.applyErrors(fe)
	if fe["ceiling"] == domain.ViolationCeilingBelowCommitted {
		// Say how low the ceiling may go.
		if b, gerr := s.Payments.GetBudget(c.Request.Context(), httpkit.MustUser(c).Actor(), year); gerr == nil {
			setFieldError(&form, "ceiling", textf("budget.below_committed", "year", strconv.Itoa(year),
				"committed", i18n.FormatRupiah(b.Committed)))
		}
	}
	s.showBudgets(c, http.StatusUnprocessableEntity, view{}, &form)
}

// Amounts as people type them: "500000000", "500.000.000", "Rp 500.000.000"
// or "Rp500.000.000,00". Dots group thousands, the Indonesian way; a
// decimal comma may only carry zeros (rupiah has no minor unit in use).
var (
	rupiahGrouped = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})+$`)
	rupiahPlain   = regexp.MustCompile(`^[0-9]{1,18}$`)
)

func parseRupiahInput(s string) (domain.Rupiah, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && strings.EqualFold(s[:2], "rp") {
		s = strings.TrimSpace(strings.TrimPrefix(s[2:], "."))
	}
	if whole, cents, ok := strings.Cut(s, ","); ok {
		if cents == "" || strings.Trim(cents, "0") != "" || len(cents) > 2 {
			return 0, false
		}
		s = whole
	}
	if rupiahGrouped.MatchString(s) {
		s = strings.ReplaceAll(s, ".", "")
	}
	if !rupiahPlain.MatchString(s) {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return domain.Rupiah(n), true
}

// budgetRefusalText explains an approval the budget refused, with the
// year's figures and what to do: set the year's ceiling, or raise it.
func budgetRefusalText(code string, b *httpkit.BudgetFacts) string {
	year := strconv.Itoa(b.Year)
	if code == domain.ViolationBudgetNotSet {
		return textf("budget.refused_not_set", "year", year, "amount", i18n.FormatRupiah(b.Amount))
	}
	return textf("budget.refused_exhausted", "year", year, "ceiling", i18n.FormatRupiah(b.Ceiling),
		"committed", i18n.FormatRupiah(b.Committed), "remaining", i18n.FormatRupiah(b.Remaining),
		"amount", i18n.FormatRupiah(b.Amount))
}
