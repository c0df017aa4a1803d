package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/deathregister"
	"santunan/domain"
	"santunan/httpkit"
)

// The clerk's online check of a claim against Dukcapil's web service, from
// the register section of the claim page: the same service call as
// POST /api/v1/claims/:id/death-record-match/online. The button is offered
// only when a service is configured (deathregister.Service.OnlineEnabled);
// a death the service knows is stored in the register, so the match on the
// claim page (and the verify_death guard) sees it at once.

func registerOnlineHref(claimID int64) string { return claimHref(claimID) + "/register-daring" }

// onlineCheckForm is the button: a form with no fields but the CSRF token.
func onlineCheckForm(claimID int64, csrf string) *formView {
	return &formView{Action: registerOnlineHref(claimID), CSRF: csrf, Submit: text("match.online_check"), SubmitClass: "secondary"}
}

// onlineNotices are the claim page's notices after a check, by the value
// of ?daring= in the redirect (after-POST-redirect, so a reload does not
// ask Dukcapil again).
var onlineNotices = map[string]string{
	"cocok":     "match.online_match",
	"berbeda":   "match.online_mismatch",
	"tidak-ada": "match.online_not_found",
}

// onlineOutcome names what the service answered: no death, or a death
// that agrees with the claim, or one that does not (a record the register
// could not take counts as not agreeing: the clerk must look closer).
func onlineOutcome(res deathregister.OnlineCheck) string {
	switch {
	case !res.Found:
		return "tidak-ada"
	case res.Match.Outcome == domain.MatchAgrees:
		return "cocok"
	}
	return "berbeda"
}

// pageRegisterOnline asks the service and goes back to the claim page with
// what it found. A service that is off or does not answer leaves the clerk
// on the claim page with the reason; the register match shown is the one
// from the imports.
func (s *Server) pageRegisterOnline(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	res, err := s.DeathRegister.CheckOnline(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err == nil {
		c.Redirect(http.StatusSeeOther, claimHref(id)+"?daring="+onlineOutcome(res)+"#register")
		return
	}
	status, msg := pageProblem(c, err)
	if errors.Is(err, domain.ErrRegistryUnavailable) || errors.Is(err, domain.ErrRegistryOff) {
		// The error may quote the service's URL, never the NIK (sent in the body).
		httpkit.Logger(c).Warn("dukcapil online check failed", "claim_id", id, "error", err.Error())
		s.showClaim(c, id, status, view{Alert: msg, AlertLink: &link{Href: "#register", Text: text("match.to_register")}})
		return
	}
	s.renderPlain(c, status, msg, &link{Href: claimHref(id), Text: text("claim.back")})
}
