package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/applications"
	"santunan/domain"
)

// The correction form. A returned claim: why it was returned, the claim's
// data to correct (the heir's phone stays the one the code went to) and
// the documents to add or replace; sent, it is a resubmit by the heir. A
// claim whose transfer failed: why it failed, a photo of the new bank book
// and the new account, nothing else; sent, it is a proposal the Dinas
// Sosial officer checks before retry_payment (applications/bank_book.go).

type fixPage struct {
	Code   string
	Reason string
	// Failed: the transfer failed, the form asks for a new bank book only.
	Failed  bool
	Form    formView
	Offices officesView
}

func (s *Server) fixForm(c *gin.Context, code string, status domain.Status, in domain.ClaimInput) formView {
	fv := formView{Action: "/perbaiki/formulir", Enctype: "multipart/form-data", CSRF: s.publicFormToken(c, cookieFix),
		Hidden: []hiddenField{{Name: "claim_code", Value: code}}, Submit: text("fix.submit")}
	if status == domain.StatusPaymentFailed {
		fv.Sections, fv.Submit = []formSection{bankBookSection(), bankSection(in.BankAccount)}, text("fix.bank_submit")
		return fv
	}
	fv.Sections = []formSection{s.deceasedSection(in.Deceased), publicHeirSection(in.Heir, applications.MaskPhone(in.Heir.Phone)),
		bankSection(in.BankAccount), documentsSection()}
	return fv
}

// bankBookSection is the one paper a failed transfer needs: the new bank
// book, photographed with the phone's camera or as a PDF.
func bankBookSection() formSection {
	k := domain.DocumentBukuTabungan
	return formSection{Title: text("fix.bank_book"), Fields: []formField{{Name: "documents." + string(k),
		Label: kindLabel(k), Type: "file", Required: true, Accept: "image/*,application/pdf", Capture: "environment",
		Hint: text("fix.bank_book_hint")}}}
}

// fixKinds are the papers the form offers, and so reads.
func fixKinds(status domain.Status) []domain.DocumentKind {
	if status == domain.StatusPaymentFailed {
		return []domain.DocumentKind{domain.DocumentBukuTabungan}
	}
	return documentKindsOnline()
}

// pageFixForm shows the claim of the fix session.
func (s *Server) pageFixForm(c *gin.Context) {
	claim, reason, err := s.Applications.FixClaim(c.Request.Context(), s.cookie(c, cookieFix))
	if err != nil {
		s.fixSessionLost(c, err)
		return
	}
	in := domain.InputOf(claim.Deceased, claim.Heir, claim.BankAccount)
	if claim.Status == domain.StatusPaymentFailed {
		// The account on file is the one that failed: the heir types the new one.
		in.BankAccount = domain.BankAccountInput{}
	}
	s.render(c, http.StatusOK, "fix_form", view{Data: fixPage{Code: claim.Code, Reason: reason,
		Failed: claim.Status == domain.StatusPaymentFailed,
		Form:   s.fixForm(c, claim.Code, claim.Status, in), Offices: s.officesFor(claim.Status)}})
}

// fixSessionLost sends a heir without a live session back to the start.
func (s *Server) fixSessionLost(c *gin.Context, err error) {
	status, msg := pageProblem(c, err)
	s.renderPhoneCheck(c, status, fixFlow, text("fix.intro"), fixStartForm("", ""), msg)
}

// fixInputFrom reads the correction form: for a failed transfer only the
// account (the bank book comes with the documents), within its limits.
func fixInputFrom(c *gin.Context, claim domain.Claim) (domain.ClaimInput, applications.Correction, error) {
	code := c.PostForm("claim_code")
	if claim.Status == domain.StatusPaymentFailed {
		in := domain.ClaimInput{BankAccount: bankInputFrom(c.PostForm)}
		return in, applications.Correction{Code: code, BankAccount: &in.BankAccount}, checkLimits(c.PostForm, bankLimits...)
	}
	in, err := claimInputFrom(c.PostForm)
	in.Heir.NotifyConsent = c.PostForm("heir.notify_consent") == "true"
	in.Heir.Phone = claim.Heir.Phone
	return in, applications.Correction{Code: code, Deceased: &in.Deceased, Heir: &in.Heir, BankAccount: &in.BankAccount}, err
}

// pageSubmitFix corrects the claim: a resubmit, or a proposed account.
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
	in, fix, err := fixInputFrom(c, claim)
	if err == nil {
		fix.Documents, err = s.formDocuments(c, fixKinds(claim.Status))
	}
	var out domain.Claim
	if err == nil {
		out, err = s.Applications.Fix(c.Request.Context(), token, fix)
	}
	if err == nil {
		s.endPublicSession(c, cookieFix)
		s.render(c, http.StatusOK, "fix_done", view{Data: fixDonePage{Code: out.Code,
			Failed: out.Status == domain.StatusPaymentFailed, Offices: s.officesFor(out.Status)}})
		return
	}
	page := fixPage{Code: claim.Code, Reason: reason, Failed: claim.Status == domain.StatusPaymentFailed,
		Form: s.fixForm(c, claim.Code, claim.Status, in), Offices: s.officesFor(claim.Status)}
	if errs := fieldErrors(err); errs != nil {
		page.Form.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "fix_form", view{Data: page})
		return
	}
	status, msg := pageProblem(c, err)
	s.render(c, status, "fix_form", view{Alert: msg, Data: page})
}

type fixDonePage struct {
	Code    string
	Failed  bool
	Offices officesView
}
