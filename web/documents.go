package web

import (
	"errors"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// A claim's documents on its page: the checklist of what each action
// needs, the current documents and the versions they replaced, and the
// upload form. The same documents service as /api/v1/claims/:id/documents:
// it checks each role, audits every upload and logs every download.

// documentsView is the documents section of the claim page.
type documentsView struct {
	Checklist []checklistRow
	Readiness []readinessRow
	Current   []documentRow
	Old       []documentRow // superseded versions, kept as evidence
	Upload    *formView     // nil when the role may not upload or the claim is closed
	Closed    bool          // the claim is closed: its documents are frozen
}

type checklistRow struct {
	Kind        string
	RequiredFor string // action labels
	Present     bool
}

type readinessRow struct {
	Action  string
	Ready   bool
	Missing string // document labels
}

type documentRow struct {
	Kind         string
	Filename     string
	Type         string
	Size         string
	SHA256       string
	SHA256Short  string
	UploadedBy   string
	UploadedAt   time.Time
	SupersededAt time.Time
	Href         string // empty when the role may not open this kind
}

func documentHref(claimID, docID int64) string {
	return claimHref(claimID) + "/dokumen/" + strconv.FormatInt(docID, 10)
}

func kindLabel(k domain.DocumentKind) string { return i18n.DocumentKindLabel(i18n.Indonesian, k) }

func kindList(kinds []domain.DocumentKind) string {
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = kindLabel(k)
	}
	return strings.Join(labels, ", ")
}

// documentsOf builds the section from the claim's documents. upload is a
// form that came back with an error (nil for an empty one).
func (s *Server) documentsOf(cl domain.Claim, role domain.Role, docs []domain.Document, upload *formView, csrf string) *documentsView {
	dv := &documentsView{Closed: cl.Status.Final()}
	list := s.Documents.Checklist(docs)
	for _, item := range list.Items {
		if len(item.RequiredFor) == 0 && !item.Present {
			continue // "lainnya" and kinds no action needs, until one is uploaded
		}
		actions := make([]string, len(item.RequiredFor))
		for i, a := range item.RequiredFor {
			actions[i] = actionLabel(a)
		}
		dv.Checklist = append(dv.Checklist, checklistRow{Kind: kindLabel(item.Kind), RequiredFor: orDash(strings.Join(actions, ", ")), Present: item.Present})
	}
	for _, a := range list.Actions {
		dv.Readiness = append(dv.Readiness, readinessRow{Action: actionLabel(a.Action), Ready: a.Ready, Missing: kindList(a.Missing)})
	}
	for i := len(docs) - 1; i >= 0; i-- { // newest first
		d := docs[i]
		row := documentRow{Kind: kindLabel(d.Kind), Filename: d.Filename, Type: contentTypeLabel(d.ContentType),
			Size: formatSize(d.Size), SHA256: d.SHA256, SHA256Short: shortHash(d.SHA256),
			UploadedBy: d.UploadedByUsername, UploadedAt: d.UploadedAt}
		if documents.CanRead(role, d.Kind) {
			row.Href = documentHref(cl.ID, d.ID)
		}
		if d.Current {
			dv.Current = append(dv.Current, row)
			continue
		}
		if d.SupersededAt != nil {
			row.SupersededAt = *d.SupersededAt
		}
		dv.Old = append(dv.Old, row)
	}
	if documents.CanUpload(role) && !dv.Closed {
		form := s.uploadForm(cl.ID, "")
		if upload != nil {
			form = *upload
		}
		form.CSRF = csrf
		dv.Upload = &form
	}
	return dv
}

// uploadForm asks for the kind and the file; kind is kept after an error.
func (s *Server) uploadForm(claimID int64, kind string) formView {
	k := textField("kind", kind, true)
	k.Type, k.Placeholder = "select", text("form.choose")
	for _, dk := range domain.AllDocumentKinds {
		k.Options = append(k.Options, option{Value: string(dk), Label: kindLabel(dk), Selected: string(dk) == kind})
	}
	f := textField("file", "", true)
	f.Type, f.Accept = "file", "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
	f.Hint = textf("docs.file_hint", "size", formatSize(s.Documents.MaxBytes()))
	fv := formView{Action: claimHref(claimID) + "/dokumen", Enctype: "multipart/form-data",
		Sections: []formSection{{Fields: []formField{k, f}}}, Submit: text("docs.upload")}
	fv.prefixIDs("doc-")
	return fv
}

