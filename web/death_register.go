package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/deathregister"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// The death register's pages: the clerk imports a SIAK export and reads
// the report; clerk, officer and auditor list the registered deaths nobody
// has claimed, per desa, to reach the families. The same deathregister
// service as /api/v1/death-records.

const deathRegisterPath = "/staf/register-kematian"

type registerPage struct {
	Form    formView
	Report  *importReportView
	Columns []registerColumn
	MaxSize string
}

type registerColumn struct {
	Name, Meaning, Example string
}

type importReportView struct {
	deathregister.Report
	NoChange  bool // nothing new: the file was imported before
	Problems  []problemRow
	MaxListed int
}

// problemRow is a refused line: Column is the column's name as in the
// file's header, empty when the whole line is refused.
type problemRow struct {
	Line           int
	Column, Reason string
}

func (s *Server) importForm() formView {
	f := textField("file", "", true)
	f.Type, f.Accept = "file", ".csv,text/csv"
	f.Label, f.Hint = text("register.file"), textf("register.file_hint", "size", formatSize(s.DeathRegister.MaxImportBytes()))
	fv := formView{Action: deathRegisterPath, Enctype: "multipart/form-data", Sections: []formSection{{Fields: []formField{f}}},
		Submit: text("register.submit")}
	fv.prefixIDs("imp-")
	return fv
}

func (s *Server) showRegister(c *gin.Context, status int, v view, form formView, rep *importReportView) {
	data := registerPage{Form: form, Report: rep, MaxSize: formatSize(s.DeathRegister.MaxImportBytes())}
	for _, col := range deathregister.Columns {
		data.Columns = append(data.Columns, registerColumn{Name: col,
			Meaning: text("register.col." + col), Example: text("register.example." + col)})
	}
	s.render(c, status, "death_register", v.with(data))
}

func (s *Server) pageRegisterForm(c *gin.Context) {
	s.showRegister(c, http.StatusOK, view{}, s.importForm(), nil)
}

// pageImportDeathRecords imports the uploaded file and shows its report: the
// good lines are kept even when others are refused.
func (s *Server) pageImportDeathRecords(c *gin.Context) {
	form := s.importForm()
	fh, err := c.FormFile("file")
	if err != nil || fh.Size == 0 {
		form.applyErrors(domain.FieldErrors{"file": domain.ViolationRequired})
		s.showRegister(c, http.StatusUnprocessableEntity, view{}, form, nil)
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.renderError(c, err)
		return
	}
	defer f.Close()
	rep, err := s.DeathRegister.Import(c.Request.Context(), httpkit.MustUser(c).Actor(), "web", f)
	if err != nil {
		s.importRefused(c, err)
		return
	}
	httpkit.Logger(c).Info("death register imported", "import_id", rep.ImportID, "lines", rep.Lines,
		"inserted", rep.Inserted, "unchanged", rep.Unchanged, "refused", rep.Refused)
	rv := &importReportView{Report: rep, NoChange: rep.Inserted == 0, MaxListed: deathregister.MaxProblems}
	for _, p := range rep.Problems {
		rv.Problems = append(rv.Problems, problemRow{Line: p.Line, Column: p.Field, Reason: i18n.Violation(i18n.Indonesian, p.Code)})
	}
	s.showRegister(c, http.StatusOK, view{Notice: textf("register.done", "lines", strconv.Itoa(rep.Lines))}, s.importForm(), rv)
}

// pageImportTooLarge answers a file over the limit before it is read.
func (s *Server) pageImportTooLarge(c *gin.Context) {
	s.importRefused(c, &domain.TooLargeError{Limit: s.DeathRegister.MaxImportBytes()})
}

// importRefused shows why a whole file was refused, beside the file field.
func (s *Server) importRefused(c *gin.Context, err error) {
	status, msg := pageProblem(c, err)
	form := s.importForm()
	var tooLarge *domain.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		form.fieldError("file", textf("register.too_large", "size", formatSize(s.DeathRegister.MaxImportBytes())))
	case fieldErrors(err) != nil:
		form.applyErrors(fieldErrors(err))
	default:
		s.renderPlain(c, status, msg, &link{Href: deathRegisterPath, Text: text("register.back")})
		return
	}
	s.showRegister(c, status, view{}, form, nil)
}
