package api_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/workflow"
)

func TestPublicTrackingShowsNothingPersonal(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.verifiedClaim(1)
		raw := h.expect(h.send(http.MethodPost, "/api/v1/public/track", "", map[string]string{"code": c.Code, "heir_nik": c.Heir.NIK}), http.StatusOK, nil)

		var generic map[string]any
		if err := json.Unmarshal(raw, &generic); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range generic {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		// estimate: the stage's due day and the office to call (issue 11), nothing personal.
		if want := []string{"amount", "code", "deceased_name", "estimate", "next_step", "office", "status", "status_kind", "status_label", "timeline", "upcoming"}; !slices.Equal(keys, want) {
			t.Fatalf("keys %v, want exactly %v", keys, want)
		}
		body := string(raw)
		for _, secret := range []string{c.Heir.NIK, c.Deceased.NIK, "1234567890", "dukcapil_clerk", "Ahmad", "Siti", "+62"} {
			if strings.Contains(body, secret) {
				t.Errorf("tracking response reveals %q: %s", secret, body)
			}
		}
		var out struct {
			DeceasedName string `json:"deceased_name"`
			StatusLabel  string `json:"status_label"`
			NextStep     string `json:"next_step"`
			Timeline     []struct {
				Status string `json:"status"`
				Label  string `json:"label"`
				At     string `json:"at"`
			} `json:"timeline"`
		}
		_ = json.Unmarshal(raw, &out)
		if out.DeceasedName != "A*** F***" || out.StatusLabel == "" || out.NextStep == "" ||
			len(out.Timeline) != 2 || out.Timeline[1].Status != "death_verified" || out.Timeline[1].At == "" {
			t.Fatalf("tracking = %+v", out)
		}
	})
}

func TestPublicTrackingGivesOneAnswerForUnknownCodeAndWrongNIK(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		wrongNIK := h.expect(h.send(http.MethodPost, "/api/v1/public/track", "", map[string]string{"code": c.Code, "heir_nik": c.Deceased.NIK}), http.StatusNotFound, nil)
		unknown := h.expect(h.send(http.MethodPost, "/api/v1/public/track", "", map[string]string{"code": "SKM-ZZZZ-ZZZZ", "heir_nik": c.Heir.NIK}), http.StatusNotFound, nil)
		if string(wrongNIK) != string(unknown) {
			t.Fatalf("answers differ:\n%s\n%s", wrongNIK, unknown)
		}
	})
}

func TestPublicTrackingIsRateLimitedPerClientIP(t *testing.T) {
	h := start(t, testdb.SQLite(t), testserver.Env("SANTUNAN_TRACK_RATE_PER_MINUTE", "10"))
	// Another unknown code each time, so that no code's own lock (five
	// wrong NIKs) answers before the client's limit.
	codes := workflow.UniformCodes()
	body := map[string]string{"code": "SKM-ZZZZ-ZZZZ", "heir_nik": "3324155505800001"}
	for i := 0; i < 10; i++ {
		body["code"] = codes[i]
		h.expect(h.send(http.MethodPost, "/api/v1/public/track", "", body), http.StatusNotFound, nil)
	}
	resp := h.send(http.MethodPost, "/api/v1/public/track", "", body)
	if resp.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	h.expectError(resp, http.StatusTooManyRequests, "rate_limited")
	// X-Forwarded-For from an untrusted peer does not buy a fresh quota.
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/api/v1/public/track", strings.NewReader(`{"code":"SKM-ZZZZ-ZZZZ","heir_nik":"3324155505800001"}`))
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	h.expectError(resp, http.StatusTooManyRequests, "rate_limited")
	// A minute later the client may try again.
	h.clock.Advance(61e9)
	body["code"] = codes[10]
	h.expect(h.send(http.MethodPost, "/api/v1/public/track", "", body), http.StatusNotFound, nil)
}

func TestTrustedProxyForwardsTheClientIP(t *testing.T) {
	h := start(t, testdb.SQLite(t), testserver.Env("SANTUNAN_TRUSTED_PROXIES", "127.0.0.1", "SANTUNAN_TRACK_RATE_PER_MINUTE", "1"))
	track := func(ip string) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/api/v1/public/track", strings.NewReader(`{"code":"SKM-ZZZZ-ZZZZ","heir_nik":"3324155505800001"}`))
		req.Header.Set("X-Forwarded-For", ip)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	h.expect(track("203.0.113.1"), http.StatusNotFound, nil)
	h.expectError(track("203.0.113.1"), http.StatusTooManyRequests, "rate_limited")
	// Behind the trusted proxy, another client has its own quota.
	h.expect(track("203.0.113.2"), http.StatusNotFound, nil)
}
