package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/applications"
	"santunan/domain"
)

// The correction form of a returned claim: why it was returned, the
// claim's data to correct (the heir's phone stays the one the code went
// to) and the documents to add or replace; sent, it is a resubmit by the
// heir.

type fixPage struct {
	Code    string
	Reason  string
	Form    formView
	Offices officesView
}

func (s *Server) fixForm(c *gin.Context, code string, in domain.ClaimInput) formView {
	return formView{Action: "/perbaiki/formulir", Enctype: "multipart/form-data", CSRF: s.publicFormToken(c, cookieFix),
		Hidden: []hiddenField{{Name: "claim_code", Value: code}},
		Sections: []formSection{s.deceasedSection(in.Deceased), publicHeirSection(in.Heir, applications.MaskPhone(in.Heir.Phone)),
			bankSection(in.BankAccount), documentsSection()},
		Submit: text("fix.submit")}
}

// pageFixForm shows the claim of the fix session.
func (s *Server) pageFixForm(c *gin.Context) {
	claim, reason, err := s.Applications.FixClaim(c.Request.Context(), s.cookie(c, cookieFix))
	if err != nil {
		s.fixSessionLost(c, err)
		return
	}
	in := domain.InputOf(claim.Deceased, claim.Heir, claim.BankAccount)
	s.render(c, http.StatusOK, "fix_form", view{Data: fixPage{Code: claim.Code, Reason: reason,
		Form: s.fixForm(c, claim.Code, in), Offices: s.officesFor(claim.Status)}})
}

// fixSessionLost sends a heir without a live session back to the start.
func (s *Server) fixSessionLost(c *gin.Context, err error) {
	status, msg := pageProblem(c, err)
	s.renderPhoneCheck(c, status, fixFlow, text("fix.intro"), fixStartForm("", ""), msg)
}

// pageSubmitFix corrects the claim and resubmits it.
func (s *Server) pageSubmitFix(c *gin.Context) {
	token, ok := s.publicSession(c, cookieFix)
	claim, reason, err := s.Applications.FixClaim(c.Request.Context(), token)
	if !ok || err != nil {
		if err == nil {
			err = domain.ErrPhoneCheckRequired
		}
		s.fixSessionLost(c, err)
		return
	}
	in, err := claimInputFrom(c.PostForm)
	in.Heir.NotifyConsent = c.PostForm("heir.notify_consent") == "true"
	in.Heir.Phone = claim.Heir.Phone
	var fix applications.Correction
	if err == nil {
		fix = applications.Correction{Code: c.PostForm("claim_code"), Deceased: &in.Deceased, Heir: &in.Heir,
			BankAccount: &in.BankAccount}
		fix.Documents, err = s.formDocuments(c)
	}
	var out domain.Claim
	if err == nil {
		out, err = s.Applications.Fix(c.Request.Context(), token, fix)
	}
	if err == nil {
		s.endPublicSession(c, cookieFix)
		s.render(c, http.StatusOK, "fix_done", view{Data: applyDonePage{Code: out.Code, Offices: s.officesFor(out.Status)}})
		return
	}
	page := fixPage{Code: claim.Code, Reason: reason, Form: s.fixForm(c, claim.Code, in), Offices: s.officesFor(claim.Status)}
	if errs := fieldErrors(err); errs != nil {
		page.Form.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "fix_form", view{Data: page})
		return
	}
	status, msg := pageProblem(c, err)
	s.render(c, status, "fix_form", view{Alert: msg, Data: page})
}
