package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/complaints"
	"santunan/domain"
	"santunan/i18n"
)

// The public's complaints (aduan), mobile first and without an account:
// /aduan offers the two ways to appear (named: the phone confirmed by the
// one-time code, the pages of web/phone_check.go; or anonim), the form at
// /aduan/formulir, the result with the tracking code, and /aduan/lacak to
// follow a complaint by its code and confirm, dispute or reopen it.

const (
	complaintPath      = "/aduan"
	complaintFormPath  = "/aduan/formulir"
	complaintTrackPath = "/aduan/lacak"
	cookieComplaint    = "santunan_aduan"
	// routeComplaint is the form's route pattern, which carries a file.
	routeComplaint = complaintFormPath
)

var complaintFlow = phoneFlow{Key: "aduan", Start: "/aduan/kode", Verify: "/aduan/verifikasi", Cookie: cookieComplaint,
	Next: complaintFormPath}

type complaintStartPage struct {
	Phone   formView
	Offices officesView
}

// pageComplaintStart is /aduan: the choice of how to appear.
func (s *Server) pageComplaintStart(c *gin.Context) {
	s.render(c, http.StatusOK, "complaint_start", view{Data: complaintStartPage{Phone: complaintPhoneForm(""),
		Offices: s.officesFor("")}})
}

func complaintPhoneForm(phone string) formView {
	f := textField("phone", phone, true)
	f.Type, f.InputMode, f.Autocomplete = "tel", "tel", "tel"
	f.Label, f.Hint = text("aduan.phone"), text("aduan.phone_hint")
	return formView{Action: complaintFlow.Start, Sections: []formSection{{Fields: []formField{f}}},
		Submit: text("phone_check.send")}
}

// pageComplaintCode sends the one-time code to the phone typed.
func (s *Server) pageComplaintCode(c *gin.Context) {
	phone := c.PostForm("phone")
	ch, err := s.Applications.StartComplaint(c.Request.Context(), phone)
	if err == nil {
		s.renderCodeForm(c, complaintFlow, ch)
		return
	}
	form := complaintPhoneForm(phone)
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		s.renderPhoneCheck(c, http.StatusUnprocessableEntity, complaintFlow, text("aduan.phone_intro"), form, "")
		return
	}
	status, msg := pageProblem(c, err)
	s.renderPhoneCheck(c, status, complaintFlow, text("aduan.phone_intro"), form, msg)
}

// complaintValues is what the form holds, kept on error (files are not:
// a browser cannot be given a file back).
type complaintValues struct {
	Category, Text, ClaimCode, HeirNIK, Village, NamedUnit, Identity, Name string
	Consent, Confidential                                                  bool
}

func complaintValuesFrom(get formValues) complaintValues {
	return complaintValues{Category: get("category"), Text: get("text"), ClaimCode: get("claim_code"),
		HeirNIK: get("heir_nik"), Village: get("village_code"), NamedUnit: get("named_unit"),
		Identity: get("identity"), Name: get("name"), Consent: get("notify_consent") == "true",
		Confidential: get("confidential") == "true"}
}

type complaintFormPage struct {
	Step     string // named: the form is the second step, after the phone
	Intro    string
	NamedURL string // the phone check, offered on the anonymous form
	Form     formView
	Offices  officesView
}

