package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

type budgetRequest struct {
	// Ceiling is the year's pagu in rupiah.
	Ceiling *int64 `json:"ceiling"`
}

func (s *Server) setBudget(c *gin.Context) {
	year, ok := pathYear(c)
	if !ok {
		return
	}
	var req budgetRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	if req.Ceiling == nil {
		writeError(c, domain.FieldError("ceiling", domain.ViolationRequired))
		return
	}
	b, created, err := s.Payments.SetBudget(c.Request.Context(), httpkit.MustUser(c).Actor(), year, domain.Rupiah(*req.Ceiling))
	if err != nil {
		writeError(c, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	c.JSON(status, b)
}

func (s *Server) getBudget(c *gin.Context) {
	year, ok := pathYear(c)
	if !ok {
		return
	}
	b, err := s.Payments.GetBudget(c.Request.Context(), httpkit.MustUser(c).Actor(), year)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}

func (s *Server) listBudgets(c *gin.Context) {
	items, err := s.Payments.ListBudgets(c.Request.Context(), httpkit.MustUser(c).Actor())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": items})
}
