package deathregister_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
)

// fakeDukcapil stands for Dukcapil's web service, outside our walls.
func fakeDukcapil(t *testing.T, answers map[string]any) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Header.Get("X-API-Key") != "kunci-rahasia" || r.URL.RawQuery != "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var body struct {
			NIK string `json:"nik"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		switch a := answers[body.NIK].(type) {
		case nil:
			w.WriteHeader(http.StatusNotFound)
		case int:
			w.WriteHeader(a)
		default:
			_ = json.NewEncoder(w).Encode(a)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestOnlineCheck(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		nik := func(n int) string { return fixture.ClaimInput(n).Deceased.NIK }
		srv := fakeDukcapil(t, map[string]any{
			nik(1): map[string]string{"nik": nik(1), "full_name": "Ahmad Fauzi", "sex": "L", "date_of_death": "2026-11-20",
				"death_certificate_no": "3324-KM-0001", "village_code": "3324151001", "registered_on": "2026-11-21"},
			nik(2): http.StatusInternalServerError,
			nik(3): map[string]string{"nik": nik(3), "full_name": "Ahmad Fauzi", "sex": "L", "date_of_death": "2026-11-20",
				"death_certificate_no": "3324-KM-0003", "village_code": "9999999999", "registered_on": "2026-11-21"},
		})
		k := newKit(t, db, deathregister.NewHTTPRegistry(srv.URL, "kunci-rahasia", 5*time.Second))
		ctx := context.Background()
		claims := map[int]int64{}
		for n := 1; n <= 4; n++ {
			c, err := k.engine.Submit(ctx, k.clerk, fixture.ClaimInput(n))
			if err != nil {
				t.Fatal(err)
			}
			claims[n] = c.ID
		}

		got, err := k.reg.CheckOnline(ctx, k.clerk, claims[1])
		if err != nil || !got.Found || got.Match.Outcome != domain.MatchAgrees || got.Match.Record.Source != "online" {
			t.Fatalf("found: %+v %v", got, err)
		}
		again, err := k.reg.CheckOnline(ctx, k.clerk, claims[1])
		if err != nil || again.Match.Records != 1 {
			t.Fatalf("second check stored the record twice: %+v %v", again, err)
		}
		if got, err := k.reg.CheckOnline(ctx, k.clerk, claims[4]); err != nil || got.Found || got.Match.Outcome != domain.MatchNotFound {
			t.Fatalf("not found: %+v %v", got, err)
		}
		for _, n := range []int{2, 3} {
			if _, err := k.reg.CheckOnline(ctx, k.clerk, claims[n]); !errors.Is(err, domain.ErrRegistryUnavailable) {
				t.Fatalf("claim %d: %v", n, err)
			}
		}
		if _, err := k.reg.CheckOnline(ctx, k.officer, claims[1]); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("officer: %v", err)
		}
		wrongKey := newKit(t, db, deathregister.NewHTTPRegistry(srv.URL, "salah", 5*time.Second))
		if _, err := wrongKey.reg.CheckOnline(ctx, wrongKey.clerk, claims[1]); !errors.Is(err, domain.ErrRegistryUnavailable) {
			t.Fatalf("wrong key: %v", err)
		}
		off := newKit(t, db, deathregister.NewHTTPRegistry("", "", time.Second))
		if _, err := off.reg.CheckOnline(ctx, off.clerk, claims[1]); !errors.Is(err, domain.ErrRegistryOff) {
			t.Fatalf("off: %v", err)
		}
	})
}
