package api

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
)

// The public's online forms are multipart/form-data: one JSON part (the
// data) and files named "documents.<kind>", at most one per kind.

// maxPublicDocuments bounds the files of one online form: one per kind.
var maxPublicDocuments = len(domain.AllDocumentKinds)

// publicFormLimit is the body limit of an online form with every file.
func publicFormLimit(perFile int64) int64 {
	return int64(maxPublicDocuments)*perFile + httpkit.MultipartSlack
}

// readPublicForm reads the JSON part named jsonPart into dst and the
// files; it answers a bad body itself and reports whether it succeeded.
func (s *Server) readPublicForm(c *gin.Context, jsonPart string, dst any) ([]documents.Upload, bool) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		abort(c, http.StatusUnsupportedMediaType, httpkit.CodeUnsupportedMedia,
			"send multipart/form-data with the part "+jsonPart+" and files named documents.<kind>")
		return nil, false
	}
	var ups []documents.Upload
	seen, haveJSON := map[domain.DocumentKind]bool{}, false
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			writeMultipartError(c, err)
			return nil, false
		}
		name := part.FormName()
		switch {
		case name == jsonPart && !haveJSON:
			haveJSON = true
			raw, err := io.ReadAll(io.LimitReader(part, httpkit.MultipartSlack))
			if !s.decodeRaw(c, raw, err, dst, false) {
				return nil, false
			}
		case strings.HasPrefix(name, "documents."):
			kind := domain.DocumentKind(strings.TrimPrefix(name, "documents."))
			if !kind.Valid() || !kind.Single() || seen[kind] {
				writeError(c, domain.FieldError(name, domain.ViolationInvalidValue))
				return nil, false
			}
			seen[kind] = true
			content, err := s.Applications.ReadContent(part)
			if err != nil {
				var tooLarge *domain.TooLargeError
				if errors.As(err, &tooLarge) {
					writeError(c, domain.FieldError(name, domain.ViolationFileTooLarge))
				} else {
					writeMultipartError(c, err)
				}
				return nil, false
			}
			ups = append(ups, documents.Upload{Kind: kind, Filename: part.FileName(), Content: content})
		default:
			abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "unknown part; send "+jsonPart+" and documents.<kind>")
			return nil, false
		}
	}
	if !haveJSON {
		writeError(c, domain.FieldError(jsonPart, domain.ViolationRequired))
		return nil, false
	}
	return ups, true
}
