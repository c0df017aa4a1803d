package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

type decreeRequest struct {
	Number   string  `json:"number" binding:"max=200"`
	Date     string  `json:"date" binding:"max=32"`
	ClaimIDs []int64 `json:"claim_ids" binding:"max=10000"`
}

func (s *Server) createDecree(c *gin.Context) {
	var req decreeRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	ctx, actor := c.Request.Context(), httpkit.MustUser(c).Actor()
	d, err := s.Payments.CreateDecree(ctx, actor, payments.DecreeRequest{Number: req.Number, Date: req.Date, ClaimIDs: req.ClaimIDs})
	if err != nil {
		writeError(c, err)
		return
	}
	// The decree with its recipients, as GET returns it.
	if full, err := s.Payments.GetDecree(ctx, actor, d.ID); err == nil {
		d = full
	}
	c.Header("Location", "/api/v1/decrees/"+strconv.FormatInt(d.ID, 10))
	c.JSON(http.StatusCreated, d)
}

func (s *Server) listDecrees(c *gin.Context) {
	limit, ok := queryInt(c, "limit")
	if !ok {
		return
	}
	items, next, err := s.Payments.ListDecrees(c.Request.Context(), httpkit.MustUser(c).Actor(),
		payments.PageQuery{Limit: limit, Cursor: c.Query("cursor")})
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": items, "next_cursor": next})
}

func (s *Server) loadDecree(c *gin.Context) (payments.Decree, bool) {
	id, ok := pathID(c)
	if !ok {
		return payments.Decree{}, false
	}
	d, err := s.Payments.GetDecree(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return payments.Decree{}, false
	}
	return d, true
}

func (s *Server) getDecree(c *gin.Context) {
	if d, ok := s.loadDecree(c); ok {
		c.JSON(http.StatusOK, d)
	}
}

func (s *Server) decreeXLSX(c *gin.Context) {
	d, ok := s.loadDecree(c)
	if !ok {
		return
	}
	data, err := payments.DecreeXLSX(d, i18n.Indonesian)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, "sk-"+httpkit.FileSafe(d.Number)+"-penerima.xlsx", data)
}

func (s *Server) decreePDF(c *gin.Context) {
	d, ok := s.loadDecree(c)
	if !ok {
		return
	}
	data, err := payments.DecreePDF(d, i18n.Indonesian)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypePDF, "sk-"+httpkit.FileSafe(d.Number)+"-penerima.pdf", data)
}
