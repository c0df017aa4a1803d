package web

import (
	"github.com/gin-gonic/gin"

	"santunan/applications"
	"santunan/auth"
	"santunan/complaints"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/payments"
	"santunan/receipts"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
)

// routes is every page, in one place. The role checks ask each
// capability's policy (payments.CanPay, documents.CanUpload...), which
// the services check again.
func (s *Server) routes(r *gin.Engine) {
	// One limit per purpose, counted together with the JSON endpoint's.
	loginLimit := s.opts.RateLimit(httpkit.PurposeLogin, s.refuse)
	trackLimit := s.opts.RateLimit(httpkit.PurposeTrack, s.refuse)

	// Public: the program, claim tracking for heirs, the staff login.
	r.GET("/static/*file", s.static)
	r.GET("/", s.pageLanding)
	r.GET(standardPath, s.pageStandard) // web/standard.go
	r.GET("/lacak", s.pageTrackForm)
	r.POST("/lacak", trackLimit, s.checkFormText, s.pageTrack)
	r.POST("/lacak/hentikan-pesan", trackLimit, s.checkFormText, s.pageStopMessages) // web/stop_messages.go
	r.POST(heirReceiptPath, trackLimit, s.checkFormText, s.pageHeirReceipt)
	// The satisfaction survey after payment (web/survey.go), limited with
	// tracking; its answers come only from this site, so that another site
	// cannot spend a visitor's one answer.
	r.GET(surveyPath+"/:token", trackLimit, s.pageSurvey)
	r.POST(surveyPath+"/:token", httpkit.RefuseCrossSitePosts(s.refuse), trackLimit, s.checkFormText, s.pageAnswerSurvey)
	r.POST(surveyPath, httpkit.RefuseCrossSitePosts(s.refuse), trackLimit, s.checkFormText, s.pagePostedSurvey)
	r.GET("/masuk", s.pageLoginForm)
	r.POST("/masuk", loginLimit, s.checkFormText, s.pageLogin)
	r.POST("/keluar", s.requireSession, s.checkCSRF, s.checkFormText, s.pageLogout)

	// The heir's online forms (web/apply*.go, web/fix*.go, web/phone_check.go):
	// a phone check first, limited per client here and per phone in the
	// database. The posts that ask for or check a code come only from this
	// site (RefuseCrossSitePosts: another site could otherwise sign a
	// visitor into its own verified phone, or spend a phone's codes).
	phoneLimit := s.opts.RateLimit(httpkit.PurposePhoneCheck, s.refuse)
	ownSite := httpkit.RefuseCrossSitePosts(s.refuse)
	r.GET("/ajukan", s.pageApply)
	r.POST("/ajukan/kode", ownSite, phoneLimit, s.checkFormText, s.pageApplyCode)
	r.POST("/ajukan/verifikasi", ownSite, phoneLimit, s.checkFormText, s.pageVerifyCode(applyFlow))
	r.POST(routeApply, s.pageBodyLimit(s.publicFormBytes(), s.pagePublicTooLarge), s.checkFormText, s.pageSubmitApplication)
	r.GET("/perbaiki", s.pageFixStart)
	r.POST("/perbaiki/kode", ownSite, trackLimit, phoneLimit, s.checkFormText, s.pageFixCode)
	r.POST("/perbaiki/verifikasi", ownSite, phoneLimit, s.checkFormText, s.pageVerifyCode(fixFlow))
	r.GET("/perbaiki/formulir", s.pageFixForm)
	r.POST(routeFixSubmit, s.pageBodyLimit(s.publicFormBytes(), s.pagePublicTooLarge), s.checkFormText, s.pageSubmitFix)

	// The public's complaints (web/complaint_public.go): no account; a
	// named complaint's phone is confirmed by the one-time code. The code
	// is the secret of the tracking, limited with the claims' tracking.
	r.GET(complaintPath, s.pageComplaintStart)
	r.POST(complaintFlow.Start, ownSite, phoneLimit, s.checkFormText, s.pageComplaintCode)
	r.POST(complaintFlow.Verify, ownSite, phoneLimit, s.checkFormText, s.pageVerifyCode(complaintFlow))
	r.GET(complaintFormPath, s.pageComplaintForm)
	r.POST(routeComplaint, ownSite, trackLimit, s.pageBodyLimit(s.Complaints.MaxEvidenceBytes(), s.pageComplaintTooLarge),
		s.checkFormText, s.pageFileComplaint)
	r.GET(complaintTrackPath, s.pageComplaintTrackForm)
	r.POST(complaintTrackPath, trackLimit, s.checkFormText, s.pageComplaintTrack)
	r.POST(complaintTrackPath+"/konfirmasi", ownSite, trackLimit, s.checkFormText, s.pageComplaintStep(domain.ComplaintActionConfirm))
	r.POST(complaintTrackPath+"/sanggah", ownSite, trackLimit, s.checkFormText, s.pageComplaintStep(domain.ComplaintActionDispute))
	r.POST(complaintTrackPath+"/buka-lagi", ownSite, trackLimit, s.checkFormText, s.pageComplaintStep(domain.ComplaintActionReopen))

	// Staff pages: a cookie session, and the CSRF token on every POST; then
	// no form field with bytes the database cannot hold (web/text_guard.go).
	// A form that uploads a file is routed on signedIn with s.upload, which
	// checks its size before the CSRF check reads its body.
	signedIn := r.Group("/staf", s.requireSession)
	staff := signedIn.Group("", s.checkCSRF, s.checkFormText)
	staff.GET("", s.pageHome)
	// Every user changes their password here; one who must (a one-time
	// password) is sent nowhere else by requireSession (web/password.go).
	staff.GET("/ganti-sandi", s.pagePasswordForm)
	staff.POST("/ganti-sandi", loginLimit, s.pageChangePassword)
	claims := staff.Group("/klaim", s.pageAllow(domain.Role.ReadsClaims))
	claims.GET("/baru", s.pageAllow(s.Engine.Table().MaySubmit), s.pageNewClaim)
	claims.POST("/baru", s.pageAllow(s.Engine.Table().MaySubmit), s.pageCreateClaim)
	claims.GET("/:id", s.pageClaim)
	claims.GET("/:id/tindakan/:action", s.pageActionForm)
	claims.GET("/:id/tanda-terima", s.pageAllow(receipts.CanPrint), s.pageReceipt) // web/receipt.go
	claims.GET("/:id/tanda-terima.pdf", s.pageAllow(receipts.CanPrint), s.pageReceiptPDF)
	claims.POST("/:id/tindakan/:action", s.pageTakeAction)
	users := staff.Group("/pengguna", s.pageAllow(auth.CanManageUsers))
	users.GET("", s.pageUsers)
	users.POST("", s.pageCreateUser)
	users.POST("/:id/aktif", s.pageSetUserActive)
	users.POST("/:id/sandi", s.pageResetPassword)
	// The working-day calendar (web/calendar.go).
	calendar := staff.Group(calendarPath[len("/staf"):], s.pageAllow(workdays.CanRead))
	calendar.GET("", s.pageCalendar)
	calendar.POST("", s.pageAllow(workdays.CanChange), s.pageAddCalendarDay)
	calendar.GET("/hapus", s.pageAllow(workdays.CanChange), s.pageRemoveCalendarDayForm)
	calendar.POST("/hapus", s.pageAllow(workdays.CanChange), s.pageRemoveCalendarDay)
	staff.GET("/log-keamanan", s.pageAllow(domain.Role.ReadsAudit), s.pageSecurityLog)
	staff.GET("/pengajuan-daring", s.pageAllow(applications.CanReadIntake), s.pageIntake)
	// Complaints (web/complaint_staff.go): what each role sees of them is
	// the service's (complaints.View); the steps are the table's.
	aduan := staff.Group("/aduan", s.pageAllow(complaints.CanRead))
	aduan.GET("", s.pageComplaints)
	aduan.GET("/:id", s.pageComplaint)
	aduan.POST("/:id/tindakan/:action", s.pageAllow(complaints.CanAct), s.pageComplaintAction)
	aduan.GET("/:id/bukti/:evidence", httpkit.RefuseCrossSite(s.refuse), s.pageComplaintEvidence)

	// The satisfaction survey's index (web/survey_staff.go).
	surveys := staff.Group("/survei", s.pageAllow(survey.CanRead))
	surveys.GET("", s.pageSurveyIndex)
	surveys.GET("/komentar", s.pageSurveyComments)
	surveys.GET("/ikm.xlsx", s.pageSurveyXLSX)

	// Documents (web/documents.go, web/evidence.go, web/access_log.go).
	claims.GET("/:id/dokumen/log-akses", s.pageAllow(documents.CanReadAccessLog), s.pageDocumentAccessLog)
	claims.GET("/:id/dokumen/:doc", httpkit.RefuseCrossSite(s.refuse), s.pageDownloadDocument)
	signedIn.POST("/klaim/:id/dokumen",
		s.upload(documents.CanUpload, s.Documents.MaxBytes(), s.pageDocumentTooLarge, s.pageUploadDocument)...)

	// The death register (web/death_register.go, web/unclaimed.go,
	// web/register_online.go).
	staff.GET("/register-kematian", s.pageAllow(deathregister.CanImport), s.pageRegisterForm)
	signedIn.POST("/register-kematian",
		s.upload(deathregister.CanImport, s.DeathRegister.MaxImportBytes(), s.pageImportTooLarge, s.pageImportDeathRecords)...)
	unclaimed := staff.Group("/kematian-belum-diklaim", s.pageAllow(deathregister.CanRead))
	unclaimed.GET("", s.pageUnclaimed)
	unclaimed.GET("/unduh", s.pageUnclaimedCSV)
	claims.POST("/:id/register-daring", s.pageAllow(deathregister.CanCheckOnline), s.pageRegisterOnline)

	// Budget, decrees and payment batches (web/budget.go, web/decree*.go,
	// web/batch*.go).
	budgets := staff.Group("/anggaran", s.pageAllow(payments.CanReadBudgets))
	budgets.GET("", s.pageBudgets)
	budgets.POST("", s.pageAllow(payments.CanSetBudgets), s.pageSetBudget)
	decrees := staff.Group("/sk", s.pageAllow(payments.CanReadPayments))
	decrees.GET("", s.pageDecrees)
	decrees.GET("/baru", s.pageAllow(payments.CanDecree), s.pageNewDecree)
	decrees.POST("/baru", s.pageAllow(payments.CanDecree), s.pageCreateDecree)
	decrees.GET("/:id", s.pageDecree)
	decrees.GET("/:id/penerima.xlsx", s.pageDecreeXLSX)
	decrees.GET("/:id/penerima.pdf", s.pageDecreePDF)
	pay := s.pageAllow(payments.CanPay)
	batches := staff.Group("/pembayaran", s.pageAllow(payments.CanReadPayments))
	batches.GET("", s.pageBatches)
	batches.GET("/baru", pay, s.pageNewBatch)
	batches.POST("/baru", pay, s.pageCreateBatch)
	batches.GET("/:id", s.pageBatch)
	batches.POST("/:id/berkas-transfer", pay, s.pageSendTransfer)
	batches.GET("/:id/berkas-transfer.csv", pay, s.pageTransferFile)
	batches.GET("/:id/baris/:claim_id", pay, s.pageLine)
	batches.POST("/:id/baris/:claim_id/"+lineWithdraw, pay, s.pageWithdrawLine)
	batches.POST("/:id/baris/:claim_id/"+lineFail, pay, s.pageFailLine)
	batches.GET("/:id/rekonsiliasi.xlsx", s.pageReconciliationXLSX)
	batches.POST("/:id/cek-rekening", pay, s.pageConfirmAccounts)
	batches.POST("/:id/cek-bank", pay, s.pageInquireAccounts)
	signedIn.POST("/pembayaran/:id/hasil",
		s.upload(payments.CanPay, payments.MaxResultFileBytes, s.pageResultTooLarge, s.pageApplyResults)...)

	// The head of office's reports (web/reports.go).
	staff.GET("/laporan", s.pageAllow(reports.CanRead), s.pageReports)
	staff.GET("/laporan/unduh.xlsx", s.pageAllow(reports.CanRead), s.pageReportsXLSX)
}

