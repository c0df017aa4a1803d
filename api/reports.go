package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/reports"
)

// The head of office's reports (reports/): GET /api/v1/reports/monthly and
// /yearly as JSON, and the same as XLSX.

// reportQuery reads year, month (monthly only) and kecamatan; an empty
// year or month is the current one in Asia/Jakarta.
func (s *Server) reportQuery(c *gin.Context, monthly bool) (reports.Query, bool) {
	month := c.Query("month")
	if !monthly {
		if _, given := c.GetQuery("month"); given {
			writeError(c, domain.FieldError(reports.FieldMonth, domain.ViolationInvalidValue))
			return reports.Query{}, false
		}
	}
	q, err := reports.ParseQuery(c.Query("year"), month, c.Query("kecamatan"), s.Reports.Today())
	if err != nil {
		writeError(c, err)
		return q, false
	}
	return q, true
}

// report answers the report the route names, or writes the error.
func (s *Server) report(c *gin.Context, monthly bool) (reports.Report, bool) {
	q, ok := s.reportQuery(c, monthly)
	if !ok {
		return reports.Report{}, false
	}
	actor := httpkit.MustUser(c).Actor()
	var r reports.Report
	var err error
	if monthly {
		r, err = s.Reports.Monthly(c.Request.Context(), actor, q)
	} else {
		r, err = s.Reports.Yearly(c.Request.Context(), actor, q)
	}
	if err != nil {
		writeError(c, err)
		return r, false
	}
	return r, true
}

func (s *Server) monthlyReport(c *gin.Context) { s.sendReport(c, true) }
func (s *Server) yearlyReport(c *gin.Context)  { s.sendReport(c, false) }

func (s *Server) sendReport(c *gin.Context, monthly bool) {
	if r, ok := s.report(c, monthly); ok {
		c.JSON(http.StatusOK, r)
	}
}

func (s *Server) monthlyReportXLSX(c *gin.Context) { s.sendReportXLSX(c, true) }
func (s *Server) yearlyReportXLSX(c *gin.Context)  { s.sendReportXLSX(c, false) }

func (s *Server) sendReportXLSX(c *gin.Context, monthly bool) {
	r, ok := s.report(c, monthly)
	if !ok {
		return
	}
	data, err := reports.XLSX(r, i18n.Indonesian)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, reports.FileName(r), data)
}
