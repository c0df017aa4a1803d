package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
	"santunan/workflow"
)

// The clerk's intake queue of online applications: applied claims, oldest
// first, a page at a time (keyset), each with its death-register match, so
// the clerk sees at once which applications the register confirms. Accept
// (with corrections) and decline (with a reason) are the claim page's
// action forms.

const intakePath = "/staf/pengajuan-daring"

type intakePage struct {
	Rows      []intakeRow
	NextHref  string
	FirstHref string
}

type intakeRow struct {
	ID          int64
	Code        string
	Deceased    string
	DateOfDeath domain.Date
	FiledAt     time.Time
	Match       string
	MatchOK     bool
}

func (s *Server) pageIntake(c *gin.Context) {
	ctx := c.Request.Context()
	page, err := s.Engine.List(ctx, workflow.ListQuery{Status: domain.StatusApplied, Cursor: c.Query("kursor")})
	if err != nil {
		s.renderError(c, err)
		return
	}
	matches, err := s.DeathRegister.MatchMany(ctx, page.Items)
	if err != nil {
		s.renderError(c, err)
		return
	}
	var data intakePage
	for _, cl := range page.Items {
		m := matches[cl.ID]
		data.Rows = append(data.Rows, intakeRow{ID: cl.ID, Code: cl.Code, Deceased: cl.Deceased.FullName,
			DateOfDeath: cl.Deceased.DateOfDeath, FiledAt: cl.CreatedAt,
			Match: i18n.Text(i18n.Indonesian, "match.outcome."+string(m.Outcome)), MatchOK: m.Outcome == domain.MatchAgrees})
	}
	if page.NextCursor != "" {
		data.NextHref = intakePath + "?" + url.Values{"kursor": {page.NextCursor}}.Encode()
	}
	if c.Query("kursor") != "" {
		data.FirstHref = intakePath
	}
	s.render(c, http.StatusOK, "intake", view{Data: data})
}
