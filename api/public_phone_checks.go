package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/applications"
	"santunan/domain"
)

// The public's phone checks (applications/): a code sent to a phone, then
// the code entered, which gives a token for X-Phone-Token.

// PhoneTokenHeader carries a verified phone check's token.
const PhoneTokenHeader = "X-Phone-Token"

type phoneCheckRequest struct {
	Phone string `json:"phone" binding:"required,max=32"`
	// Purpose is what the verified phone is for: "apply" (the default, an
	// online application) or "complaint" (a complaint, api/complaints_public.go).
	Purpose string `json:"purpose" binding:"omitempty,oneof=apply complaint"`
}

type phoneCheckResponse struct {
	CheckID     string    `json:"check_id"`
	ExpiresAt   time.Time `json:"expires_at"`
	PhoneMasked string    `json:"phone_masked"`
}

func checkResponse(ch applications.Check) phoneCheckResponse {
	return phoneCheckResponse{CheckID: ch.ID, ExpiresAt: ch.ExpiresAt, PhoneMasked: ch.MaskedPhone}
}

// startPhoneCheck sends a one-time code to a phone for an online application.
func (s *Server) startPhoneCheck(c *gin.Context) {
	var req phoneCheckRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	start := s.Applications.StartApply
	if req.Purpose == domain.PurposeComplaint {
		start = s.Applications.StartComplaint
	}
	ch, err := start(c.Request.Context(), req.Phone)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, checkResponse(ch))
}
