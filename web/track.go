package web

import (
	"net/http"
	"time"

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

type trackResult struct {
	Code         string
	Status       domain.Status
	DeceasedName string
	Amount       domain.Rupiah
	Stages       []trackStep
	Upcoming     []domain.Status // the usual stages still ahead
	NextStep     string
	// StopForm stops messages about the claim (the heir retypes the NIK);
	// nil when no messages are sent.
	StopForm *formView
}

type trackStep struct {
	Status domain.Status
	At     time.Time
}

// happyPath is the usual order of stages, to show the heir what is ahead.
var happyPath = []domain.Status{domain.StatusSubmitted, domain.StatusDeathVerified, domain.StatusApproved,
	domain.StatusDisbursing, domain.StatusPaid}

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
	if err := checkLimits(c.PostForm, trackLimits...); err != nil {
		form.applyErrors(fieldErrors(err))
		s.render(c, http.StatusUnprocessableEntity, "track", view{Data: trackPage{Form: form}})
		return
	}
	t, err := s.Engine.Track(c.Request.Context(), code, nik)
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "track", view{Data: trackPage{Form: form}})
		return
	}
	if err != nil {
		status, msg := pageProblem(c, err)
		if status == http.StatusNotFound {
			msg = text("track.not_found")
		}
		s.render(c, status, "track", view{Alert: msg, Data: trackPage{Form: form}})
		return
	}
	res := &trackResult{Code: t.Code, Status: t.Status, DeceasedName: i18n.MaskName(t.DeceasedName), Amount: t.Amount,
		NextStep: i18n.NextStep(i18n.Indonesian, t.Status, t.Reason)}
	if t.MessagesOn {
		f := stopMessagesForm(t.Code, "")
		res.StopForm = &f
	}
	for _, st := range t.Timeline {
		// Events that change no status (a document attached) are no stage.
		if n := len(res.Stages); n > 0 && res.Stages[n-1].Status == st.Status {
			continue
		}
		res.Stages = append(res.Stages, trackStep{Status: st.Status, At: st.At})
	}
	for i, st := range happyPath {
		if st == t.Status {
			res.Upcoming = happyPath[i+1:]
		}
	}
	// The NIK is not echoed back: a shared phone shows only the code.
	s.render(c, http.StatusOK, "track", view{Data: trackPage{Form: trackForm(t.Code, ""), Result: res,
		Receipt: heirReceiptForm(t.Code)}})
}