// complaintForm is the form; masked is the confirmed phone ("" without a
// phone check: then anonymous only).
func (s *Server) complaintForm(c *gin.Context, v complaintValues, masked string) formView {
	cat := formField{Name: "category", Label: text("aduan.category"), Type: "radio", Required: true}
	for _, k := range domain.AllComplaintCategories {
		cat.Options = append(cat.Options, option{Value: string(k), Label: text("aduan.category." + string(k)),
			Selected: v.Category == string(k)})
	}
	body := formField{Name: "text", Label: text("aduan.text"), Hint: text("aduan.text_hint"), Type: "textarea",
		Value: v.Text, Required: true, MaxLength: complaints.MaxText}
	evidence := formField{Name: "evidence", Label: text("aduan.evidence"), Type: "file",
		Hint:   textf("aduan.evidence_hint", "size", byteSize(s.Complaints.MaxEvidenceBytes())),
		Accept: "image/jpeg,image/png,application/pdf"}
	confidential := formField{Name: "confidential", Label: text("aduan.confidential"), Type: "checkbox",
		Value: boolValue(v.Confidential)}
	claimCode := textField("claim_code", v.ClaimCode, false)
	claimCode.Label, claimCode.Hint, claimCode.Autocomplete = text("aduan.claim_code"), text("aduan.claim_code_hint"), "off"
	nik := textField("heir_nik", v.HeirNIK, false)
	nik.Label, nik.InputMode, nik.Autocomplete = text("aduan.heir_nik"), "numeric", "off"
	village := formField{Name: "village_code", Label: text("aduan.village"), Type: "select",
		Groups: s.villageGroups(v.Village), Placeholder: text("form.choose")}
	unit := formField{Name: "named_unit", Label: text("aduan.named_unit"), Type: "select", Placeholder: text("form.choose")}
	for _, u := range domain.AllUnits {
		unit.Options = append(unit.Options, option{Value: string(u), Label: text("aduan.unit." + string(u)),
			Selected: v.NamedUnit == string(u)})
	}
	sections := []formSection{
		{Title: text("aduan.section_what"), Fields: []formField{cat, body, evidence, confidential}},
		{Title: text("aduan.section_where"), Fields: []formField{claimCode, nik, village, unit}},
	}
	fv := formView{Action: complaintFormPath, Enctype: "multipart/form-data", Submit: text("aduan.submit")}
	if masked == "" {
		fv.Hidden = []hiddenField{{Name: "identity", Value: string(domain.IdentityAnonymous)}}
	} else {
		fv.CSRF = s.publicFormToken(c, cookieComplaint)
		id := formField{Name: "identity", Label: text("aduan.identity"), Type: "radio", Required: true}
		chosen := v.Identity
		if chosen == "" {
			chosen = string(domain.IdentityNamed)
		}
		for _, k := range []domain.ComplaintIdentity{domain.IdentityNamed, domain.IdentityAnonymous} {
			id.Options = append(id.Options, option{Value: string(k), Label: text("aduan.identity_" + map[domain.ComplaintIdentity]string{
				domain.IdentityNamed: "named", domain.IdentityAnonymous: "anon"}[k]), Selected: chosen == string(k)})
		}
		name := textField("name", v.Name, false)
		name.Label, name.Autocomplete = text("aduan.name"), "name"
		consent := formField{Name: "notify_consent", Label: text("aduan.notify_consent"), Type: "checkbox",
			Value: boolValue(v.Consent)}
		sections = append(sections, formSection{Title: text("aduan.section_who"), Fields: []formField{id, name, consent}})
	}
	fv.Sections = sections
	return fv
}

// byteSize is a size for people: "5 MB".
func byteSize(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n>>10, 10) + " KB"
}

// complaintSession is the confirmed phone of the browser's complaint
// session, masked; "" without one.
func (s *Server) complaintSession(c *gin.Context) (token, masked string) {
	token = s.cookie(c, cookieComplaint)
	if token == "" {
		return "", ""
	}
	masked, err := s.Applications.ComplaintSession(c.Request.Context(), token)
	if err != nil {
		return "", ""
	}
	return token, masked
}

func (s *Server) renderComplaintForm(c *gin.Context, status int, form formView, masked, alert string) {
	page := complaintFormPage{Form: form, Offices: s.officesFor("")}
	if masked != "" {
		page.Intro, page.Step = textf("aduan.form_named", "phone", masked), text("aduan.step_form")
	} else {
		page.Intro, page.NamedURL = text("aduan.form_anon"), complaintPath+"#nama"
	}
	s.render(c, status, "complaint_form", view{Alert: alert, Data: page})
}

// pageComplaintForm is the form: named with a confirmed phone, anonymous
// without one.
func (s *Server) pageComplaintForm(c *gin.Context) {
	_, masked := s.complaintSession(c)
	s.renderComplaintForm(c, http.StatusOK, s.complaintForm(c, complaintValues{}, masked), masked, "")
}

type complaintDonePage struct {
	Code       string
	VerifyBy   string
	VerifyDays int
	FollowDays int
	CloseDays  int
	Named      bool
	Offices    officesView
}

