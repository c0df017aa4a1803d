package testserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"

	"santunan/domain"
	"santunan/internal/fixture"
)

// The heir's online forms through the API (applications/).

// Phone is the normalised mobile number of online applicant n.
func Phone(n int) string { return fmt.Sprintf("+62812%07d", n) }

// PhoneCheck is a started check as the API answers it.
type PhoneCheck struct {
	CheckID     string `json:"check_id"`
	PhoneMasked string `json:"phone_masked"`
}

// StartPhoneCheck asks for a code to phone; the response is the caller's.
func (s *Server) StartPhoneCheck(phone string) *http.Response {
	s.T.Helper()
	return s.Send(http.MethodPost, "/api/v1/public/phone-checks", "", map[string]string{"phone": phone})
}

// VerifyPhone sends a code for a check.
func (s *Server) VerifyPhone(checkID, code string) *http.Response {
	s.T.Helper()
	return s.Send(http.MethodPost, "/api/v1/public/phone-checks/"+checkID+"/verify", "", map[string]string{"code": code})
}

// PhoneToken runs a whole apply check for phone and returns its token.
func (s *Server) PhoneToken(phone string) string {
	s.T.Helper()
	var ch PhoneCheck
	s.Expect(s.StartPhoneCheck(phone), http.StatusCreated, &ch)
	return s.verified(ch.CheckID, phone)
}

func (s *Server) verified(checkID, phone string) string {
	s.T.Helper()
	var sess struct {
		Token string `json:"token"`
	}
	s.Expect(s.VerifyPhone(checkID, s.Codes.Next(s.T, phone)), http.StatusOK, &sess)
	return sess.Token
}

// FixToken runs a correction check for a returned claim (its code and heir
// NIK) and returns the token; the code goes to the phone on file.
func (s *Server) FixToken(code, heirNIK, phoneOnFile string) string {
	s.T.Helper()
	var ch PhoneCheck
	s.Expect(s.Send(http.MethodPost, "/api/v1/public/corrections/phone-checks", "",
		map[string]string{"code": code, "heir_nik": heirNIK}), http.StatusCreated, &ch)
	return s.verified(ch.CheckID, phoneOnFile)
}

// ApplicationBody is fixture claim n as an online application's JSON part.
func ApplicationBody(n int) map[string]any {
	in := fixture.ClaimInput(n)
	body := ClaimBody(n)
	body["heir"] = map[string]any{"nik": in.Heir.NIK, "full_name": in.Heir.FullName,
		"relationship": in.Heir.Relationship, "notify_consent": true}
	body["privacy_consent"] = true
	return body
}

// PublicForm posts a multipart online form: the JSON part named part and
// files as documents.<kind>, with the phone token.
func (s *Server) PublicForm(path, token, part string, body any, files map[domain.DocumentKind][]byte) *http.Response {
	s.T.Helper()
	return s.roundTrip(s.PublicFormRequest(path, token, part, body, files))
}

// PublicFormRequest is PublicForm's request, for a test that sends it
// itself (from goroutines, say).
func (s *Server) PublicFormRequest(path, token, part string, body any, files map[domain.DocumentKind][]byte) *http.Request {
	s.T.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	raw, err := json.Marshal(body)
	if err != nil {
		s.T.Fatal(err)
	}
	if s, ok := body.(string); ok {
		raw = []byte(s)
	}
	_ = w.WriteField(part, string(raw))
	for kind, data := range files {
		hdr := textproto.MIMEHeader{}
		hdr.Set("Content-Disposition", `form-data; name="documents.`+string(kind)+`"; filename="foto.jpg"`)
		hdr.Set("Content-Type", "image/jpeg")
		p, _ := w.CreatePart(hdr)
		_, _ = p.Write(data)
	}
	_ = w.Close()
	req, err := http.NewRequest(http.MethodPost, s.URL+path, &buf)
	if err != nil {
		s.T.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	if token != "" {
		req.Header.Set("X-Phone-Token", token)
	}
	return req
}

// Apply posts an online application.
func (s *Server) Apply(token string, body any, files map[domain.DocumentKind][]byte) *http.Response {
	s.T.Helper()
	return s.PublicForm("/api/v1/public/applications", token, "application", body, files)
}

// Correct posts a correction of a returned claim.
func (s *Server) Correct(token string, body any, files map[domain.DocumentKind][]byte) *http.Response {
	s.T.Helper()
	return s.PublicForm("/api/v1/public/corrections", token, "correction", body, files)
}

// ComplaintPhoneToken runs a whole "complaint" phone check for phone and
// returns its token, for a named complaint.
func (s *Server) ComplaintPhoneToken(phone string) string {
	s.T.Helper()
	var ch PhoneCheck
	s.Expect(s.Send(http.MethodPost, "/api/v1/public/phone-checks", "",
		map[string]string{"phone": phone, "purpose": "complaint"}), http.StatusCreated, &ch)
	return s.verified(ch.CheckID, phone)
}
