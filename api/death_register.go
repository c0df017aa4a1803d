package api

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/deathregister"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// matchJSON is a claim's match against the death register. Prefill holds
// the register's akta number and date for the verify_death form.
type matchJSON struct {
	deathregister.Match
	OutcomeLabel string       `json:"outcome_label"`
	Prefill      *prefillJSON `json:"prefill"`
}

type prefillJSON struct {
	DeathCertificateNo string      `json:"death_certificate_no"`
	DateOfDeath        domain.Date `json:"date_of_death"`
}

func viewMatch(m deathregister.Match) matchJSON {
	out := matchJSON{Match: m, OutcomeLabel: i18n.MatchOutcomeLabel(i18n.Indonesian, m.Outcome)}
	if m.Record != nil {
		out.Prefill = &prefillJSON{DeathCertificateNo: m.Record.DeathCertificateNo, DateOfDeath: m.Record.DateOfDeath}
	}
	return out
}

func (s *Server) deathRecordMatch(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	m, err := s.DeathRegister.Match(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewMatch(m))
}

// deathRecordOnline asks Dukcapil's web service (when configured) about the
// claim's deceased and returns the match with what it found.
func (s *Server) deathRecordOnline(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	res, err := s.DeathRegister.CheckOnline(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"found": res.Found, "match": viewMatch(res.Match)})
}

// importDeathRecords takes a SIAK export as text/csv, or as the "file"
// field of multipart/form-data (the page's form). The answer is the report:
// 200 even when lines were refused, since the good ones are kept.
func (s *Server) importDeathRecords(c *gin.Context) {
	mediaType, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	var body io.Reader
	switch mediaType {
	case "text/csv", "text/plain":
		body = c.Request.Body
	case "multipart/form-data":
		mr, err := c.Request.MultipartReader()
		if err != nil {
			abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "the multipart body could not be read")
			return
		}
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			writeError(c, domain.FieldError("file", domain.ViolationRequired))
			return
		}
		if err != nil {
			writeMultipartError(c, err)
			return
		}
		if part.FormName() != "file" {
			abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "send the register as the form field file")
			return
		}
		body = part
	default:
		abort(c, http.StatusUnsupportedMediaType, httpkit.CodeUnsupportedMedia, "send the register as text/csv or multipart/form-data")
		return
	}
	rep, err := s.DeathRegister.Import(c.Request.Context(), httpkit.MustUser(c).Actor(), "api", body)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.Logger(c).Info("death register imported", "import_id", rep.ImportID, "lines", rep.Lines,
		"inserted", rep.Inserted, "unchanged", rep.Unchanged, "refused", rep.Refused)
	c.JSON(http.StatusOK, rep)
}

func (s *Server) unclaimedDeathRecords(c *gin.Context) {
	limit, ok := queryInt(c, "limit")
	if !ok {
		return
	}
	page, err := s.DeathRegister.Unclaimed(c.Request.Context(), httpkit.MustUser(c).Actor(), deathregister.UnclaimedQuery{
		VillageCode: c.Query("village_code"), Limit: limit, Cursor: c.Query("cursor"),
	})
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, page)
}

func (s *Server) unclaimedByVillage(c *gin.Context) {
	counts, err := s.DeathRegister.UnclaimedByVillage(c.Request.Context(), httpkit.MustUser(c).Actor())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"after_days": s.DeathRegister.UnclaimedAfterDays(), "villages": counts})
}

// unclaimedCSV streams the unclaimed list as CSV for the villages. The
// first page is read before anything is written, so a bad query still gets
// its JSON error.
func (s *Server) unclaimedCSV(c *gin.Context) {
	actor := httpkit.MustUser(c).Actor()
	village := c.Query("village_code")
	if _, err := s.DeathRegister.Unclaimed(c.Request.Context(), actor, deathregister.UnclaimedQuery{VillageCode: village, Limit: 1}); err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendUnclaimedCSV(c, s.DeathRegister, actor, village, domain.DateOf(s.opts.Now().In(domain.Jakarta())))
}
