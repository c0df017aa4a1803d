package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// Stopping messages from the tracking result: the heir retypes the NIK
// (the page never echoes it), the same proof and limit as tracking.

// stopMessagesForm has the code as a hidden field and asks for the NIK.
func stopMessagesForm(code, nik string) formView {
	nikField := textField("heir_nik", nik, true)
	nikField.InputMode, nikField.Autocomplete = "numeric", "off"
	f := formView{Action: "/lacak/hentikan-pesan", Hidden: []hiddenField{{Name: "code", Value: code}},
		Sections: []formSection{{Fields: []formField{nikField}}}, Submit: text("stop_messages.submit"), SubmitClass: "secondary"}
	f.prefixIDs("stop-")
	return f
}

func (s *Server) pageStopMessages(c *gin.Context) {
	code, nik := c.PostForm("code"), c.PostForm("heir_nik")
	form := trackForm(code, "")
	if err := checkLimits(c.PostForm, trackLimits...); err != nil {
		form.applyErrors(fieldErrors(err))
		s.render(c, http.StatusUnprocessableEntity, "track", view{Data: trackPage{Form: form}})
		return
	}
	_, err := s.Engine.StopMessages(c.Request.Context(), code, nik)
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "track", view{Data: trackPage{Form: form}})
		return
	}
	if err != nil {
		status, msg := pageProblem(c, err)
		var locked *domain.TrackingLockedError
		switch {
		case status == http.StatusNotFound:
			msg = text("track.not_found")
		case errors.As(err, &locked):
			msg = s.trackingLockedText(locked)
		}
		s.render(c, status, "track", view{Alert: msg, Data: trackPage{Form: form}})
		return
	}
	s.render(c, http.StatusOK, "track", view{Notice: text("stop_messages.done"), Data: trackPage{Form: form}})
}
