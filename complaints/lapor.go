package complaints

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"santunan/domain"
)

// LaporRecord is a complaint as an SP4N-LAPOR! report carries it: the
// tracking id, category, content (withheld when rahasia), channel, privacy
// flags, status, dates, disposition and follow-up. Never the complainant's
// name or phone: LAPOR! learns a complainant's identity from its own
// account, not from us.
type LaporRecord struct {
	TrackingID   string     `json:"tracking_id"`
	Category     string     `json:"category"`
	Content      string     `json:"content"`
	Channel      string     `json:"channel"`
	Anonymous    bool       `json:"anonymous"`
	Confidential bool       `json:"confidential"`
	Status       string     `json:"status"`
	CreatedAt    time.Time  `json:"created_at"`
	VerifiedAt   *time.Time `json:"verified_at,omitempty"`
	AssignedAt   *time.Time `json:"assigned_at,omitempty"`
	AnsweredAt   *time.Time `json:"answered_at,omitempty"`
	ClosedAt     *time.Time `json:"closed_at,omitempty"`
	Disposition  string     `json:"disposition"`
	FollowUp     string     `json:"follow_up"`
}

// laporRecord is c as LAPOR! receives it.
func laporRecord(c Complaint) LaporRecord {
	content, followUp := c.Text, c.Answer
	if c.Confidential {
		content, followUp = Withheld, maskIfSet(c.Answer)
	}
	disposition := string(c.Unit)
	if c.UnitName != "" {
		disposition += " / " + c.UnitName
	}
	return LaporRecord{TrackingID: c.Code, Category: string(c.Category), Content: content, Channel: "web",
		Anonymous: c.Identity == domain.IdentityAnonymous, Confidential: c.Confidential, Status: string(c.Status),
		CreatedAt: c.CreatedAt, VerifiedAt: c.VerifiedAt, AssignedAt: c.AssignedAt, AnsweredAt: c.AnsweredAt,
		ClosedAt: c.ClosedAt, Disposition: disposition, FollowUp: followUp}
}

// LaporClient is SP4N-LAPOR!'s integration API: it takes one report and
// answers LAPOR!'s id of it. Off unless configured (SANTUNAN_LAPOR_URL).
type LaporClient interface {
	Send(ctx context.Context, r LaporRecord) (string, error)
}

// ErrLaporOff: no LAPOR! integration is configured.
var ErrLaporOff = errors.New("no SP4N-LAPOR! integration is configured")

// HTTPLapor posts reports as JSON to a LAPOR! integration endpoint with a
// bearer token, and reads {"id": "..."} back.
type HTTPLapor struct {
	URL    string
	Token  string
	Client *http.Client
}

// NewHTTPLapor returns the client, or nil when url is empty (off).
func NewHTTPLapor(url, token string, timeout time.Duration) LaporClient {
	if url == "" {
		return nil
	}
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	return &HTTPLapor{URL: url, Token: token, Client: &http.Client{Timeout: timeout}}
}

// Send posts one report.
func (h *HTTPLapor) Send(ctx context.Context, r LaporRecord) (string, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	if h.Token != "" {
		req.Header.Set("Authorization", "Bearer "+h.Token)
	}
	resp, err := h.Client.Do(req)
	if err != nil {
		return "", fmt.Errorf("lapor: %w", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return "", fmt.Errorf("lapor: answered %d: %s", resp.StatusCode, strings.TrimSpace(domain.StripText(string(raw))))
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || out.ID == "" || domain.TextViolation(out.ID) != "" {
		return "", fmt.Errorf("lapor: an answer without an id")
	}
	return out.ID, nil
}

// SendToLapor sends complaint id to SP4N-LAPOR! (the complaint officer).
func (s *Service) SendToLapor(ctx context.Context, viewer domain.Actor, id int64) (string, error) {
	if !CanExport(viewer.Role) {
		return "", fmt.Errorf("role %s may not send complaints to LAPOR!: %w", viewer.Role, domain.ErrForbidden)
	}
	if s.opts.Lapor == nil {
		return "", ErrLaporOff
	}
	c, err := loadWhere(s.read(ctx), "id = ?", id)
	if err != nil {
		return "", err
	}
	return s.opts.Lapor.Send(ctx, laporRecord(c))
}
