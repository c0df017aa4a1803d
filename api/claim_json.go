package api

import (
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
)

type claimJSON struct {
	ID                 int64           `json:"id"`
	Code               string          `json:"code"`
	Status             domain.Status   `json:"status"`
	StatusLabel        string          `json:"status_label"`
	Version            int             `json:"version"`
	Amount             domain.Rupiah   `json:"amount"`
	Deceased           deceasedJSON    `json:"deceased"`
	Heir               heirJSON        `json:"heir"`
	BankAccount        bankAccountJSON `json:"bank_account"`
	DeathCertificateNo string          `json:"death_certificate_no"`
	BankReference      string          `json:"bank_reference"`
	Warnings           []string        `json:"warnings"`
	AllowedActions     []domain.Action `json:"allowed_actions"`
	CreatedAt          time.Time       `json:"created_at"`
	UpdatedAt          time.Time       `json:"updated_at"`
	// The current stage's office deadline (null while the claim waits on
	// no office) and how many working days it has passed.
	Stage              *domain.Stage `json:"stage"`
	StageStartedAt     *time.Time    `json:"stage_started_at"`
	StageDueOn         *domain.Date  `json:"stage_due_on"`
	OverdueWorkingDays int           `json:"overdue_working_days"`
}

type deceasedJSON struct {
	domain.Deceased
	VillageName string      `json:"village_name"`
	Sex         domain.Sex  `json:"sex"`
	BirthDate   domain.Date `json:"birth_date"`
}

type heirJSON struct {
	domain.Heir
	Sex       domain.Sex  `json:"sex"`
	BirthDate domain.Date `json:"birth_date"`
}

type bankAccountJSON struct {
	domain.BankAccount
	BankName string `json:"bank_name"`
}

// claimView renders a claim for a user: the actions offered are the ones the
// transition table allows this user's role from the claim's status; cal
// counts how many working days its stage is overdue.
func (s *Server) claimView(c domain.Claim, role domain.Role, cal domain.Calendar) claimJSON {
	today := domain.DateOf(s.opts.Now().In(domain.Jakarta()))
	dBirth, dSex, _ := domain.NIKInfo(c.Deceased.NIK, today)
	hBirth, hSex, _ := domain.NIKInfo(c.Heir.NIK, today)
	village, _ := s.Areas.Village(c.Deceased.VillageCode)
	bank, _ := domain.BankByCode(c.BankAccount.BankCode)
	warnings := c.Warnings
	if warnings == nil {
		warnings = []string{}
	}
	return claimJSON{
		ID: c.ID, Code: c.Code, Status: c.Status, StatusLabel: i18n.StatusLabel(i18n.Indonesian, c.Status),
		Version: c.Version, Amount: c.Amount,
		Deceased:           deceasedJSON{Deceased: c.Deceased, VillageName: village.Name, Sex: dSex, BirthDate: dBirth},
		Heir:               heirJSON{Heir: c.Heir, Sex: hSex, BirthDate: hBirth},
		BankAccount:        bankAccountJSON{BankAccount: c.BankAccount, BankName: bank.Name},
		DeathCertificateNo: c.DeathCertificateNo, BankReference: c.BankReference, Warnings: warnings,
		AllowedActions: s.Engine.AllowedActions(role, c.Status),
		CreatedAt:      c.CreatedAt, UpdatedAt: c.UpdatedAt,
		Stage: stageOf(c), StageStartedAt: c.StageStartedAt, StageDueOn: c.StageDue,
		OverdueWorkingDays: overdueDays(cal, c, today),
	}
}

func stageOf(c domain.Claim) *domain.Stage {
	if st, ok := domain.StageOf(c.Status); ok && c.StageDue != nil {
		return &st
	}
	return nil
}

// overdueDays are the working days c's stage is past its due day on today.
func overdueDays(cal domain.Calendar, c domain.Claim, today domain.Date) int {
	if c.StageDue == nil {
		return 0
	}
	return cal.WorkingDaysOverdue(*c.StageDue, today)
}

// calendar reads the working-day calendar for a response; false when it
// could not (the error is written).
func (s *Server) calendar(c *gin.Context) (domain.Calendar, bool) {
	cal, err := s.Calendar.Calendar(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return domain.Calendar{}, false
	}
	return cal, true
}
