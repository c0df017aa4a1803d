package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
)

// The heirs' tracking page. The form posts (never a GET query) so that the
// heir's NIK stays out of the address bar, history and proxy logs.

type trackPage struct {
	Form   formView
	Result *trackResult
	// Receipt asks the NIK again for the result's receipt (web/receipt.go).
	Receipt *formView
}

func trackForm(code, nik string) formView {
	codeField := textField("code", code, true)
	codeField.Autocomplete = "off"
	nikField := textField("heir_nik", nik, true)
	nikField.InputMode, nikField.Autocomplete = "numeric", "off"
	return formView{Action: "/lacak", Sections: []formSection{{Fields: []formField{codeField, nikField}}},
		Submit: text("track.submit")}
}

func (s *Server) pageTrackForm(c *gin.Context) {
	s.render(c, http.StatusOK, "track", view{Data: trackPage{Form: trackForm(c.Query("kode"), "")}})
}

func (s *Server) pageTrack(c *gin.Context) {
	code, nik := c.PostForm("code"), c.PostForm("heir_nik")
	form := trackForm(code, nik)
	refused := func(status int, alert string) {
		s.render(c, status, "track", view{Alert: alert, Data: trackPage{Form: form}})
	}
	if err := checkLimits(c.PostForm, trackLimits...); err != nil {
		form.applyErrors(fieldErrors(err))
		refused(http.StatusUnprocessableEntity, "")
		return
	}
	t, err := s.Engine.Track(c.Request.Context(), code, nik)
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		refused(http.StatusUnprocessableEntity, "")
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
		refused(status, msg)
		return
	}
	cal, err := s.Calendar.Calendar(c.Request.Context())
	if err != nil {
		s.renderError(c, err)
		return
	}
	// The NIK is not echoed back: a shared phone shows only the code.
	s.render(c, http.StatusOK, "track", view{Data: trackPage{Form: trackForm(t.Code, ""),
		Result: s.trackResultOf(t, cal), Receipt: heirReceiptForm(t.Code)}})
}

// trackingLockedText says until when a code is locked and whom to contact:
// Dinas Sosial, which answers for the programme. The claim's own office is
// not named, since that would tell its status to whoever holds the code.
func (s *Server) trackingLockedText(locked *domain.TrackingLockedError) string {
	office := text("track.locked_office")
	if o, ok := s.Offices.Get(domain.OfficeDinsos); ok {
		office = o.Name
		if o.Phone != "" {
			office += ", " + textf("track.locked_phone", "phone", o.Phone)
		}
	}
	return textf("track.locked", "time", formatDateTime(i18n.Indonesian, locked.Until), "office", office)
}
