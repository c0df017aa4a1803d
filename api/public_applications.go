package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/applications"
	"santunan/domain"
)

// Route patterns of the public's online forms (their bodies carry files).
const (
	routePublicApplications = "/api/v1/public/applications"
	routePublicCorrections  = "/api/v1/public/corrections"
)

type publicHeirRequest struct {
	NIK           string `json:"nik" binding:"max=32"`
	FullName      string `json:"full_name" binding:"max=200"`
	Relationship  string `json:"relationship" binding:"max=32"`
	NotifyConsent bool   `json:"notify_consent"`
}

func (r publicHeirRequest) input() domain.HeirInput {
	return domain.HeirInput{NIK: r.NIK, FullName: r.FullName, Relationship: r.Relationship, NotifyConsent: r.NotifyConsent}
}

// applicationRequest is the "application" part. The heir's phone is the
// verified one, so it is not sent.
type applicationRequest struct {
	Deceased       deceasedRequest    `json:"deceased"`
	Heir           publicHeirRequest  `json:"heir"`
	BankAccount    bankAccountRequest `json:"bank_account"`
	PrivacyConsent bool               `json:"privacy_consent"`
}

type publicClaimResponse struct {
	Code        string        `json:"code"`
	Status      domain.Status `json:"status"`
	TrackingURL string        `json:"tracking_url"`
}

func (s *Server) publicClaim(c domain.Claim) publicClaimResponse {
	return publicClaimResponse{Code: c.Code, Status: c.Status, TrackingURL: s.PublicURL + "/lacak?kode=" + c.Code}
}

// createApplication files an online application (X-Phone-Token of an
// apply check) with its documents.
func (s *Server) createApplication(c *gin.Context) {
	var req applicationRequest
	docs, ok := s.readPublicForm(c, "application", &req)
	if !ok {
		return
	}
	claim, err := s.Applications.Apply(c.Request.Context(), c.GetHeader(PhoneTokenHeader), applications.Application{
		Claim:   domain.ClaimInput{Deceased: req.Deceased.input(), Heir: req.Heir.input(), BankAccount: req.BankAccount.input()},
		Consent: req.PrivacyConsent, Documents: docs,
	})
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, s.publicClaim(claim))
}
