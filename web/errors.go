package web

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// pageProblem is what a page says about an error: the HTTP status and the
// stable code come from classify (the one mapping of errors), the sentence
// from the page catalog ("error.<code>"), in Indonesian.
func pageProblem(c *gin.Context, err error) (int, string) {
	status, d := httpkit.Respond(c, err)
	msg := textf(errorTextKey(d.Code), "status", i18n.StatusLabel(i18n.Indonesian, d.Status),
		"code", d.ExistingCode, "version", strconv.Itoa(d.Version))
	if !i18n.HasText("error."+d.Code) && slices.Contains(domain.AllViolations, d.Code) {
		// Some refusals (a budget ceiling) carry a violation code.
		msg = i18n.Violation(i18n.Indonesian, d.Code)
	}
	if d.Budget != nil {
		// The budget refused an approval: the year's figures, and what to do.
		msg = budgetRefusalText(d.Code, d.Budget)
	}
	if errs := fieldErrors(err); len(errs) > 0 && d.Code == httpkit.CodeValidationFailed {
		// A refusal no form shows beside its fields (a search term, a
		// field the transport refused): name each field.
		msg += " " + fieldProblems(errs)
	}
	var locked *auth.LockedError
	if errors.As(err, &locked) {
		msg = textf("error.account_locked_until", "time", formatDateTime(i18n.Indonesian, locked.Until))
	}
	var throttled *auth.ThrottledError
	if errors.As(err, &throttled) {
		msg = textf("error.login_throttled_until", "time", formatDateTime(i18n.Indonesian, throttled.Until))
	}
	var missing *domain.DocumentsMissingError
	if errors.As(err, &missing) {
		msg = textf("error.documents_missing_list", "action", actionLabel(missing.Action), "documents", kindList(missing.Missing))
	}
	return status, msg
}

// fieldProblems lists "label: violation." for each field, in field order.
func fieldProblems(errs domain.FieldErrors) string {
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(errs)) {
		parts = append(parts, fieldLabel(name)+": "+i18n.Violation(i18n.Indonesian, errs[name]))
	}
	return strings.Join(parts, " ")
}

// errorTextKey is the page text of an error code, or a general refusal
// for a code that has none (yet).
func errorTextKey(code string) string {
	if i18n.HasText("error." + code) {
		return "error." + code
	}
	return "error.refused"
}

// fieldErrors returns the per-field violations of a validation error, nil
// for any other error.
func fieldErrors(err error) domain.FieldErrors {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return nil
}

// renderError shows an error as a page of its own.
func (s *Server) renderError(c *gin.Context, err error) {
	status, msg := pageProblem(c, err)
	s.renderPlain(c, status, msg, s.homeLink(c))
}

// renderMessage shows the page text key as a page of its own.
func (s *Server) renderMessage(c *gin.Context, status int, key string, back *link) {
	s.renderPlain(c, status, text(key), back)
}

func (s *Server) renderPlain(c *gin.Context, status int, msg string, back *link) {
	s.render(c, status, "message", view{Alert: msg, AlertLink: back,
		Data: messagePage{Title: text("message.title." + strconv.Itoa(status))}})
}

type messagePage struct {
	Title string
}

// homeLink leads back to where the person started: the staff home when
// signed in, the public home page otherwise.
func (s *Server) homeLink(c *gin.Context) *link {
	if _, ok := httpkit.CurrentUser(c); ok {
		return &link{Href: "/staf", Text: text("error.back_home")}
	}
	return &link{Href: "/", Text: text("error.back_public")}
}

// noRoute answers an unknown path.
func (s *Server) noRoute(c *gin.Context) {
	s.renderMessage(c, http.StatusNotFound, "error.page_not_found", &link{Href: "/", Text: text("error.back_public")})
}

// refuse is the pages' httpkit.Answer: a refusal as a page of its own,
// which leads back where the person can go on.
func (s *Server) refuse(c *gin.Context, err error) {
	switch {
	case errors.Is(err, httpkit.ErrRateLimited):
		s.renderMessage(c, http.StatusTooManyRequests, "error.rate_limited", &link{Href: c.Request.URL.Path, Text: text("error.try_again")})
	case errors.Is(err, httpkit.ErrCrossSite):
		back := &link{Href: "/staf", Text: text("error.back_home")}
		if id, ok := httpkit.ParamID(c, "id"); ok {
			back = &link{Href: claimHref(id), Text: text("claim.back")}
		}
		s.renderMessage(c, http.StatusForbidden, "docs.cross_site", back)
	default:
		s.renderError(c, err)
	}
	c.Abort()
}
