package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/workdays"
)

// The working-day calendar (workdays): a year's non-working days a page at
// a time (paged by year), the admin's form to add one and a confirmation
// to remove one, and the year's audit. The same workdays calls as
// /api/v1/calendar.

const calendarPath = "/staf/kalender"

type calendarPage struct {
	Year       int
	PrevYear   int
	NextYear   int
	PrevHref   string
	NextHref   string
	YearLinks  []yearLink
	Days       []calendarRow
	Changes    []workdays.Change
	Missing    string // the years the calendar lacks, "2027" or "2026, 2027"
	MayChange  bool
	Form       *formView
	RemoveForm *formView // the confirmation of a removal
	Removing   *workdays.Entry
}

type yearLink struct {
	Year    int
	Href    string
	Current bool
}

type calendarRow struct {
	workdays.Entry
	Weekday    string
	RemoveHref string
}

func calendarHref(year int) string { return calendarPath + "?tahun=" + strconv.Itoa(year) }

// calendarForm is the form to add a day, with what was typed.
func calendarForm(year int, date, kind, name, reason string) formView {
	d := textField("date", date, true)
	d.Label, d.Hint, d.Type = text("field.tanggal"), text("hint.tanggal"), "date"
	k := textField("kind", kind, true)
	k.Label, k.Type, k.Placeholder = text("field.jenis"), "select", text("form.choose")
	for _, kd := range []domain.NonWorkingKind{domain.KindNationalHoliday, domain.KindJointLeave, domain.KindLocalHoliday} {
		k.Options = append(k.Options, option{Value: string(kd), Label: text("calendar.kind." + string(kd)), Selected: string(kd) == kind})
	}
	n := textField("name", name, true)
	n.Label, n.Hint, n.MaxLength = text("field.nama"), text("hint.nama"), workdays.MaxNameRunes
	r := textField("reason", reason, false)
	r.Label, r.Hint, r.MaxLength = text("field.alasan"), text("hint.alasan_add"), workdays.MaxReasonRunes
	fv := formView{Action: calendarHref(year), Sections: []formSection{{Fields: []formField{d, k, n, r}}}, Submit: text("calendar.add")}
	fv.prefixIDs("cal-")
	return fv
}

// removeForm confirms the removal of date, with the reason typed.
func removeForm(year int, date, reason string) formView {
	r := textField("reason", reason, true)
	r.Label, r.Type, r.MaxLength = text("field.alasan"), "textarea", workdays.MaxReasonRunes
	return formView{Action: calendarPath + "/hapus", Hidden: []hiddenField{{Name: "date", Value: date}, {Name: "tahun", Value: strconv.Itoa(year)}},
		Sections: []formSection{{Fields: []formField{r}}}, Submit: text("calendar.remove_confirm"), SubmitClass: "danger",
		Cancel: &link{Href: calendarHref(year), Text: text("calendar.cancel")}}
}

// calendarYearOf reads ?tahun=, defaulting to this year in Jakarta.
func (s *Server) calendarYearOf(raw string) (int, bool) {
	if raw == "" {
		return s.Calendar.Today().Year, true
	}
	y, err := strconv.Atoi(raw)
	if err != nil || y < workdays.FirstYear || y > workdays.LastYear {
		return 0, false
	}
	return y, true
}

func (s *Server) pageCalendar(c *gin.Context) {
	year, ok := s.calendarYearOf(c.Query("tahun"))
	if !ok {
		s.renderError(c, domain.FieldError("tahun", workdays.ViolationYearOutOfRange))
		return
	}
	v := view{}
	if d, err := domain.ParseDate(c.Query("tanggal")); err == nil {
		n := c.Query("klaim")
		if _, err := strconv.Atoi(n); err != nil {
			n = "0"
		}
		switch c.Query("berhasil") {
		case "tambah":
			v.Notice = textf("calendar.added", "date", formatDate(d), "n", n)
		case "hapus":
			v.Notice = textf("calendar.removed", "date", formatDate(d), "n", n)
		}
	}
	s.showCalendar(c, http.StatusOK, v, year, nil, nil)
}

// showCalendar renders year; form is the add form come back with errors,
// remove a removal to confirm.
func (s *Server) showCalendar(c *gin.Context, status int, v view, year int, form *formView, remove *removal) {
	ctx := c.Request.Context()
	days, err := s.Calendar.Year(ctx, year)
	if err != nil {
		s.renderError(c, err)
		return
	}
	changes, err := s.Calendar.Changes(ctx, year)
	if err != nil {
		s.renderError(c, err)
		return
	}
	missing, err := s.Calendar.MissingYears(ctx)
	if err != nil {
		s.renderError(c, err)
		return
	}
	user := httpkit.MustUser(c)
	data := calendarPage{Year: year, PrevYear: year - 1, NextYear: year + 1, Changes: changes, Missing: joinYears(missing), MayChange: workdays.CanChange(user.Role)}
	if year > workdays.FirstYear {
		data.PrevHref = calendarHref(year - 1)
	}
	if year < workdays.LastYear {
		data.NextHref = calendarHref(year + 1)
	}
	this := s.Calendar.Today().Year
	for y := max(workdays.FirstYear, this-1); y <= min(workdays.LastYear, this+1); y++ {
		data.YearLinks = append(data.YearLinks, yearLink{Year: y, Href: calendarHref(y), Current: y == year})
	}
	for _, d := range days {
		row := calendarRow{Entry: d, Weekday: i18n.Text(i18n.Indonesian, "weekday."+strconv.Itoa(int(d.Date.Time().Weekday())))}
		if data.MayChange {
			row.RemoveHref = calendarPath + "/hapus?" + url.Values{"tanggal": {d.Date.String()}}.Encode()
		}
		data.Days = append(data.Days, row)
	}
	if data.MayChange {
		f := calendarForm(year, "", "", "", "")
		if form != nil {
			f = *form
		}
		data.Form = &f
		if remove != nil {
			data.Removing, data.RemoveForm = &remove.entry, &remove.form
		}
	}
	s.render(c, status, "calendar", v.with(data))
}

