package testserver

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"

	"santunan/domain"
)

// Complaint is a complaint as the staff API answers it.
type Complaint struct {
	ID               int64    `json:"id"`
	Code             string   `json:"code"`
	Status           string   `json:"status"`
	Version          int      `json:"version"`
	Category         string   `json:"category"`
	Text             string   `json:"text"`
	Confidential     bool     `json:"confidential"`
	Identity         string   `json:"identity"`
	ComplainantName  string   `json:"complainant_name"`
	ComplainantPhone string   `json:"complainant_phone"`
	Unit             string   `json:"unit"`
	UnitName         string   `json:"unit_name"`
	NamedUnit        string   `json:"named_unit"`
	PungliConfirmed  bool     `json:"pungli_confirmed"`
	ClaimID          *int64   `json:"claim_id"`
	Answer           string   `json:"answer"`
	DueOn            string   `json:"due_on"`
	ReopenCount      int      `json:"reopen_count"`
	Overdue          bool     `json:"overdue"`
	Escalated        bool     `json:"escalated"`
	AllowedActions   []string `json:"allowed_actions"`
	Evidence         []struct {
		ID          int64  `json:"id"`
		ContentType string `json:"content_type"`
		SHA256      string `json:"sha256"`
	} `json:"evidence"`
}

// PublicComplaint is what the public hears after filing or a step.
type PublicComplaint struct {
	Code        string `json:"code"`
	Status      string `json:"status"`
	DueOn       string `json:"due_on"`
	TrackingURL string `json:"tracking_url"`
}

// ComplaintTracking is the public tracking answer.
type ComplaintTracking struct {
	Code        string   `json:"code"`
	Status      string   `json:"status"`
	Answer      string   `json:"answer"`
	DueOn       string   `json:"due_on"`
	ReopenUntil string   `json:"reopen_until"`
	Actions     []string `json:"actions"`
	Events      []struct {
		Action string `json:"action"`
		Status string `json:"status"`
	} `json:"events"`
}

// ComplaintBody is a valid anonymous complaint of category.
func ComplaintBody(category domain.ComplaintCategory) map[string]any {
	return map[string]any{"category": category, "identity": domain.IdentityAnonymous,
		"text": "Petugas meminta uang tambahan agar klaim santunan cepat diproses."}
}

// ComplaintsPath is the staff's complaints.
const ComplaintsPath = "/api/v1/complaints"

// ComplaintPath is one complaint of the staff API.
func ComplaintPath(id int64) string { return ComplaintsPath + "/" + strconv.FormatInt(id, 10) }

// PublicComplaintPath is one complaint of the public API, by code.
func PublicComplaintPath(code string) string { return "/api/v1/public/complaints/" + code }

// SendComplaint posts a complaint as JSON with a phone token ("" for none).
func (s *Server) SendComplaint(body any, phoneToken string) *http.Response {
	s.T.Helper()
	req, err := s.request(http.MethodPost, "/api/v1/public/complaints", "", body)
	if err != nil {
		s.T.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if phoneToken != "" {
		req.Header.Set("X-Phone-Token", phoneToken)
	}
	return s.roundTrip(req)
}

// FileComplaint files a complaint and returns it as the complaint officer
// sees it.
func (s *Server) FileComplaint(body any, phoneToken string) Complaint {
	s.T.Helper()
	var pub PublicComplaint
	s.Expect(s.SendComplaint(body, phoneToken), http.StatusCreated, &pub)
	return s.ComplaintByCode(pub.Code)
}

// FileComplaintWithEvidence files a complaint as multipart with files.
func (s *Server) FileComplaintWithEvidence(body any, phoneToken string, files ...[]byte) *http.Response {
	s.T.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	raw, err := json.Marshal(body)
	if err != nil {
		s.T.Fatal(err)
	}
	_ = w.WriteField("complaint", string(raw))
	for _, data := range files {
		hdr := textproto.MIMEHeader{}
		hdr.Set("Content-Disposition", `form-data; name="evidence"; filename="bukti.pdf"`)
		hdr.Set("Content-Type", "application/octet-stream")
		p, _ := w.CreatePart(hdr)
		_, _ = p.Write(data)
	}
	_ = w.Close()
	req, err := http.NewRequest(http.MethodPost, s.URL+"/api/v1/public/complaints", &buf)
	if err != nil {
		s.T.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	if phoneToken != "" {
		req.Header.Set("X-Phone-Token", phoneToken)
	}
	return s.roundTrip(req)
}

// ComplaintByCode finds a complaint's id by its code (as the officer).
func (s *Server) ComplaintByCode(code string) Complaint {
	s.T.Helper()
	c, err := s.Services.Complaints.Track(context.Background(), code)
	if err != nil {
		s.T.Fatal(err)
	}
	for cursor := ""; ; {
		var page struct {
			Items      []Complaint `json:"items"`
			NextCursor string      `json:"next_cursor"`
		}
		s.Expect(s.Do(http.MethodGet, ComplaintsPath+"?limit=200&cursor="+cursor, domain.RoleComplaintOfficer, nil),
			http.StatusOK, &page)
		for _, it := range page.Items {
			if it.Code == c.Code {
				return it
			}
		}
		if page.NextCursor == "" {
			s.T.Fatalf("complaint %s is not in the officer's list", code)
		}
		cursor = page.NextCursor
	}
}

// GetComplaint reads a complaint as role.
func (s *Server) GetComplaint(id int64, role domain.Role) Complaint {
	s.T.Helper()
	var c Complaint
	s.Expect(s.Do(http.MethodGet, ComplaintPath(id), role, nil), http.StatusOK, &c)
	return c
}

// ComplaintAct takes a staff step as role and expects it to succeed.
func (s *Server) ComplaintAct(id int64, role domain.Role, action domain.ComplaintAction, body any) Complaint {
	s.T.Helper()
	var c Complaint
	s.Expect(s.Do(http.MethodPost, ComplaintPath(id)+"/"+string(action), role, body), http.StatusOK, &c)
	return c
}

// Complainant takes a complainant's step (confirm, dispute, reopen).
func (s *Server) Complainant(code string, action domain.ComplaintAction, reason string) *http.Response {
	s.T.Helper()
	return s.Send(http.MethodPost, PublicComplaintPath(code)+"/"+string(action), "", map[string]string{"reason": reason})
}

// TrackComplaint follows a complaint by its code.
func (s *Server) TrackComplaint(code string) ComplaintTracking {
	s.T.Helper()
	var t ComplaintTracking
	s.Expect(s.Send(http.MethodGet, PublicComplaintPath(code), "", nil), http.StatusOK, &t)
	return t
}

// Sweep runs the complaints' sweep by the server's clock, as the server's
// ticker does.
func (s *Server) Sweep() (escalated, closed int) {
	s.T.Helper()
	e, c, err := s.Services.Complaints.Sweep(context.Background())
	if err != nil {
		s.T.Fatal(err)
	}
	return e, c
}
