package testserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"

	"santunan/domain"
)

// Request is one request of a race.
type Request struct {
	Method, Path string
	Role         domain.Role
	// Body is sent as JSON (like Do), unless ContentType is set: then
	// Body must be a []byte or string sent as it is.
	Body        any
	ContentType string
}

// Result is how one raced request ended.
type Result struct {
	Status int
	Body   []byte
	// Code is the error code when the body has the error shape.
	Code string
	// Err is a transport error (no answer at all).
	Err error
}

func (r Result) String() string {
	if r.Err != nil {
		return "error: " + r.Err.Error()
	}
	if r.Code != "" {
		return fmt.Sprintf("%d %s", r.Status, r.Code)
	}
	return fmt.Sprint(r.Status)
}

// Times is n copies of r.
func Times(n int, r Request) []Request {
	out := make([]Request, n)
	for i := range out {
		out[i] = r
	}
	return out
}

// Race sends every request at once: each from its own goroutine, all
// released together when every goroutine is ready. It returns the results
// in the order of the requests, and never fails the test itself.
func (s *Server) Race(reqs ...Request) []Result {
	out := make([]Result, len(reqs))
	var ready, done sync.WaitGroup
	gate := make(chan struct{})
	for i, r := range reqs {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			req, err := s.raceRequest(r)
			ready.Done()
			if err != nil {
				out[i] = Result{Err: err}
				return
			}
			<-gate
			out[i] = s.result(req)
		}()
	}
	ready.Wait()
	close(gate)
	done.Wait()
	return out
}

func (s *Server) raceRequest(r Request) (*http.Request, error) {
	if r.ContentType == "" {
		req, err := s.request(r.Method, r.Path, s.Tokens[r.Role], r.Body)
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
		return req, err
	}
	var body io.Reader
	switch b := r.Body.(type) {
	case []byte:
		body = bytes.NewReader(b)
	case string:
		body = strings.NewReader(b)
	case io.Reader:
		body = b
	}
	req, err := http.NewRequest(r.Method, s.URL+r.Path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", r.ContentType)
	if token := s.Tokens[r.Role]; token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req, nil
}

func (s *Server) result(req *http.Request) Result {
	resp, err := s.Client.Do(req)
	if err != nil {
		return Result{Err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	res := Result{Status: resp.StatusCode, Body: raw, Err: err}
	var e APIError
	if resp.StatusCode >= 400 && json.Unmarshal(raw, &e) == nil {
		res.Code = e.Error.Code
	}
	return res
}

// Tally counts results by their String ("200", "409 invalid_transition").
func Tally(results []Result) map[string]int {
	out := map[string]int{}
	for _, r := range results {
		out[r.String()]++
	}
	return out
}

// Describe is a tally in a stable order, for a failure message.
func Describe(results []Result) string {
	t := Tally(results)
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d×%s", t[k], k)
	}
	return strings.Join(parts, ", ")
}

// NoServerErrors fails the test if any result is a 5xx or had no answer,
// quoting the first such body.
func (s *Server) NoServerErrors(results []Result) {
	s.T.Helper()
	for _, r := range results {
		if r.Err != nil || r.Status >= 500 {
			s.T.Fatalf("a raced request failed on the server: %s (%s); all: %s", r, r.Body, Describe(results))
		}
	}
}
