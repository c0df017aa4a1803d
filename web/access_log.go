package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

// The auditor's page of who opened which document of a claim: the same
// log and the same role rule (documents.CanReadAccessLog, checked by the
// route and by the service) as GET /api/v1/claims/:id/documents/access-log.

type accessLogPage struct {
	Claim   domain.Claim
	Entries []accessLogRow // newest first
	Back    string
}

type accessLogRow struct {
	Kind     string
	Filename string
	User     string
	Role     domain.Role
	At       time.Time
	IP       string
}

func accessLogHref(claimID int64) string { return claimHref(claimID) + "/dokumen/log-akses" }

func (s *Server) pageDocumentAccessLog(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	actor := httpkit.MustUser(c).Actor()
	entries, err := s.Documents.AccessLog(ctx, actor, id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	cl, err := s.Engine.Get(ctx, id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	// The log names documents by id; the file names come from the claim's
	// documents, all of them in one query (documents are never deleted).
	docs, err := s.Documents.List(ctx, actor, id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	names := make(map[int64]string, len(docs))
	for _, d := range docs {
		names[d.ID] = d.Filename
	}
	data := accessLogPage{Claim: cl, Back: claimHref(id) + "#dokumen"}
	for i := len(entries) - 1; i >= 0; i-- { // the service lists oldest first
		e := entries[i]
		data.Entries = append(data.Entries, accessLogRow{Kind: kindLabel(e.Kind), Filename: orDash(names[e.DocumentID]),
			User: e.ActorUsername, Role: e.ActorRole, At: e.At, IP: orDash(e.IP)})
	}
	s.render(c, http.StatusOK, "access_log", view{}.with(data))
}
