package api

import (
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/api/openapi"
	"santunan/auth"
	"santunan/complaints"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/notify"
	"santunan/payments"
	"santunan/receipts"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
)

// Serves reports whether path is the API's: /api/, the health checks and
// the metrics, these with a trailing slash too (which the API's engine
// redirects to the route, as gin did before the split).
// Every other path is the pages' (package web); serve mounts both on one
// server by this.
func Serves(path string) bool {
	switch strings.TrimSuffix(path, "/") {
	case "/healthz", "/readyz", "/metrics":
		return true
	}
	return strings.HasPrefix(path, "/api/")
}

// routes is the whole URL space of the API, in one place. The role checks
// ask each capability's policy, which the services check again.
func (s *Server) routes(r *gin.Engine) {
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", s.opts.Metrics.Endpoint(refuseMetrics)) // api/metrics.go

	// One limit per purpose, counted together with the page's.
	loginLimit := s.opts.RateLimit(httpkit.PurposeLogin, writeError)
	trackLimit := s.opts.RateLimit(httpkit.PurposeTrack, writeError)

	v1 := r.Group("/api/v1")
	openapi.Mount(v1) // GET /api/v1/openapi.json and /api/v1/docs: the contract
	v1.POST("/auth/login", loginLimit, s.login)
	v1.POST("/public/track", trackLimit, s.track)
	v1.POST("/public/track/stop-messages", trackLimit, s.stopMessages) // api/stop_messages.go
	// The satisfaction survey after payment (api/surveys.go).
	v1.GET("/public/surveys/:token", trackLimit, s.publicSurvey)
	v1.POST("/public/surveys/:token", trackLimit, s.answerPublicSurvey)
	// The heir's online forms (api/public_*.go): phone checks limited per
	// client here and per phone in the database.
	phoneLimit := s.opts.RateLimit(httpkit.PurposePhoneCheck, writeError)
	v1.POST("/public/phone-checks", phoneLimit, s.startPhoneCheck)
	v1.POST("/public/phone-checks/:check_id/verify", phoneLimit, s.verifyPhoneCheck)
	v1.POST("/public/applications", s.createApplication)
	v1.POST("/public/corrections/phone-checks", trackLimit, phoneLimit, s.startCorrectionCheck)
	v1.POST("/public/corrections", s.createCorrection)
	// The public's complaints (api/complaints_public.go): the code is the
	// secret, so every route is rate-limited.
	complaintLimit := s.opts.RateLimit(httpkit.PurposeComplaint, writeError)
	v1.POST("/public/complaints", complaintLimit, s.fileComplaint)
	v1.GET("/public/complaints/:code", complaintLimit, s.trackComplaint)
	v1.POST("/public/complaints/:code/confirm", complaintLimit, s.complainantStep(domain.ComplaintActionConfirm))
	v1.POST("/public/complaints/:code/dispute", complaintLimit, s.complainantStep(domain.ComplaintActionDispute))
	v1.POST("/public/complaints/:code/reopen", complaintLimit, s.complainantStep(domain.ComplaintActionReopen))
	v1.GET("/public/service-standard", s.serviceStandard) // api/calendar.go

	// What a user with a one-time password may do: change it (a wrong
	// current password counts as a failed login, hence the login limit),
	// see who they are, log out.
	pending := v1.Group("", s.authenticatePending)
	pending.POST("/auth/logout", s.logout)
	pending.GET("/me", s.me)
	pending.POST("/me/password", loginLimit, s.changePassword)

	authed := v1.Group("", s.authenticate)

	// The working-day calendar (api/calendar.go).
	calendar := authed.Group("/calendar", allow(workdays.CanRead))
	calendar.GET("/years/:year", s.getCalendarYear)
	calendar.POST("/days", allow(workdays.CanChange), s.addCalendarDay)
	calendar.DELETE("/days/:date", allow(workdays.CanChange), s.removeCalendarDay)

	users := authed.Group("/users", allow(auth.CanManageUsers))
	users.POST("", s.createUser)
	users.GET("", s.listUsers)
	users.PATCH("/:id", s.updateUser)

	claims := authed.Group("/claims", allow(domain.Role.ReadsClaims))
	claims.POST("", allow(s.Engine.Table().MaySubmit), s.createClaim)
	claims.GET("", s.listClaims)
	claims.GET("/:id", s.getClaim)
	claims.GET("/:id/events", s.claimEvents)
	claims.GET("/:id/notifications", allow(notify.CanRead), s.claimNotifications) // api/notifications.go
	claims.GET("/:id/receipt.pdf", allow(receipts.CanPrint), s.receiptPDF)        // api/receipts.go
	claims.POST("/:id/actions/:action", s.takeAction)

	surveys := authed.Group("/surveys", allow(survey.CanRead))
	surveys.GET("/index", s.surveyIndex)
	surveys.GET("/index.xlsx", s.surveyXLSX)
	surveys.GET("/comments", s.surveyComments)

	// The staff's complaints (api/complaints_staff.go; complaints/policy.go).
	aduan := authed.Group("/complaints", allow(complaints.CanRead))
	aduan.GET("", s.listComplaints)
	aduan.GET("/export", allow(complaints.CanExport), s.exportComplaints)
	aduan.GET("/:id", s.getComplaint)
	aduan.GET("/:id/events", s.complaintEvents)
	aduan.GET("/:id/evidence/:evidence/content", httpkit.RefuseCrossSite(writeError), s.complaintEvidence)
	aduan.POST("/:id/lapor", allow(complaints.CanExport), s.sendComplaintToLapor)
	aduan.POST("/:id/:action", allow(complaints.CanAct), s.complaintAction)
	claims.GET("/:id/complaints", allow(complaints.CanReadForClaim), s.claimComplaints)

	authed.GET("/audit/verify", allow(domain.Role.ReadsAudit), s.verifyAudit)
	authed.GET("/security-events", allow(domain.Role.ReadsAudit), s.securityEvents)

	// Supporting documents and the death register (api/documents.go,
	// api/death_register.go).
	claims.POST("/:id/documents", allow(documents.CanUpload), s.uploadDocument)
	claims.GET("/:id/documents", s.listDocuments)
	claims.GET("/:id/documents/access-log", allow(documents.CanReadAccessLog), s.documentAccessLog)
	claims.GET("/:id/documents/:doc/content", httpkit.RefuseCrossSite(writeError), s.downloadDocument)
	claims.GET("/:id/death-record-match", allow(deathregister.CanRead), s.deathRecordMatch)
	claims.POST("/:id/death-record-match/online", allow(deathregister.CanCheckOnline), s.deathRecordOnline)
	records := authed.Group("/death-records")
	records.POST("/import", allow(deathregister.CanImport), s.importDeathRecords)
	records.GET("/unclaimed", allow(deathregister.CanRead), s.unclaimedDeathRecords)
	records.GET("/unclaimed/by-village", allow(deathregister.CanRead), s.unclaimedByVillage)
	records.GET("/unclaimed.csv", allow(deathregister.CanRead), s.unclaimedCSV)

	// Budget, decrees and payment batches (the URL says disbursements).
	budgets := authed.Group("/budgets")
	budgets.GET("", allow(payments.CanReadBudgets), s.listBudgets)
	budgets.GET("/:year", allow(payments.CanReadBudgets), s.getBudget)
	budgets.POST("/:year", allow(payments.CanSetBudgets), s.setBudget)

	decrees := authed.Group("/decrees", allow(payments.CanReadPayments))
	decrees.POST("", allow(payments.CanDecree), s.createDecree)
	decrees.GET("", s.listDecrees)
	decrees.GET("/:id", s.getDecree)
	decrees.GET("/:id/recipients.xlsx", s.decreeXLSX)
	decrees.GET("/:id/recipients.pdf", s.decreePDF)

	pay := allow(payments.CanPay)
	batches := authed.Group("/disbursements", allow(payments.CanReadPayments))
	batches.POST("", pay, s.createBatch)
	batches.GET("", s.listBatches)
	batches.GET("/:id", s.getBatch)
	batches.POST("/:id/transfer-file", pay, s.sendTransfer)
	batches.GET("/:id/transfer-file", pay, s.transferFile)
	batches.POST("/:id/items/:claim_id/withdraw", pay, s.withdrawLine)
	batches.POST("/:id/items/:claim_id/fail", pay, s.failLine)
	batches.POST("/:id/results", pay, s.applyResults)
	batches.POST("/:id/account-checks", pay, s.confirmAccounts)
	batches.POST("/:id/account-inquiry", pay, s.inquireAccounts)
	batches.GET("/:id/reconciliation", s.reconciliation)
	batches.GET("/:id/reconciliation.xlsx", s.reconciliationXLSX)

	// The head of office's reports (api/reports.go).
	rep := authed.Group("/reports", allow(reports.CanRead))
	rep.GET("/monthly", s.monthlyReport)
	rep.GET("/monthly.xlsx", s.monthlyReportXLSX)
	rep.GET("/yearly", s.yearlyReport)
	rep.GET("/yearly.xlsx", s.yearlyReportXLSX)
}
