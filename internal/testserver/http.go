package testserver

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"santunan/domain"
)

// Do sends a JSON request as the user with the role ("" for none).
func (s *Server) Do(method, path string, role domain.Role, body any) *http.Response {
	s.T.Helper()
	return s.Send(method, path, s.Tokens[role], body)
}

// Send sends a JSON request with a token ("" for none). A string body is
// sent as it is, anything else as its JSON.
func (s *Server) Send(method, path, token string, body any) *http.Response {
	s.T.Helper()
	req, err := s.request(method, path, token, body)
	if err != nil {
		s.T.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return s.roundTrip(req)
}

// Raw sends a body of any content type as the role ("" for none, and no
// Content-Type when contentType is empty).
func (s *Server) Raw(method, path string, role domain.Role, contentType string, body io.Reader) *http.Response {
	s.T.Helper()
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		s.T.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token := s.Tokens[role]; token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return s.roundTrip(req)
}

func (s *Server) request(method, path, token string, body any) (*http.Request, error) {
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	if err != nil {
		return nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req, nil
}

func (s *Server) roundTrip(req *http.Request) *http.Response {
	s.T.Helper()
	resp, err := s.Client.Do(req)
	if err != nil {
		s.T.Fatal(err)
	}
	return resp
}

// Expect checks the status, decodes the body into out (if not nil) and
// returns the body.
func (s *Server) Expect(resp *http.Response, status int, out any) []byte {
	s.T.Helper()
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		s.T.Fatal(err)
	}
	if resp.StatusCode != status {
		s.T.Fatalf("%s %s: status %d, want %d; body %s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, status, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			s.T.Fatalf("decode %s: %v", raw, err)
		}
	}
	return raw
}

// APIError is the error shape every failure has.
type APIError struct {
	Error struct {
		Code         string            `json:"code"`
		Message      string            `json:"message"`
		Fields       map[string]string `json:"fields"`
		Status       string            `json:"status"`
		Version      int               `json:"version"`
		ExistingCode string            `json:"existing_code"`
	} `json:"error"`
}

// ExpectError checks the status and that the body is the error shape with
// the code and a message.
func (s *Server) ExpectError(resp *http.Response, status int, code string) APIError {
	s.T.Helper()
	var e APIError
	s.Expect(resp, status, &e)
	if e.Error.Code != code || e.Error.Message == "" {
		s.T.Fatalf("error %+v, want code %s with a message", e.Error, code)
	}
	return e
}
