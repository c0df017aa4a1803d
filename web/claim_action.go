package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

// Taking an action from a page: the same limits (form_limits.go) and the same
// engine.Apply as POST /api/v1/claims/:id/actions/:action.

type actionPage struct {
	Claim domain.Claim
	Label string
	Form  formView
	// Prefilled says where the form's values come from when not from the
	// claim (the heir's proposed account, web/claim_proposal.go).
	Prefilled string
}

// pageActionForm shows an action's form on a page of its own (the long
// ones, and any action after a validation error).
func (s *Server) pageActionForm(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	a := domain.Action(c.Param("action"))
	cl, err := s.Engine.Get(c.Request.Context(), id)
	if err == nil {
		err = s.Engine.Table().Check(httpkit.MustUser(c).Role, a, cl.Status)
	}
	if a == domain.ActionSubmit {
		err = domain.ErrNotFound
	}
	if err != nil {
		s.actionRefused(c, id, err)
		return
	}
	formClaim, prefilled, err := s.retryPrefill(c.Request.Context(), cl, a)
	if err != nil {
		s.renderError(c, err)
		return
	}
	form := s.actionForm(formClaim, a, nil)
	s.verifyFormAgain(c, &form, cl, a, nil)
	s.render(c, http.StatusOK, "claim_action", view{Data: actionPage{Claim: cl, Label: actionLabel(a), Form: form,
		Prefilled: prefilled}})
}

func (s *Server) pageTakeAction(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	a := domain.Action(c.Param("action"))
	in, err := s.actionInputFrom(a, c.PostForm)
	if err == nil {
		_, err = s.Engine.Apply(c.Request.Context(), httpkit.MustUser(c).Actor(), id, a, in)
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, claimHref(id)+"?berhasil="+string(a))
		return
	}
	errs := fieldErrors(err)
	if errs == nil {
		errs = mismatchErrors(err) // the death register differs: confirm on the form
	}
	if errs == nil && !errors.Is(err, domain.ErrDuplicateClaim) {
		s.actionRefused(c, id, err)
		return
	}
	// The input was refused (invalid, or a corrected NIK that another live
	// claim has): the action's own page, with what was typed.
	cl, gerr := s.Engine.Get(c.Request.Context(), id)
	if gerr != nil {
		s.renderError(c, gerr)
		return
	}
	v := view{}
	status := http.StatusUnprocessableEntity
	form := s.actionForm(cl, a, c.PostForm)
	s.verifyFormAgain(c, &form, cl, a, c.PostForm)
	if errs != nil {
		form.applyErrors(errs)
	} else {
		status, v.Alert = pageProblem(c, err)
	}
	s.render(c, status, "claim_action", v.with(actionPage{Claim: cl, Label: actionLabel(a), Form: form}))
}

// actionRefused explains why an action could not be taken: on the claim
// page as it is now, with the reason and a reload link, so that a stale page
// (someone else acted first) or a refusal by a capability's rule (a budget
// ceiling, a missing document) is clear and nothing is silently overwritten.
// A claim that cannot be shown at all gets a page of its own.
func (s *Server) actionRefused(c *gin.Context, id int64, err error) {
	status, msg := pageProblem(c, err)
	switch {
	case status == http.StatusNotFound:
		s.renderPlain(c, status, msg, s.homeLink(c))
	case status == http.StatusForbidden, status >= http.StatusInternalServerError:
		s.renderPlain(c, status, msg, &link{Href: claimHref(id), Text: text("claim.back")})
	default:
		s.showClaim(c, id, status, view{Alert: msg, AlertLink: &link{Href: claimHref(id), Text: text("claim.reload")}})
	}
}
