package api

import (
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/payments"
)

// answer writes a refusal of shared middleware as JSON or as a page.
func (s *Server) answer(c *gin.Context, err error) {
	if isPage(c) {
		s.refuse(c, err)
		return
	}
	writeError(c, err)
}

// isPage reports whether the request is for a page (a person's browser)
// rather than the JSON API or a health check.
func isPage(c *gin.Context) bool {
	p := c.Request.URL.Path
	return !strings.HasPrefix(p, "/api/") && p != "/healthz" && p != "/readyz"
}

// routes is the whole URL space of the API, in one place.
func (s *Server) routes(r *gin.Engine) {
	r.NoRoute(func(c *gin.Context) {
		if isPage(c) {
			s.noRoute(c)
			return
		}
		writeError(c, httpkit.ErrNoRoute)
	})

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)

	// One limit per purpose, counted together for the JSON endpoint and
	// the page (api/ratelimit.go).
	loginLimit := httpkit.LimitByClient(httpkit.Limit{Purpose: httpkit.PurposeLogin, PerMinute: s.opts.LoginPerMinute,
		Counter: s.rates, Now: s.opts.Now}, s.answer)
	trackLimit := httpkit.LimitByClient(httpkit.Limit{Purpose: httpkit.PurposeTrack, PerMinute: s.opts.TrackPerMinute,
		Counter: s.rates, Now: s.opts.Now}, s.answer)

	v1 := r.Group("/api/v1")
	v1.POST("/auth/login", loginLimit, s.login)
	v1.POST("/public/track", trackLimit, s.track)

	// What a user with a one-time password may do: change it (a wrong
	// current password counts as a failed login, hence the login limit),
	// see who they are, log out.
	pending := v1.Group("", s.authenticatePending)
	pending.POST("/auth/logout", s.logout)
	pending.GET("/me", s.me)
	pending.POST("/me/password", loginLimit, s.changePassword)

	authed := v1.Group("", s.authenticate)

	users := authed.Group("/users", allow(isAdmin))
	users.POST("", s.createUser)
	users.GET("", s.listUsers)
	users.PATCH("/:id", s.updateUser)

	claims := authed.Group("/claims", allow(domain.Role.ReadsClaims))
	claims.POST("", s.createClaim)
	claims.GET("", s.listClaims)
	claims.GET("/:id", s.getClaim)
	claims.GET("/:id/events", s.claimEvents)
	claims.POST("/:id/actions/:action", s.takeAction)

	authed.GET("/audit/verify", allow(domain.Role.ReadsAudit), s.verifyAudit)
	authed.GET("/security-events", allow(domain.Role.ReadsAudit), s.securityEvents)

	// Supporting documents and the death register (api/documents.go,
	// api/death_records.go). The services check each role as well.
	if s.docs != nil {
		claims.POST("/:id/documents", allow(documents.CanUpload), s.uploadDocument)
		claims.GET("/:id/documents", s.listDocuments)
		claims.GET("/:id/documents/access-log", allow(documents.CanReadAccessLog), s.documentAccessLog)
		claims.GET("/:id/documents/:doc/content", httpkit.RefuseCrossSite(s.answer), s.downloadDocument)
	}
	if s.register != nil {
		claims.GET("/:id/death-record-match", allow(deathregister.CanRead), s.deathRecordMatch)
		claims.POST("/:id/death-record-match/online", allow(deathregister.CanCheckOnline), s.deathRecordOnline)
		deaths := authed.Group("/death-records")
		deaths.POST("/import", allow(deathregister.CanImport), s.importDeathRecords)
		deaths.GET("/unclaimed", allow(deathregister.CanRead), s.unclaimedDeaths)
		deaths.GET("/unclaimed/by-village", allow(deathregister.CanRead), s.unclaimedByVillage)
		deaths.GET("/unclaimed.csv", allow(deathregister.CanRead), s.unclaimedCSV)
	}

	// Budget, decrees and disbursements. The service checks each action's
	// role as well (an officer decrees, a treasurer pays).
	if s.payments != nil {
		budgets := authed.Group("/budgets")
		budgets.GET("", allow(readsBudgets), s.listBudgets)
		budgets.GET("/:year", allow(readsBudgets), s.getBudget)
		budgets.POST("/:year", allow(setsBudgets), s.setBudget)

		decrees := authed.Group("/decrees", allow(readsPayments))
		decrees.POST("", allow(roleIn(domain.RoleDinsosOfficer)), s.createDecree)
		decrees.GET("", s.listDecrees)
		decrees.GET("/:id", s.getDecree)
		decrees.GET("/:id/recipients.xlsx", s.decreeXLSX)
		decrees.GET("/:id/recipients.pdf", s.decreePDF)

		treasurer := allow(roleIn(domain.RoleTreasurer))
		batches := authed.Group("/disbursements", allow(readsPayments))
		batches.POST("", treasurer, s.createBatch)
		batches.GET("", s.listBatches)
		batches.GET("/:id", s.getBatch)
		batches.POST("/:id/transfer-file", treasurer, s.sendTransfer)
		batches.GET("/:id/transfer-file", treasurer, s.transferFile)
		batches.POST("/:id/items/:claim_id/withdraw", treasurer, s.withdrawLine)
		batches.POST("/:id/items/:claim_id/fail", treasurer, s.failLine)
		batches.POST("/:id/results", treasurer, s.applyResults)
		batches.POST("/:id/account-checks", treasurer, s.confirmAccounts)
		batches.POST("/:id/account-inquiry", treasurer, s.inquireAccounts)
		batches.GET("/:id/reconciliation", s.reconciliation)
		batches.GET("/:id/reconciliation.xlsx", s.reconciliationXLSX)
	}

	// Pages in Bahasa Indonesia (api/page_*.go, templates in api/templates).
	// Public: the program, claim tracking for heirs, the staff login.
	r.GET("/static/*file", s.static)
	r.GET("/", s.pageLanding)
	r.GET("/lacak", s.pageTrackForm)
	r.POST("/lacak", trackLimit, s.checkFormText, s.pageTrack)
	r.GET("/masuk", s.pageLoginForm)
	r.POST("/masuk", loginLimit, s.checkFormText, s.pageLogin)
	r.POST("/keluar", s.requireSession, s.checkCSRF, s.checkFormText, s.pageLogout)

	// Staff pages: a cookie session, and the CSRF token on every POST; then
	// no form field with bytes the database cannot hold (api/text_guard.go).
	staff := r.Group("/staf", s.requireSession, s.checkCSRF, s.checkFormText)
	staff.GET("", s.pageHome)
	// Every user changes their password here; one who must (a one-time
	// password) is sent nowhere else by requireSession (api/page_password.go).
	staff.GET("/ganti-sandi", s.pagePasswordForm)
	staff.POST("/ganti-sandi", loginLimit, s.pageChangePassword)
	claimPages := staff.Group("/klaim", s.pageAllow(domain.Role.ReadsClaims))
	claimPages.GET("/baru", s.pageAllow(s.maySubmit), s.pageNewClaim)
	claimPages.POST("/baru", s.pageAllow(s.maySubmit), s.pageCreateClaim)
	claimPages.GET("/:id", s.pageClaim)
	claimPages.GET("/:id/tindakan/:action", s.pageActionForm)
	claimPages.POST("/:id/tindakan/:action", s.pageTakeAction)
	userPages := staff.Group("/pengguna", s.pageAllow(isAdmin))
	userPages.GET("", s.pageUsers)
	userPages.POST("", s.pageCreateUser)
	userPages.POST("/:id/aktif", s.pageSetUserActive)
	userPages.POST("/:id/sandi", s.pageResetPassword)
	staff.GET("/log-keamanan", s.pageAllow(domain.Role.ReadsAudit), s.pageSecurityLog)

	// Documents and the death register (api/page_documents.go,
	// api/page_deaths.go, api/page_unclaimed.go). An upload's size is
	// checked before the CSRF check reads its body (api/web_upload.go).
	if s.docs != nil {
		claimPages.GET("/:id/dokumen/log-akses", s.pageAllow(documents.CanReadAccessLog), s.pageDocumentAccessLog)
		claimPages.GET("/:id/dokumen/:doc", httpkit.RefuseCrossSite(s.answer), s.pageDownloadDocument)
		uploads := r.Group("/staf/klaim", s.requireSession, s.pageAllow(documents.CanUpload),
			s.pageBodyLimit(s.docs.MaxBytes(), s.pageDocumentTooLarge), s.checkCSRF, s.checkFormText)
		uploads.POST("/:id/dokumen", s.pageUploadDocument)
	}
	if s.register != nil {
		staff.GET("/register-kematian", s.pageAllow(deathregister.CanImport), s.pageRegisterForm)
		imports := r.Group("/staf/register-kematian", s.requireSession, s.pageAllow(deathregister.CanImport),
			s.pageBodyLimit(s.register.MaxImportBytes(), s.pageImportTooLarge), s.checkCSRF, s.checkFormText)
		imports.POST("", s.pageImportDeaths)
		unclaimed := staff.Group("/kematian-belum-diklaim", s.pageAllow(deathregister.CanRead))
		unclaimed.GET("", s.pageUnclaimed)
		unclaimed.GET("/unduh", s.pageUnclaimedCSV)
		claimPages.POST("/:id/register-daring", s.pageAllow(deathregister.CanCheckOnline), s.pageRegisterOnline)
	}

	// Budget, decrees and disbursement batches (api/page_budget.go,
	// api/page_decree*.go, api/page_batch*.go). The result file's size is
	// checked before the CSRF check reads its body (api/web_upload.go).
	if s.payments != nil {
		budgetPages := staff.Group("/anggaran", s.pageAllow(readsBudgets))
		budgetPages.GET("", s.pageBudgets)
		budgetPages.POST("", s.pageAllow(setsBudgets), s.pageSetBudget)
		decreePages := staff.Group("/sk", s.pageAllow(readsPayments))
		decreePages.GET("", s.pageDecrees)
		decreePages.GET("/baru", s.pageAllow(makesDecrees), s.pageNewDecree)
		decreePages.POST("/baru", s.pageAllow(makesDecrees), s.pageCreateDecree)
		decreePages.GET("/:id", s.pageDecree)
		decreePages.GET("/:id/penerima.xlsx", s.pageDecreeXLSX)
		decreePages.GET("/:id/penerima.pdf", s.pageDecreePDF)
		batchPages := staff.Group("/pembayaran", s.pageAllow(readsPayments))
		batchPages.GET("", s.pageBatches)
		batchPages.GET("/baru", s.pageAllow(makesBatches), s.pageNewBatch)
		batchPages.POST("/baru", s.pageAllow(makesBatches), s.pageCreateBatch)
		batchPages.GET("/:id", s.pageBatch)
		batchPages.POST("/:id/berkas-transfer", s.pageAllow(makesBatches), s.pageSendTransfer)
		batchPages.GET("/:id/berkas-transfer.csv", s.pageAllow(makesBatches), s.pageTransferFile)
		batchPages.GET("/:id/baris/:claim_id", s.pageAllow(makesBatches), s.pageLine)
		batchPages.POST("/:id/baris/:claim_id/"+lineWithdraw, s.pageAllow(makesBatches), s.pageWithdrawLine)
		batchPages.POST("/:id/baris/:claim_id/"+lineFail, s.pageAllow(makesBatches), s.pageFailLine)
		batchPages.GET("/:id/rekonsiliasi.xlsx", s.pageReconciliationXLSX)
		batchPages.POST("/:id/cek-rekening", s.pageAllow(makesBatches), s.pageConfirmAccounts)
		batchPages.POST("/:id/cek-bank", s.pageAllow(makesBatches), s.pageInquireAccounts)
		results := r.Group(batchesPath, s.requireSession, s.pageAllow(makesBatches),
			s.pageBodyLimit(payments.MaxResultFileBytes, s.pageResultTooLarge), s.checkCSRF, s.checkFormText)
		results.POST("/:id/hasil", s.pageApplyResults)
	}
}