type removal struct {
	entry workdays.Entry
	form  formView
}

func joinYears(years []int) string {
	out := ""
	for i, y := range years {
		if i > 0 {
			out += ", "
		}
		out += strconv.Itoa(y)
	}
	return out
}

func (s *Server) pageAddCalendarDay(c *gin.Context) {
	in := workdays.DayInput{Date: c.PostForm("date"), Kind: c.PostForm("kind"), Name: c.PostForm("name"), Reason: c.PostForm("reason")}
	ch, err := s.Calendar.Add(c.Request.Context(), httpkit.MustUser(c).Actor(), in)
	if err == nil {
		c.Redirect(http.StatusSeeOther, calendarDone(ch, "tambah"))
		return
	}
	year, ok := s.calendarYearOf(c.Query("tahun"))
	if !ok {
		year = s.Calendar.Today().Year
	}
	form := calendarForm(year, in.Date, in.Kind, in.Name, in.Reason)
	v := view{}
	status := http.StatusUnprocessableEntity
	if fe := fieldErrors(err); fe != nil {
		form.applyErrors(fe)
	} else {
		status, v.Alert = pageProblem(c, err)
	}
	s.showCalendar(c, status, v, year, &form, nil)
}

// calendarDone is the year's page after a change, saying what it did.
func calendarDone(ch workdays.Change, what string) string {
	return calendarPath + "?" + url.Values{"tahun": {strconv.Itoa(ch.Day.Year)}, "berhasil": {what},
		"tanggal": {ch.Day.String()}, "klaim": {strconv.Itoa(ch.Restaged)}}.Encode()
}

// entryOn finds date's entry in its year, for the confirmation.
func (s *Server) entryOn(c *gin.Context, d domain.Date) (workdays.Entry, bool, error) {
	days, err := s.Calendar.Year(c.Request.Context(), d.Year)
	if err != nil {
		return workdays.Entry{}, false, err
	}
	for _, e := range days {
		if e.Date == d {
			return e, true, nil
		}
	}
	return workdays.Entry{}, false, nil
}

func (s *Server) pageRemoveCalendarDayForm(c *gin.Context) {
	d, code := workdays.ParseDay(c.Query("tanggal"))
	if code != "" {
		s.renderError(c, domain.FieldError("tanggal", code))
		return
	}
	e, found, err := s.entryOn(c, d)
	if err != nil {
		s.renderError(c, err)
		return
	}
	if !found {
		s.renderPlain(c, http.StatusNotFound, textf("calendar.remove_gone", "date", formatDate(d)),
			&link{Href: calendarHref(d.Year), Text: text("calendar.title")})
		return
	}
	s.showCalendar(c, http.StatusOK, view{}, d.Year, nil, &removal{entry: e, form: removeForm(d.Year, d.String(), "")})
}

func (s *Server) pageRemoveCalendarDay(c *gin.Context) {
	date, reason := c.PostForm("date"), c.PostForm("reason")
	ch, err := s.Calendar.Remove(c.Request.Context(), httpkit.MustUser(c).Actor(), date, reason)
	if err == nil {
		c.Redirect(http.StatusSeeOther, calendarDone(ch, "hapus"))
		return
	}
	d, code := workdays.ParseDay(date)
	if code != "" {
		s.renderError(c, domain.FieldError("tanggal", code))
		return
	}
	e, found, ferr := s.entryOn(c, d)
	if ferr != nil || !found {
		status, msg := pageProblem(c, err)
		s.renderPlain(c, status, msg, &link{Href: calendarHref(d.Year), Text: text("calendar.title")})
		return
	}
	form := removeForm(d.Year, d.String(), reason)
	v := view{}
	status := http.StatusUnprocessableEntity
	if fe := fieldErrors(err); fe != nil {
		form.applyErrors(fe)
	} else {
		status, v.Alert = pageProblem(c, err)
	}
	s.showCalendar(c, status, v, d.Year, nil, &removal{entry: e, form: form})
}

// calendarWarning is the admin's home warning about years the calendar
// lacks; empty when none.
func (s *Server) calendarWarning(c *gin.Context) (string, int) {
	missing, err := s.Calendar.MissingYears(c.Request.Context())
	if err != nil || len(missing) == 0 {
		return "", 0
	}
	return textf("calendar.missing", "years", joinYears(missing)), missing[0]
}
