package testserver

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"

	"santunan/domain"
	"santunan/internal/fixture"
)

// Claim is a claim as the API answers it.
type Claim struct {
	ID             int64    `json:"id"`
	Code           string   `json:"code"`
	Status         string   `json:"status"`
	StatusLabel    string   `json:"status_label"`
	Version        int      `json:"version"`
	Amount         int64    `json:"amount"`
	Warnings       []string `json:"warnings"`
	AllowedActions []string `json:"allowed_actions"`
	Deceased       struct {
		NIK         string `json:"nik"`
		Sex         string `json:"sex"`
		BirthDate   string `json:"birth_date"`
		VillageName string `json:"village_name"`
	} `json:"deceased"`
	Heir struct {
		NIK   string `json:"nik"`
		Phone string `json:"phone"`
	} `json:"heir"`
	BankAccount struct {
		BankName string `json:"bank_name"`
	} `json:"bank_account"`
}

// Document is a stored document as the API answers it.
type Document struct {
	ID          int64  `json:"id"`
	Kind        string `json:"kind"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	Current     bool   `json:"current"`
}

// ClaimBody is the JSON of fixture claim n (fixture.ClaimInput).
func ClaimBody(n int) map[string]any {
	in := fixture.ClaimInput(n)
	return map[string]any{
		"deceased": map[string]string{"nik": in.Deceased.NIK, "full_name": in.Deceased.FullName,
			"date_of_death": in.Deceased.DateOfDeath, "place_of_death": in.Deceased.PlaceOfDeath,
			"kk_number": in.Deceased.KKNumber, "address": in.Deceased.Address, "village_code": in.Deceased.VillageCode},
		"heir": map[string]string{"nik": in.Heir.NIK, "full_name": in.Heir.FullName,
			"relationship": in.Heir.Relationship, "phone": in.Heir.Phone},
		"bank_account": map[string]string{"bank_code": in.BankAccount.BankCode,
			"account_number": in.BankAccount.AccountNumber, "account_name": in.BankAccount.AccountName},
	}
}

// ClaimPath is a claim's API path.
func ClaimPath(id int64) string { return "/api/v1/claims/" + strconv.FormatInt(id, 10) }

// ActionPath is the API path of an action on a claim.
func ActionPath(id int64, action string) string { return ClaimPath(id) + "/actions/" + action }

// DocumentsPath is the API path of a claim's documents.
func DocumentsPath(id int64) string { return ClaimPath(id) + "/documents" }

// File files fixture claim n as the Dukcapil clerk.
func (s *Server) File(n int) Claim {
	s.T.Helper()
	var c Claim
	body := ClaimBody(n)
	if s.consent {
		heir := map[string]any{"notify_consent": true}
		for k, v := range body["heir"].(map[string]string) {
			heir[k] = v
		}
		body["heir"] = heir
	}
	s.Expect(s.Do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, body), http.StatusCreated, &c)
	return c
}

// Act takes an action on a claim as the role and expects it to succeed.
func (s *Server) Act(c Claim, role domain.Role, action string, body any) Claim {
	s.T.Helper()
	var out Claim
	s.Expect(s.Do(http.MethodPost, ActionPath(c.ID, action), role, body), http.StatusOK, &out)
	return out
}

// Claim reads a claim as the auditor.
func (s *Server) Claim(id int64) Claim {
	s.T.Helper()
	var c Claim
	s.Expect(s.Do(http.MethodGet, ClaimPath(id), domain.RoleAuditor, nil), http.StatusOK, &c)
	return c
}

// Upload posts a document as multipart/form-data, as the API's clients do;
// the part always claims to be a PDF, which must not matter (the content
// decides). An empty kind or a nil data leaves that part out.
func (s *Server) Upload(claimID int64, role domain.Role, kind, filename string, data []byte) *http.Response {
	s.T.Helper()
	r := UploadRequest(claimID, role, kind, filename, data)
	return s.Raw(r.Method, r.Path, role, r.ContentType, bytes.NewReader(r.Body.([]byte)))
}

// UploadRequest is Upload as a Request, for Race.
func UploadRequest(claimID int64, role domain.Role, kind, filename string, data []byte) Request {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if kind != "" {
		_ = w.WriteField("kind", kind)
	}
	if data != nil {
		hdr := textproto.MIMEHeader{}
		quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(filename)
		hdr.Set("Content-Disposition", `form-data; name="file"; filename="`+quoted+`"`)
		hdr.Set("Content-Type", "application/pdf")
		part, _ := w.CreatePart(hdr)
		_, _ = part.Write(data)
	}
	_ = w.Close()
	return Request{Method: http.MethodPost, Path: DocumentsPath(claimID), Role: role,
		ContentType: w.FormDataContentType(), Body: buf.Bytes()}
}

// PDF is a small valid PDF; each kind gets its own bytes (its own hash).
func PDF(kind string) []byte {
	return []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% " + kind + "\n%%EOF\n")
}

// Attach uploads a document of the kind as the clerk, named kind.pdf.
func (s *Server) Attach(c Claim, kind string, data []byte) Document {
	s.T.Helper()
	var d Document
	s.Expect(s.Upload(c.ID, domain.RoleDukcapilClerk, kind, kind+".pdf", data), http.StatusCreated, &d)
	return d
}

// Documents each action needs under the production configuration.
var (
	VerifyDocuments  = []domain.DocumentKind{domain.DocumentAktaKematian}
	ApproveDocuments = []domain.DocumentKind{domain.DocumentKTPAhliWaris, domain.DocumentKartuKeluarga,
		domain.DocumentSuratAhliWaris, domain.DocumentBukuTabungan}
)

// AttachAll uploads a PDF of each kind.
func (s *Server) AttachAll(c Claim, kinds []domain.DocumentKind) {
	s.T.Helper()
	for _, k := range kinds {
		s.Attach(c, string(k), PDF(string(k)))
	}
}

// CertificateNo is the death certificate number Verify records for n.
func CertificateNo(n int) string { return fmt.Sprintf("3324-KM-20112026-%04d", n) }

// Verify brings a submitted claim to death_verified: the akta uploaded,
// then verify_death as the clerk with certificate number CertificateNo(n).
func (s *Server) Verify(c Claim, n int) Claim {
	s.T.Helper()
	s.AttachAll(c, VerifyDocuments)
	return s.Act(c, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": CertificateNo(n)})
}

// Approve brings a death_verified claim to approved: the other four
// documents uploaded, then approve as the officer (under the budget).
func (s *Server) Approve(c Claim) Claim {
	s.T.Helper()
	s.AttachAll(c, ApproveDocuments)
	return s.Act(c, domain.RoleDinsosOfficer, "approve", nil)
}

// Verified files fixture claim n and verifies the death.
func (s *Server) Verified(n int) Claim {
	s.T.Helper()
	return s.Verify(s.File(n), n)
}

// Approved files fixture claim n and brings it to approved.
func (s *Server) Approved(n int) Claim {
	s.T.Helper()
	return s.Approve(s.Verified(n))
}

// Event is one step of a claim's audit trail as the API answers it.
type Event struct {
	Seq           int                          `json:"seq"`
	Action        string                       `json:"action"`
	ActorUsername string                       `json:"actor_username"`
	Hash          string                       `json:"hash"`
	Changes       map[string]map[string]string `json:"changes"`
}

// Events reads a claim's audit trail as the auditor.
func (s *Server) Events(id int64) []Event {
	s.T.Helper()
	var out struct {
		Events []Event `json:"events"`
	}
	s.Expect(s.Do(http.MethodGet, ClaimPath(id)+"/events", domain.RoleAuditor, nil), http.StatusOK, &out)
	return out.Events
}

// Count is how many events of the trail are the action.
func Count(events []Event, action string) int {
	n := 0
	for _, e := range events {
		if e.Action == action {
			n++
		}
	}
	return n
}

// ApprovedClaims files, verifies and approves fixture claims 1..n.
func (s *Server) ApprovedClaims(n int) []Claim {
	s.T.Helper()
	out := make([]Claim, n)
	for i := range out {
		out[i] = s.Approved(i + 1)
	}
	return out
}
