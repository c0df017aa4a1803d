package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

const trackPath = "/api/v1/public/track"

func TestPublicTrackingReadsCodesAndNIKsAsTyped(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		body := c.Code[4:8] + c.Code[9:]
		nik := c.Heir.NIK
		for _, in := range []struct{ code, nik string }{
			{"SKM" + body, nik},
			{"SKM " + body[:4] + " " + body[4:], nik[:4] + " " + nik[4:8] + " " + nik[8:12] + " " + nik[12:]},
			{strings.ToLower(c.Code), nik[:4] + "." + nik[4:8] + "." + nik[8:12] + "." + nik[12:]},
		} {
			var out struct{ Code string }
			h.expect(h.send(http.MethodPost, trackPath, "", map[string]string{"code": in.code, "heir_nik": in.nik}), http.StatusOK, &out)
			if out.Code != c.Code {
				t.Errorf("%q: code %q, want %q", in.code, out.Code, c.Code)
			}
		}
	})
}

func TestPublicTrackingLocksACodeAfterFiveWrongNIKs(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs testserver.LogBuffer
		h := start(t, db, testserver.Log(&logs))
		c := h.file(1)
		wrong := "3324150101509999"
		// A real code and an unknown one lock alike: four wrong NIKs are
		// not found, the fifth locks, and then even the right NIK is refused.
		for _, code := range []string{c.Code, "SKM-ZZZZ-ZZZZ"} {
			for range 4 {
				h.expectError(h.send(http.MethodPost, trackPath, "", map[string]string{"code": code, "heir_nik": wrong}), http.StatusNotFound, "not_found")
			}
			resp := h.send(http.MethodPost, trackPath, "", map[string]string{"code": code, "heir_nik": wrong})
			if got := resp.Header.Get("Retry-After"); got != "3601" {
				t.Errorf("%s: Retry-After %q, want an hour", code, got)
			}
			h.expectError(resp, http.StatusTooManyRequests, "tracking_locked")
			h.expectError(h.send(http.MethodPost, trackPath, "", map[string]string{"code": strings.ToLower(code), "heir_nik": c.Heir.NIK}),
				http.StatusTooManyRequests, "tracking_locked")
		}
		// The security log names the locked codes, never a NIK tried.
		out := logs.String()
		if strings.Count(out, "tracking code locked") != 2 || !strings.Contains(out, c.Code) {
			t.Errorf("log lacks the two locks:\n%s", out)
		}
		if strings.Contains(out, wrong) || strings.Contains(out, c.Heir.NIK) {
			t.Errorf("log holds a NIK:\n%s", out)
		}
		h.clock.Advance(59 * time.Minute)
		h.expectError(h.send(http.MethodPost, trackPath, "", map[string]string{"code": c.Code, "heir_nik": c.Heir.NIK}), http.StatusTooManyRequests, "tracking_locked")
		h.clock.Advance(time.Minute)
		h.expect(h.send(http.MethodPost, trackPath, "", map[string]string{"code": c.Code, "heir_nik": c.Heir.NIK}), http.StatusOK, nil)
	})
}

// Twenty wrong NIKs at once count one each: exactly four are not found,
// the rest meet the lock, none is a server error, and the right NIK is
// refused afterwards.
func TestPublicTrackingLockHoldsUnderConcurrentGuesses(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		reqs := make([]testserver.Request, 20)
		for i := range reqs {
			reqs[i] = testserver.Request{Method: http.MethodPost, Path: trackPath,
				Body: map[string]string{"code": c.Code, "heir_nik": fmt.Sprintf("33241501015%05d", 9000+i)}}
		}
		results := h.on().Race(reqs...)
		h.on().NoServerErrors(results)
		count := map[string]int{}
		for _, r := range results {
			count[fmt.Sprint(r.Status, " ", r.Code)]++
		}
		if count["404 not_found"] != 4 || count["429 tracking_locked"] != 16 {
			t.Fatalf("answers %v, want 4 not_found and 16 tracking_locked", count)
		}
		h.expectError(h.send(http.MethodPost, trackPath, "", map[string]string{"code": c.Code, "heir_nik": c.Heir.NIK}), http.StatusTooManyRequests, "tracking_locked")
	})
}