// pageFileComplaint files the complaint and shows its tracking code.
func (s *Server) pageFileComplaint(c *gin.Context) {
	v := complaintValuesFrom(c.PostForm)
	token, masked := s.complaintSession(c)
	if token != "" {
		if _, ok := s.publicSession(c, cookieComplaint); !ok {
			// A post that did not come from the form this session drew.
			token, masked = "", ""
		}
	}
	identity := domain.ComplaintIdentity(v.Identity)
	if token == "" && identity == domain.IdentityNamed {
		s.renderPhoneCheck(c, http.StatusUnauthorized, complaintFlow, text("aduan.phone_intro"), complaintPhoneForm(""),
			text("error.phone_check_required"))
		return
	}
	f := complaints.Filing{Category: domain.ComplaintCategory(v.Category), Text: v.Text, Confidential: v.Confidential,
		Identity: identity, Name: v.Name, PhoneToken: token, NotifyConsent: v.Consent, ClaimCode: v.ClaimCode,
		HeirNIK: v.HeirNIK, VillageCode: v.Village, NamedUnit: domain.Unit(v.NamedUnit)}
	ev, err := s.complaintEvidence(c)
	if ev != nil {
		f.Evidence = []complaints.EvidenceUpload{*ev}
	}
	var filed complaints.Complaint
	if err == nil {
		filed, err = s.Complaints.File(c.Request.Context(), f)
	}
	if err == nil {
		if token != "" {
			s.endPublicSession(c, cookieComplaint)
		}
		d := s.Complaints.Deadlines(filed.Category)
		page := complaintDonePage{Code: filed.Code, VerifyDays: d.VerifyDays, FollowDays: d.FollowUpDays,
			CloseDays: d.AutoCloseDays, Named: filed.NotifyConsent, Offices: s.officesFor("")}
		if filed.DueOn != nil {
			page.VerifyBy = formatDate(*filed.DueOn)
		}
		s.render(c, http.StatusCreated, "complaint_done", view{Data: page})
		return
	}
	form := s.complaintForm(c, v, masked)
	var tooLarge *domain.TooLargeError
	switch {
	case errors.Is(err, domain.ErrUnsupportedMediaType):
		err = domain.FieldError("evidence", domain.ViolationFileType)
	case errors.As(err, &tooLarge):
		err = domain.FieldError("evidence", domain.ViolationFileTooLarge)
	}
	if errs := fieldErrors(err); errs != nil {
		if _, ok := errs["phone_token"]; ok {
			delete(errs, "phone_token")
			errs["identity"] = domain.ViolationRequired
		}
		form.applyErrors(errs)
		s.renderComplaintForm(c, http.StatusUnprocessableEntity, form, masked, "")
		return
	}
	status, msg := pageProblem(c, err)
	if status == http.StatusUnauthorized {
		// The phone session ended meanwhile: confirm the phone again.
		s.renderPhoneCheck(c, status, complaintFlow, text("aduan.phone_intro"), complaintPhoneForm(""), msg)
		return
	}
	s.renderComplaintForm(c, status, form, masked, msg)
}

// complaintEvidence reads the form's file, if any, within the limit.
func (s *Server) complaintEvidence(c *gin.Context) (*complaints.EvidenceUpload, error) {
	fh, err := c.FormFile("evidence")
	if err != nil {
		return nil, nil // none sent
	}
	if fh.Size > s.Complaints.MaxEvidenceBytes() {
		return nil, domain.FieldError("evidence", domain.ViolationFileTooLarge)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, domain.FieldError("evidence", domain.ViolationInvalidValue)
	}
	defer func() { _ = f.Close() }()
	data, err := io.ReadAll(io.LimitReader(f, s.Complaints.MaxEvidenceBytes()+1))
	if err != nil {
		return nil, domain.FieldError("evidence", domain.ViolationInvalidValue)
	}
	if int64(len(data)) > s.Complaints.MaxEvidenceBytes() {
		return nil, domain.FieldError("evidence", domain.ViolationFileTooLarge)
	}
	if len(data) == 0 {
		return nil, nil
	}
	return &complaints.EvidenceUpload{Filename: fh.Filename, Content: data}, nil
}

// pageComplaintTooLarge answers a form whose file is far too large.
func (s *Server) pageComplaintTooLarge(c *gin.Context) {
	s.render(c, http.StatusRequestEntityTooLarge, "message", view{
		Alert: text("aduan.too_large"), AlertLink: &link{Href: complaintFormPath, Text: text("aduan.back")},
		Data: messagePage{Title: text("aduan.title")},
	})
}

// The tracking by code.

type complaintTrackPage struct {
	Form   formView
	Result *complaintTrackResult
}

type complaintTrackResult struct {
	Code, Status, Plain, Category, Filed, Deadline, Unit string
	Answer, Redirect                                     string
	AutoClose, ReopenUntil                               string
	ReopenPassed                                         bool
	Events                                               []complaintTrackStep
	Confirm, Dispute, Reopen                             *formView
}

type complaintTrackStep struct {
	Text, At string
}

func complaintTrackForm(code string) formView {
	f := textField("code", code, true)
	f.Label, f.Hint, f.Autocomplete = text("aduan.code"), text("aduan.code_hint"), "off"
	return formView{Action: complaintTrackPath, Sections: []formSection{{Fields: []formField{f}}}, Submit: text("aduan.track_submit")}
}

func (s *Server) pageComplaintTrackForm(c *gin.Context) {
	s.render(c, http.StatusOK, "complaint_track", view{Data: complaintTrackPage{Form: complaintTrackForm(c.Query("kode"))}})
}

func (s *Server) pageComplaintTrack(c *gin.Context) {
	s.showComplaintTrack(c, c.PostForm("code"), "", http.StatusOK)
}

