package complaints

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"santunan/domain"
)

// The LAPOR! adapter: off without a URL; a refusal or an answer without an
// id is an error naming the status, never a success.
func TestHTTPLaporAnswers(t *testing.T) {
	if NewHTTPLapor("", "", 0) != nil {
		t.Fatal("an empty URL must be off")
	}
	cases := []struct {
		status int
		body   string
		want   string // "" for success
	}{
		{200, `{"id":"L-1"}`, ""},
		{201, `{"id":"L-2"}`, ""},
		{200, `{}`, "without an id"},
		{200, `not json`, "without an id"},
		{401, `{"error":"token"}`, "answered 401"},
		{500, "", "answered 500"},
	}
	for _, tc := range cases {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer t" || r.Header.Get("Content-Type") != "application/json" {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			w.WriteHeader(tc.status)
			_, _ = w.Write([]byte(tc.body))
		}))
		id, err := NewHTTPLapor(srv.URL, "t", time.Second).Send(context.Background(),
			laporRecord(Complaint{Code: "ADU-0000-0000-0001", Category: domain.CategoryOther, Confidential: true, Text: "rahasia sekali"}))
		srv.Close()
		switch {
		case tc.want == "" && (err != nil || id == ""):
			t.Errorf("%d %s: %q %v", tc.status, tc.body, id, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%d %s: %v, want %q", tc.status, tc.body, err, tc.want)
		}
	}
	if r := laporRecord(Complaint{Confidential: true, Text: "isi", Answer: "jawaban"}); r.Content != Withheld || r.FollowUp != Withheld {
		t.Fatalf("a rahasia record shows %+v", r)
	}
}
