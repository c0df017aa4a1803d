package api

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/payments"
)

// Route patterns whose bodies may exceed MaxBodyBytes.
const (
	routeUploadDocument     = "/api/v1/claims/:id/documents"
	routeApplyResults       = "/api/v1/disbursements/:id/results"
	routeImportDeathRecords = "/api/v1/death-records/import"
)

// largeBodies are the body limits of upload routes (see httpkit.NewEngine):
// the file's own limit, which its service enforces exactly, plus the
// slack. The bank's result file comes as CSV or as JSON (about twice the
// CSV's size).
func (s *Server) largeBodies() map[string]int64 {
	return map[string]int64{
		routeUploadDocument:     s.Documents.MaxBytes() + httpkit.MultipartSlack,
		routeImportDeathRecords: s.DeathRegister.MaxImportBytes() + httpkit.MultipartSlack,
		routeApplyResults:       2 * payments.MaxResultFileBytes,
		routePublicApplications: publicFormLimit(s.Documents.MaxBytes()),
		routePublicCorrections:  publicFormLimit(s.Documents.MaxBytes()),
		routePublicComplaints:   complaintFormLimit(s.Complaints.MaxEvidenceBytes()),
	}
}

type documentList struct {
	Documents []domain.Document   `json:"documents"`
	Checklist documents.Checklist `json:"checklist"`
}

// uploadDocument takes multipart/form-data with a "kind" field and one
// "file". The file is read part by part, at most the limit plus one byte,
// so an oversized upload never sits in memory beyond the limit.
func (s *Server) uploadDocument(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	mr, err := c.Request.MultipartReader()
	if err != nil {
		abort(c, http.StatusUnsupportedMediaType, httpkit.CodeUnsupportedMedia, "send multipart/form-data with the fields kind and file")
		return
	}
	var up documents.Upload
	up.ClaimID = id
	haveFile := false
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			writeMultipartError(c, err)
			return
		}
		switch part.FormName() {
		case "kind":
			raw, err := io.ReadAll(io.LimitReader(part, 64))
			if err != nil {
				writeMultipartError(c, err)
				return
			}
			up.Kind = domain.DocumentKind(strings.TrimSpace(string(raw)))
		case "file":
			if haveFile {
				abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "send one file per request")
				return
			}
			haveFile = true
			up.Filename = part.FileName()
			if up.Content, err = s.Documents.ReadContent(part); err != nil {
				writeMultipartError(c, err)
				return
			}
		default:
			abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "unknown form field; send kind and file")
			return
		}
	}
	if !haveFile {
		writeError(c, domain.FieldError("file", domain.ViolationRequired))
		return
	}
	doc, err := s.Documents.Upload(c.Request.Context(), httpkit.MustUser(c).Actor(), up)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Location", "/api/v1/claims/"+strconv.FormatInt(id, 10)+"/documents/"+strconv.FormatInt(doc.ID, 10)+"/content")
	c.JSON(http.StatusCreated, doc)
}

// writeMultipartError answers a body that could not be read: too large, or
// not well-formed multipart.
func writeMultipartError(c *gin.Context, err error) {
	var tooLarge *domain.TooLargeError
	var bodyLimit *http.MaxBytesError
	if errors.As(err, &tooLarge) || errors.As(err, &bodyLimit) {
		writeError(c, err)
		return
	}
	abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "the multipart body could not be read")
}

func (s *Server) listDocuments(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	docs, err := s.Documents.List(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, documentList{Documents: docs, Checklist: s.Documents.Checklist(docs)})
}

// downloadDocument serves a document as an attachment, never inline, with
// its sniffed type and a sandbox policy, after the access is logged.
func (s *Server) downloadDocument(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	docID, ok := pathParam(c, "doc")
	if !ok {
		return
	}
	doc, data, err := s.Documents.Open(c.Request.Context(), httpkit.MustUser(c).Actor(), id, docID, c.ClientIP())
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendDocument(c, doc, data)
}

func (s *Server) documentAccessLog(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	entries, err := s.Documents.AccessLog(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"entries": entries})
}
