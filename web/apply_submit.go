package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/applications"
	"santunan/documents"
	"santunan/domain"
)

// pageSubmitApplication files the online application (step 2 to 3).
func (s *Server) pageSubmitApplication(c *gin.Context) {
	token, ok := s.publicSession(c, cookieApply)
	masked, err := s.Applications.ApplySession(c.Request.Context(), token)
	if !ok || err != nil {
		s.renderPhoneCheck(c, http.StatusUnauthorized, applyFlow, text("apply.intro"), phoneForm(""),
			text("error.phone_check_required"))
		return
	}
	in, err := claimInputFrom(c.PostForm)
	in.Heir.NotifyConsent = c.PostForm("heir.notify_consent") == "true"
	v := applyValues{Claim: in, Consent: c.PostForm("consent") == "true"}
	var docs []documents.Upload
	if err == nil {
		docs, err = s.formDocuments(c, documentKindsOnline())
	}
	var claim domain.Claim
	if err == nil {
		claim, err = s.Applications.Apply(c.Request.Context(), token, applications.Application{
			Claim: in, Consent: v.Consent, Documents: docs})
	}
	if err == nil {
		s.endPublicSession(c, cookieApply)
		s.render(c, http.StatusCreated, "apply_done", view{Data: applyDonePage{Code: claim.Code,
			Receipt: receiptForm(claim.Code), Offices: s.officesFor(claim.Status)}})
		return
	}
	form := s.applyForm(c, v, masked)
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		s.renderApplyForm(c, http.StatusUnprocessableEntity, form, "")
		return
	}
	status, msg := pageProblem(c, err)
	s.renderApplyForm(c, status, form, msg)
}

// formDocuments reads the files of an online form, one per kind, each
// within the documents' limit (checked again by the service).
func (s *Server) formDocuments(c *gin.Context, kinds []domain.DocumentKind) ([]documents.Upload, error) {
	var out []documents.Upload
	errs := domain.FieldErrors{}
	for _, k := range kinds {
		name := "documents." + string(k)
		fh, err := c.FormFile(name)
		if err != nil {
			continue // not sent: the clerk asks for it later
		}
		f, err := fh.Open()
		if err != nil {
			errs.Add(name, domain.ViolationInvalidValue)
			continue
		}
		data, err := s.Applications.ReadContent(f)
		_ = f.Close()
		var tooLarge *domain.TooLargeError
		switch {
		case errors.As(err, &tooLarge):
			errs.Add(name, domain.ViolationFileTooLarge)
		case err != nil:
			errs.Add(name, domain.ViolationInvalidValue)
		case len(data) > 0:
			out = append(out, documents.Upload{Kind: k, Filename: fh.Filename, Content: data})
		}
	}
	return out, errs.Err()
}
