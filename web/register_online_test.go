package web_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func onlinePath(id int64) string { return claimPath(id) + "/register-daring" }

const onlineButton = "Periksa ke Dukcapil (daring)"

// Without a Dukcapil web service (none is configured by default, as in
// many regencies) there is no button, and a stale form is answered on the
// claim page.
func TestOnlineCheckAbsentWithoutService(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
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
		rec    *deathregister.RegistryRecord // nil: the service knows no death for the NIK
		err    error                         // the service cannot answer
		status int
		texts  []string
	}{
		{"found and agrees", ptr(testserver.DukcapilRecord(1, "2026-11-20", "3324-KM-20112026-0001")), nil, http.StatusOK,
			[]string{"Dukcapil mencatat kematian ini, dan datanya cocok dengan klaim.", "Cocok dengan register kematian", "3324-KM-20112026-0001"}},
		{"found with another date", ptr(testserver.DukcapilRecord(2, "2026-11-18", "3324-KM-18112026-0002")), nil, http.StatusOK,
			[]string{"Dukcapil mencatat kematian ini, tetapi datanya berbeda dengan klaim.", "Berbeda dengan register kematian",
				"Perbedaan data klaim dengan register", "18 November 2026", "3324-KM-18112026-0002"}},
		{"not found", nil, nil, http.StatusOK,
			[]string{"Dukcapil tidak menemukan data kematian untuk NIK almarhum/almarhumah.", "Tidak ada di register kematian"}},
		{"service down", nil, errors.New("dial tcp: connection refused"), http.StatusBadGateway,
			[]string{"Layanan data kematian Dukcapil sedang tidak dapat dihubungi.", "Ke bagian register kematian", "Tidak ada di register kematian"}},
	}
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		dukcapil := testserver.NewFakeDukcapil()
		h := start(t, db, testserver.Registry(dukcapil))
		clerk := h.staff(domain.RoleDukcapilClerk)
		for i, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				clerk.t = t
				defer func() { clerk.t = h.T }()
				c := h.File(i + 1)
				switch {
				case tt.rec != nil:
					dukcapil.Knows(*tt.rec)
				case tt.err != nil:
					dukcapil.Fails(fixture.ClaimInput(i+1).Deceased.NIK, tt.err)
				}
				p := clerk.get(claimPath(c.ID)).want(http.StatusOK).has(onlineButton, "Tidak ada di register kematian")
				p.hasHTML(`action="` + onlinePath(c.ID) + `"`)
				asked := dukcapil.Questions()
				r := clerk.post(onlinePath(c.ID), url.Values{})
				if dukcapil.Questions() != asked+1 {
					t.Fatalf("the service was asked %d times, want once", dukcapil.Questions()-asked)
				}
				if tt.status == http.StatusOK {
					r.wantRedirect(claimPath(c.ID) + "?daring=")
					r = clerk.follow(r)
				}
				r.want(tt.status).has(append(tt.texts, "Klaim "+c.Code)...)
				// A reload of the claim page asks nothing.
				clerk.get(claimPath(c.ID)).want(http.StatusOK)
				if dukcapil.Questions() != asked+1 {
					t.Fatal("showing the claim page asked the service")
				}
			})
		}
		clerk.t = t

		// Only the clerk asks: others see no button and are refused.
		c := h.File(9)
		for _, role := range []domain.Role{domain.RoleDinsosOfficer, domain.RoleAuditor, domain.RoleTreasurer} {
			v := h.staff(role)
			v.get(claimPath(c.ID)).want(http.StatusOK).hasNot(onlineButton)
			v.post(onlinePath(c.ID), url.Values{}).want(http.StatusForbidden).has(text(t, "error.forbidden"))
		}
		// A form without the session's CSRF token is refused before the service is asked.
		asked := dukcapil.Questions()
		clerk.get(claimPath(c.ID)).has(onlineButton)
		clerk.post(onlinePath(c.ID), url.Values{"_csrf": {""}}).want(http.StatusForbidden).has("Formulir tidak dapat diterima")
		clerk.post(onlinePath(c.ID), url.Values{"_csrf": {"palsu"}}).want(http.StatusForbidden).has("Formulir tidak dapat diterima")
		if dukcapil.Questions() != asked {
			t.Fatal("a form without the CSRF token reached the service")
		}
		clerk.post(onlinePath(999999), url.Values{}).want(http.StatusNotFound)
	})
}

func ptr[T any](v T) *T { return &v }
