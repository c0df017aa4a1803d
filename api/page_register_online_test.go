package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
)

// fakeDukcapil stands in for Dukcapil's web service (outside our walls)
// behind deathregister.RegistryClient: an answer per NIK, and a count of
// the questions asked.
type fakeDukcapil struct {
	mu      sync.Mutex
	answers map[string]fakeAnswer
	asked   int
}

type fakeAnswer struct {
	rec deathregister.RegistryRecord
	err error
}

func (f *fakeDukcapil) LookupDeath(_ context.Context, nik string) (deathregister.RegistryRecord, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	a, ok := f.answers[nik]
	if !ok {
		return deathregister.RegistryRecord{}, false, nil
	}
	return a.rec, a.err == nil, a.err
}

func (f *fakeDukcapil) questions() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.asked
}

// dukcapilRecord is the service's record of fixture claim n's deceased.
func dukcapilRecord(n int, died, akta string) fakeAnswer {
	return fakeAnswer{rec: deathregister.RegistryRecord{NIK: fixture.ClaimInput(n).Deceased.NIK, FullName: "Ahmad Fauzi", Sex: "L",
		DateOfDeath: died, DeathCertificateNo: akta, VillageCode: "3324151001", RegisteredOn: "2026-11-22"}}
}

func onlinePath(id int64) string { return claimPath(id) + "/register-daring" }

const onlineButton = "Periksa ke Dukcapil (daring)"

// Without a Dukcapil web service there is no button, and a stale form is
// answered on the claim page.
func TestOnlineCheckAbsentWithoutService(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := startWith(t, db, []capability{withEvidence(nil)})
		c := h.file(1)
		clerk := h.staff(domain.RoleDukcapilClerk)
		p := clerk.get(claimPath(c.ID)).want(http.StatusOK).has("Register kematian Dukcapil").hasNot(onlineButton)
		if strings.Contains(p.body, onlinePath(c.ID)) {
			t.Fatal("the claim page posts to the online check without a service")
		}
		clerk.post(onlinePath(c.ID), url.Values{}).want(http.StatusNotImplemented).
			has(text(t, "error.registry_not_configured"), "Klaim "+c.Code)
	})
}

// The clerk asks Dukcapil from the claim page; what the service found is
// stored in the register, so the page's match and notice say it.
func TestOnlineCheckFromTheClaimPage(t *testing.T) {
	cases := []struct {
		name   string
		answer *fakeAnswer // nil: the service knows no death for the NIK
		status int
		texts  []string
	}{
		{"found and agrees", ptr(dukcapilRecord(1, "2026-11-20", "3324-KM-20112026-0001")), http.StatusOK,
			[]string{"Dukcapil mencatat kematian ini, dan datanya cocok dengan klaim.", "Cocok dengan register kematian", "3324-KM-20112026-0001"}},
		{"found with another date", ptr(dukcapilRecord(2, "2026-11-18", "3324-KM-18112026-0002")), http.StatusOK,
			[]string{"Dukcapil mencatat kematian ini, tetapi datanya berbeda dengan klaim.", "Berbeda dengan register kematian",
				"Perbedaan data klaim dengan register", "18 November 2026", "3324-KM-18112026-0002"}},
		{"not found", nil, http.StatusOK,
			[]string{"Dukcapil tidak menemukan data kematian untuk NIK almarhum/almarhumah.", "Tidak ada di register kematian"}},
		{"service down", &fakeAnswer{err: errors.New("dial tcp: connection refused")}, http.StatusBadGateway,
			[]string{"Layanan data kematian Dukcapil sedang tidak dapat dihubungi.", "Ke bagian register kematian", "Tidak ada di register kematian"}},
	}
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		dukcapil := &fakeDukcapil{answers: map[string]fakeAnswer{}}
		h := startWith(t, db, []capability{withEvidence(dukcapil)})
		clerk := h.staff(domain.RoleDukcapilClerk)
		for i, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				clerk.t = t
				defer func() { clerk.t = h.t }()
				c := h.file(i + 1)
				if tt.answer != nil {
					dukcapil.mu.Lock()
					dukcapil.answers[fixture.ClaimInput(i+1).Deceased.NIK] = *tt.answer
					dukcapil.mu.Unlock()
				}
				p := clerk.get(claimPath(c.ID)).want(http.StatusOK).has(onlineButton, "Tidak ada di register kematian")
				p.hasHTML(`action="` + onlinePath(c.ID) + `"`)
				asked := dukcapil.questions()
				r := clerk.post(onlinePath(c.ID), url.Values{})
				if dukcapil.questions() != asked+1 {
					t.Fatalf("the service was asked %d times, want once", dukcapil.questions()-asked)
				}
				if tt.status == http.StatusOK {
					r.wantRedirect(claimPath(c.ID) + "?daring=")
					r = clerk.follow(r)
				}
				r.want(tt.status).has(append(tt.texts, "Klaim "+c.Code)...)
				// A reload of the claim page asks nothing.
				clerk.get(claimPath(c.ID)).want(http.StatusOK)
				if dukcapil.questions() != asked+1 {
					t.Fatal("showing the claim page asked the service")
				}
			})
		}
		clerk.t = t

		// Only the clerk asks: others see no button and are refused.
		c := h.file(9)
		for _, role := range []domain.Role{domain.RoleDinsosOfficer, domain.RoleAuditor, domain.RoleTreasurer} {
			v := h.staff(role)
			v.get(claimPath(c.ID)).want(http.StatusOK).hasNot(onlineButton)
			v.post(onlinePath(c.ID), url.Values{}).want(http.StatusForbidden).has(text(t, "error.forbidden"))
		}
		// A form without the session's CSRF token is refused before the service is asked.
		asked := dukcapil.questions()
		clerk.get(claimPath(c.ID)).has(onlineButton)
		clerk.post(onlinePath(c.ID), url.Values{"_csrf": {""}}).want(http.StatusForbidden).has("Formulir tidak dapat diterima")
		clerk.post(onlinePath(c.ID), url.Values{"_csrf": {"palsu"}}).want(http.StatusForbidden).has("Formulir tidak dapat diterima")
		if dukcapil.questions() != asked {
			t.Fatal("a form without the CSRF token reached the service")
		}
		clerk.post(onlinePath(999999), url.Values{}).want(http.StatusNotFound)
	})
}

func ptr[T any](v T) *T { return &v }
