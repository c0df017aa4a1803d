package httpkit

import (
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/deathregister"
	"santunan/domain"
	"santunan/payments"
)

// Files both front doors send: the decree's recipient lists, a batch's
// transfer and reconciliation files, documents, the unclaimed-deaths
// export. Their content is never logged.

// Content types of the files sent.
const (
	ContentTypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	ContentTypePDF  = "application/pdf"
	ContentTypeCSV  = "text/csv; charset=utf-8"
)

// SendFile answers with a download.
func SendFile(c *gin.Context, contentType, filename string, data []byte) {
	c.Header("Content-Disposition", `attachment; filename="`+filename+`"`)
	c.Data(http.StatusOK, contentType, data)
}

var unsafeFileChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// FileSafe makes a decree number usable in a file name ("400.9/12/2026" ->
// "400.9-12-2026"); the header then needs no quoting rules beyond "".
func FileSafe(s string) string { return unsafeFileChars.ReplaceAllString(s, "-") }

// SendTransfer sends a transfer file with its control totals, for the
// bank portal's check, and its record.
func SendTransfer(c *gin.Context, status int, batchID int64, t payments.Transfer) {
	c.Header("X-Control-Count", strconv.Itoa(t.Lines))
	c.Header("X-Control-Total", strconv.FormatInt(int64(t.Total), 10))
	c.Header("X-Held-Back", strconv.Itoa(t.Held))
	c.Header("X-Transfer-File", strconv.Itoa(t.Seq))
	c.Header("X-Content-SHA256", t.SHA256)
	c.Header("Content-Disposition", `attachment; filename="`+transferFileName(batchID, t.Seq)+`"`)
	c.Data(status, ContentTypeCSV, t.Data)
}

func transferFileName(batchID int64, seq int) string {
	if seq == 1 {
		return fmt.Sprintf("transfer-batch-%d.csv", batchID)
	}
	return fmt.Sprintf("transfer-batch-%d-%d.csv", batchID, seq)
}

// ReconciliationName is the file name of a batch's reconciliation.
func ReconciliationName(batchID int64) string {
	return fmt.Sprintf("rekonsiliasi-batch-%d.xlsx", batchID)
}

// SendDocument sends a document opened by its service as an attachment,
// never inline, with its sniffed type and a sandbox policy.
func SendDocument(c *gin.Context, doc domain.Document, data []byte) {
	h := c.Writer.Header()
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": doc.Filename}))
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	h.Set("X-Content-SHA256", doc.SHA256)
	c.Data(http.StatusOK, doc.ContentType, data)
}

// SendUnclaimedCSV streams the unclaimed deaths (one desa's, or all) as
// the list's CSV, once the caller knows the query is good: the status is
// sent first, so a failure midway leaves the client a cut-off file and a
// line in the log.
func SendUnclaimedCSV(c *gin.Context, reg *deathregister.Service, actor domain.Actor, village string, today domain.Date) {
	name := "kematian-belum-diklaim-" + today.String() + ".csv"
	c.Header("Content-Type", ContentTypeCSV)
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Status(http.StatusOK)
	n, err := reg.WriteUnclaimedCSV(c.Request.Context(), actor, village, c.Writer)
	if err != nil {
		Logger(c).Error("unclaimed export failed", "rows", n, "error", err.Error())
		return
	}
	Logger(c).Info("unclaimed deaths exported", "rows", n)
}
