package api

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/payments"
)

// Taking a batch's transfer file for the bank, downloading a file that was
// sent, and resolving a line the bank was never sent. The same payments
// calls serve the pages (web/batch_lines.go).

// sendTransfer takes the transfer file for the bank: the lines still to be
// paid that no file carried yet are recorded as sent, and the file comes
// back. Only this POST changes what the bank may pay.
func (s *Server) sendTransfer(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	transfer, b, err := s.Payments.SendTransfer(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Location", fmt.Sprintf("/api/v1/disbursements/%d/transfer-file?file=%d", b.ID, transfer.Seq))
	httpkit.SendTransfer(c, http.StatusCreated, b.ID, transfer)
}

// transferFile downloads again a file that was sent (?file=N, the last one
// without it): the same bytes. It changes nothing.
func (s *Server) transferFile(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	seq, ok := queryInt(c, "file")
	if !ok {
		return
	}
	transfer, b, err := s.Payments.TransferFile(c.Request.Context(), httpkit.MustUser(c).Actor(), id, seq)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendTransfer(c, http.StatusOK, b.ID, transfer)
}

type lineRequest struct {
	Reason string `json:"reason" binding:"max=2000"`
}

// withdrawLine takes a line the bank was never sent out of its batch.
func (s *Server) withdrawLine(c *gin.Context) { s.resolveLine(c, s.Payments.WithdrawLine) }

// failLine fails a line the bank was never sent, with the treasurer's reason.
func (s *Server) failLine(c *gin.Context) { s.resolveLine(c, s.Payments.FailLine) }

type lineResolver = func(ctx context.Context, actor domain.Actor, batchID, claimID int64, reason string) (payments.Item, payments.Batch, error)

func (s *Server) resolveLine(c *gin.Context, resolve lineResolver) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	claimID, ok := pathParam(c, "claim_id")
	if !ok {
		return
	}
	var req lineRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	it, b, err := resolve(c.Request.Context(), httpkit.MustUser(c).Actor(), id, claimID, req.Reason)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"item": it, "batch": b})
}
