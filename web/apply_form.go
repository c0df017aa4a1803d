package web

import (
	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// The online application's form: the clerk's claim sections without the
// heir's phone (the verified one is used), the documents as photos from
// the phone's camera or PDFs, and the statements to tick.

// applyValues is what was typed, kept on every error.
type applyValues struct {
	Claim   domain.ClaimInput
	Consent bool
}

type applyPage struct {
	Form    formView
	Offices officesView
}

// documentKindsOnline are the papers the heir may send online: one of each.
func documentKindsOnline() []domain.DocumentKind {
	var out []domain.DocumentKind
	for _, k := range domain.AllDocumentKinds {
		if k.Single() {
			out = append(out, k)
		}
	}
	return out
}

// documentsSection has one camera-or-file input per kind, named documents.<kind>.
func documentsSection() formSection {
	sec := formSection{Title: text("apply.documents")}
	for _, k := range documentKindsOnline() {
		f := formField{Name: "documents." + string(k), Label: kindLabel(k), Type: "file",
			Accept: "image/*,application/pdf", Capture: "environment", Hint: text("apply.document_hint")}
		sec.Fields = append(sec.Fields, f)
	}
	return sec
}

// publicHeirSection is the heir's part without the phone, with the
// consent to messages.
func publicHeirSection(in domain.HeirInput, maskedPhone string) formSection {
	sec := heirSection(in)
	fields := sec.Fields[:0]
	for _, f := range sec.Fields {
		if f.Name != domain.FieldHeirPhone {
			fields = append(fields, f)
		}
	}
	notify := textField("heir.notify_consent", boolValue(in.NotifyConsent), false)
	notify.Type, notify.Label = "checkbox", textf("apply.notify_consent", "phone", maskedPhone)
	sec.Fields = append(fields, notify)
	return sec
}

func boolValue(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func (s *Server) applyForm(c *gin.Context, v applyValues, maskedPhone string) formView {
	consent := textField("consent", boolValue(v.Consent), true)
	consent.Type, consent.Label, consent.Hint = "checkbox", text("apply.consent"), text("apply.privacy")
	return formView{Action: "/ajukan", Enctype: "multipart/form-data", CSRF: s.publicFormToken(c, cookieApply),
		Sections: []formSection{s.deceasedSection(v.Claim.Deceased), publicHeirSection(v.Claim.Heir, maskedPhone),
			bankSection(v.Claim.BankAccount), documentsSection(), {Title: text("apply.privacy_title"), Fields: []formField{consent}}},
		Submit: text("apply.submit")}
}

func (s *Server) renderApplyForm(c *gin.Context, status int, form formView, alert string) {
	s.render(c, status, "apply_form", view{Alert: alert, Data: applyPage{Form: form, Offices: s.officesFor("")}})
}