// upload is the chain of a form that posts a file: the role check, the
// file's own body limit, read before the CSRF check reads the form
// (web/upload.go), the CSRF check and the text guard, then the handler.
func (s *Server) upload(may func(domain.Role) bool, limit int64, tooLarge, handler gin.HandlerFunc) gin.HandlersChain {
	return gin.HandlersChain{s.pageAllow(may), s.pageBodyLimit(limit, tooLarge), s.checkCSRF, s.checkFormText, handler}
}

// Route patterns of the upload forms, whose bodies may exceed MaxBodyBytes.
const (
	routeUploadDocument     = "/staf/klaim/:id/dokumen"
	routeImportDeathRecords = "/staf/register-kematian"
	routeApplyResults       = "/staf/pembayaran/:id/hasil"
)

// largeBodies are the upload forms' limits for the shared body limit: far
// above the file's own, which pageBodyLimit enforces, so that a file
// somewhat too large is answered with a page.
func (s *Server) largeBodies() map[string]int64 {
	return map[string]int64{
		routeUploadDocument:     pageBodyCeiling(s.Documents.MaxBytes()),
		routeImportDeathRecords: pageBodyCeiling(s.DeathRegister.MaxImportBytes()),
		routeApplyResults:       pageBodyCeiling(payments.MaxResultFileBytes),
		routeApply:              pageBodyCeiling(s.publicFormBytes()),
		routeFixSubmit:          pageBodyCeiling(s.publicFormBytes()),
		routeComplaint:          pageBodyCeiling(s.Complaints.MaxEvidenceBytes()),
	}
}