// pageUploadDocument takes the upload form (parsed, within its limit, by
// pageBodyLimit before the CSRF check) and goes back to the claim page.
func (s *Server) pageUploadDocument(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	up := documents.Upload{ClaimID: id, Kind: domain.DocumentKind(strings.TrimSpace(c.PostForm("kind")))}
	// Both fields are checked at once, so the form lists every problem;
	// the service checks them again.
	errs := domain.FieldErrors{}
	switch {
	case up.Kind == "":
		errs.Add("kind", domain.ViolationRequired)
	case !up.Kind.Valid():
		errs.Add("kind", domain.ViolationInvalidValue)
	}
	fh, ferr := c.FormFile("file")
	if ferr != nil || fh.Size == 0 {
		errs.Add("file", domain.ViolationRequired)
	}
	err := errs.Err()
	if err == nil {
		var f multipart.File
		if f, err = fh.Open(); err == nil {
			up.Filename = fh.Filename
			up.Content, err = s.Documents.ReadContent(f)
			_ = f.Close()
		}
	}
	if err == nil {
		_, err = s.Documents.Upload(c.Request.Context(), httpkit.MustUser(c).Actor(), up)
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, claimHref(id)+"?diunggah="+string(up.Kind)+"#dokumen")
		return
	}
	s.uploadRefused(c, id, string(up.Kind), err)
}

// pageDocumentTooLarge answers an upload whose body is over the limit
// before it is read: the kind chosen is in the unread body.
func (s *Server) pageDocumentTooLarge(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	s.uploadRefused(c, id, "", &domain.TooLargeError{Limit: s.Documents.MaxBytes()})
}

// uploadRefused shows the claim page with the upload form, the kind kept
// and the problem beside the field it concerns, and says at the top that
// nothing was uploaded.
func (s *Server) uploadRefused(c *gin.Context, id int64, kind string, err error) {
	status, msg := pageProblem(c, err)
	form := s.uploadForm(id, kind)
	var tooLarge *domain.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		msg = textf("docs.too_large", "size", formatSize(s.Documents.MaxBytes()))
		form.fieldError("file", msg)
	case errors.Is(err, domain.ErrUnsupportedMediaType):
		msg = text("docs.wrong_type")
		form.fieldError("file", msg)
	case fieldErrors(err) != nil:
		form.applyErrors(fieldErrors(err))
	case status == http.StatusNotFound || status == http.StatusForbidden || status >= http.StatusInternalServerError:
		s.renderPlain(c, status, msg, &link{Href: claimHref(id), Text: text("claim.back")})
		return
	}
	v := view{Alert: textf("docs.refused", "reason", msg), AlertLink: &link{Href: "#dokumen", Text: text("docs.to_form")}}
	s.showClaimWith(c, id, status, v, &form)
}

// fieldError puts a message beside the field name and in the summary.
func (fv *formView) fieldError(name, msg string) {
	for i := range fv.Sections {
		for j := range fv.Sections[i].Fields {
			if f := &fv.Sections[i].Fields[j]; f.Name == name {
				f.Error = msg
				fv.Problems = append(fv.Problems, problem{Href: "#f-" + f.ID(), Text: f.Label + ": " + msg})
			}
		}
	}
}

// pageDownloadDocument serves a document to a signed-in person as the API
// does: the service checks the role and logs the access first.
func (s *Server) pageDownloadDocument(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	docID, err := parseID(c.Param("doc"))
	if err != nil {
		s.renderMessage(c, http.StatusNotFound, "error.not_found", &link{Href: claimHref(id), Text: text("claim.back")})
		return
	}
	doc, data, err := s.Documents.Open(c.Request.Context(), httpkit.MustUser(c).Actor(), id, docID, c.ClientIP())
	if err != nil {
		status, msg := pageProblem(c, err)
		s.renderPlain(c, status, msg, &link{Href: claimHref(id), Text: text("claim.back")})
		return
	}
	httpkit.SendDocument(c, doc, data)
}

func contentTypeLabel(ct string) string {
	switch ct {
	case domain.ContentTypePDF:
		return "PDF"
	case domain.ContentTypeJPEG:
		return "JPEG"
	case domain.ContentTypePNG:
		return "PNG"
	}
	return ct
}

// shortHash is the first 12 hex digits of a SHA-256: enough to compare a
// paper copy with the record by eye; the full hash is in the page's title.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// formatSize writes a size the Indonesian way: "1,5 MB", "820 KB".
func formatSize(n int64) string {
	switch {
	case n < 1<<10:
		return textf("docs.size_b", "n", strconv.FormatInt(n, 10))
	case n < 1<<20:
		return textf("docs.size_kb", "n", decimal(float64(n)/(1<<10)))
	}
	return textf("docs.size_mb", "n", decimal(float64(n)/(1<<20)))
}

// decimal writes one decimal with a comma, and none when it is zero.
func decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1)
}
