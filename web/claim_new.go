package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

// The clerk's form to file a claim. It posts to the same engine call as
// POST /api/v1/claims, within the same limits.

type newClaimPage struct {
	Form formView
}

func (s *Server) newClaimForm(in domain.ClaimInput) formView {
	return formView{Action: "/staf/klaim/baru",
		Sections: []formSection{s.deceasedSection(in.Deceased), heirSection(in.Heir), bankSection(in.BankAccount)},
		Submit:   text("claim_new.submit"), Cancel: &link{Href: "/staf", Text: text("form.cancel")}}
}

func (s *Server) pageNewClaim(c *gin.Context) {
	s.render(c, http.StatusOK, "claim_new", view{Data: newClaimPage{Form: s.newClaimForm(domain.ClaimInput{})}})
}

func (s *Server) pageCreateClaim(c *gin.Context) {
	in, err := claimInputFrom(c.PostForm)
	var claim domain.Claim
	if err == nil {
		claim, err = s.Engine.Submit(c.Request.Context(), httpkit.MustUser(c).Actor(), in)
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, claimHref(claim.ID)+"?berhasil="+string(domain.ActionSubmit))
		return
	}
	// Whatever went wrong, the clerk keeps what was typed.
	form := s.newClaimForm(in)
	v := view{Data: newClaimPage{Form: form}}
	status := http.StatusUnprocessableEntity
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		v.Data = newClaimPage{Form: form}
	} else {
		status, v.Alert = pageProblem(c, err)
		var dup *domain.DuplicateClaimError
		if errors.As(err, &dup) {
			v.AlertLink = &link{Href: "/staf?q=" + dup.ExistingCode, Text: textf("claim_new.open_existing", "code", dup.ExistingCode)}
		}
	}
	s.render(c, status, "claim_new", v)
}

func claimHref(id int64) string { return "/staf/klaim/" + strconv.FormatInt(id, 10) }