// showComplaintTrack renders the tracking of code, with a notice after a
// step the complainant took.
func (s *Server) showComplaintTrack(c *gin.Context, code, notice string, status int) {
	t, err := s.Complaints.Track(c.Request.Context(), code)
	form := complaintTrackForm(code)
	if err != nil {
		st, msg := pageProblem(c, err)
		if errs := fieldErrors(err); errs != nil {
			form.applyErrors(errs)
			msg = ""
		}
		if st == http.StatusNotFound {
			msg = text("aduan.not_found")
		}
		s.render(c, st, "complaint_track", view{Alert: msg, Data: complaintTrackPage{Form: form}})
		return
	}
	s.render(c, status, "complaint_track", view{Notice: notice,
		Data: complaintTrackPage{Form: complaintTrackForm(t.Code), Result: complaintTrackOf(t)}})
}

func complaintTrackOf(t complaints.Tracking) *complaintTrackResult {
	r := &complaintTrackResult{Code: t.Code, Status: text("aduan.status." + string(t.Status)),
		Plain: text("aduan.plain." + string(t.Status)), Category: text("aduan.category." + string(t.Category)),
		Filed: formatDateTime(i18n.Indonesian, t.CreatedAt), Answer: t.Answer, Redirect: t.DeclineRedirect}
	if t.Unit != "" {
		r.Unit = text("aduan.unit." + string(t.Unit))
	}
	if t.DueOn != nil {
		if t.Status == domain.ComplaintAnswered {
			r.AutoClose = formatDate(*t.DueOn)
		} else {
			r.Deadline = formatDate(*t.DueOn)
		}
	}
	if t.ReopenUntil != nil {
		r.ReopenUntil = formatDate(*t.ReopenUntil)
	}
	for _, ev := range t.Events {
		r.Events = append(r.Events, complaintTrackStep{Text: text("aduan.action." + string(ev.Action)),
			At: formatDateTime(i18n.Indonesian, ev.At)})
	}
	hidden := []hiddenField{{Name: "code", Value: t.Code}}
	may := map[domain.ComplaintAction]bool{}
	for _, a := range t.Actions {
		may[a] = true
	}
	if may[domain.ComplaintActionConfirm] {
		r.Confirm = &formView{Action: complaintTrackPath + "/konfirmasi", Hidden: hidden, Submit: text("aduan.confirm")}
	}
	if may[domain.ComplaintActionDispute] {
		f := reasonField("reason", text("aduan.dispute_reason"), "")
		r.Dispute = &formView{Action: complaintTrackPath + "/sanggah", Hidden: hidden, Submit: text("aduan.dispute"),
			SubmitClass: "secondary", Sections: []formSection{{Fields: []formField{f}}}}
	}
	if may[domain.ComplaintActionReopen] {
		f := reasonField("reason", text("aduan.reopen_reason"), "")
		r.Reopen = &formView{Action: complaintTrackPath + "/buka-lagi", Hidden: hidden, Submit: text("aduan.reopen"),
			Sections: []formSection{{Fields: []formField{f}}}}
	} else if t.Status == domain.ComplaintClosed && t.ReopenUntil != nil {
		r.ReopenPassed = true
	}
	return r
}

func reasonField(name, label, value string) formField {
	return formField{Name: name, Label: label, Type: "textarea", Value: value, Required: true, MaxLength: complaints.MaxReason}
}

// pageComplaintStep is the complainant's confirm, dispute or reopen.
func (s *Server) pageComplaintStep(action domain.ComplaintAction) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, code, reason := c.Request.Context(), c.PostForm("code"), c.PostForm("reason")
		var err error
		notice := ""
		switch action {
		case domain.ComplaintActionConfirm:
			_, err = s.Complaints.Confirm(ctx, code)
			notice = text("aduan.confirmed")
		case domain.ComplaintActionDispute:
			_, err = s.Complaints.Dispute(ctx, code, reason)
			notice = text("aduan.disputed")
		case domain.ComplaintActionReopen:
			_, err = s.Complaints.Reopen(ctx, code, reason)
			notice = text("aduan.reopened")
		}
		if err == nil {
			s.showComplaintTrack(c, code, notice, http.StatusOK)
			return
		}
		t, terr := s.Complaints.Track(ctx, code)
		if terr != nil {
			s.showComplaintTrack(c, code, "", http.StatusOK)
			return
		}
		res := complaintTrackOf(t)
		status, msg := pageProblem(c, err)
		if errs := fieldErrors(err); errs != nil {
			msg = ""
			for _, f := range []*formView{res.Dispute, res.Reopen} {
				if f != nil && f.Action == c.Request.URL.Path {
					f.Sections[0].Fields[0].Value = reason
					f.applyErrors(errs)
				}
			}
		}
		if errors.Is(err, complaints.ErrReopenWindowPassed) {
			status, msg = http.StatusConflict, text("aduan.err.reopen_window")
		}
		s.render(c, status, "complaint_track", view{Alert: msg,
			Data: complaintTrackPage{Form: complaintTrackForm(t.Code), Result: res}})
	}
}
