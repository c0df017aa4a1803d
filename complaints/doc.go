// Package complaints is the public's complaints (aduan, issue 11): anyone
// files one without an account and follows it by its tracking code; the
// complaint officer (pengelola_pengaduan) verifies or declines it and
// assigns it to an office (domain.Unit), whose staff answer; the
// complainant confirms or disputes the answer, and may reopen a closed
// complaint within a window; deadlines in working days escalate to the
// head of office, and an answer not disputed in time closes by itself.
//
// # The state machine
//
// Table (table.go) is the transition table as data over
// domain.ComplaintStatus and domain.ComplaintAction: file (public),
// verify/decline/assign (complaint officer), answer (the assigned office's
// staff role or the complaint officer), confirm/dispute/reopen (the
// complainant, RoleComplainant, by code), autoclose/escalate (RoleSystem,
// the sweep). Allowed(role, c) lists the staff steps a role may take now.
//
// # Service API (for the front doors)
//
//	svc := caps.Complaints // *complaints.Service, wired in internal/wiring
//
//	// Public (no account). The code is the secret: rate-limit these.
//	c, err := svc.File(ctx, complaints.Filing{Category, Text, Confidential, Identity,
//	    Name, PhoneToken, NotifyConsent, ClaimCode, HeirNIK, VillageCode, NamedUnit, Evidence})
//	t, err := svc.Track(ctx, code)            // complaints.Tracking: status, dates, answer, Actions
//	c, err := svc.Confirm(ctx, code)          // answered → closed
//	c, err := svc.Dispute(ctx, code, reason)  // answered → assigned
//	c, err := svc.Reopen(ctx, code, reason)   // closed → assigned; ErrReopenWindowPassed after the window
//	ParseCode(s) (canonical string, ok bool)  // ADU-XXXX-XXXX-XXXX, forgiving
//
//	// Staff (domain.Actor of the logged-in user).
//	page, err := svc.List(ctx, actor, complaints.ListQuery{Status, Category, Unit, Escalated, Overdue, Limit, Cursor})
//	c, evidence, err := svc.Get(ctx, actor, id)
//	events, err := svc.Events(ctx, actor, id)
//	ev, data, err := svc.EvidenceContent(ctx, actor, id, evidenceID)
//	c, err := svc.Act(ctx, actor, id, action, complaints.ActInput{Version, Reason, Redirect,
//	    Unit, UnitName, ConfirmNamedUnit, Answer}) // verify, decline, assign, answer
//	list, err := svc.ForClaim(ctx, actor, claimID) // a claim's tied complaints (claim readers)
//	complaints.Allowed(actor.Role, c)              // buttons to offer
//
//	svc.TrackURL(code)   // {PublicURL}/aduan/lacak?kode=CODE, what messages link to
//	svc.Today()          // the service clock's date (Asia/Jakarta), for c.Overdue(today)
//	svc.MaxEvidenceBytes()
//
//	// System and audit.
//	escalated, closed, err := svc.Sweep(ctx)      // serve runs RunSweeps every SweepEvery
//	report, err := svc.VerifyAudit(ctx)           // audit verify (command and API)
//	err := complaints.CheckExport(actor, from, to, format) // before writing a response
//	err := svc.Export(ctx, actor, from, to, format, w)     // LAPOR! CSV/JSON (FormatCSV, FormatJSON), complaint officer
//	id, err := svc.SendToLapor(ctx, actor, complaintID)    // ErrLaporOff unless SANTUNAN_LAPOR_URL
//
// Filing a named complaint needs a phone verified for the purpose
// "complaint": POST /api/v1/public/phone-checks with purpose "complaint"
// (applications.Service.StartComplaint, then Verify; a page can show the
// masked phone with applications.Service.ComplaintSession); the token is
// Filing.PhoneToken and filing uses it up. The public routes are
// rate-limited with httpkit.PurposeComplaint; the pages should use the
// same purpose so both front doors count together.
//
// Errors are the domain's: *domain.ValidationError (422, per field),
// domain.ErrForbidden (403), domain.ErrNotFound (404; also a complaint the
// viewer may not see), *domain.TransitionError (409 invalid_transition),
// *domain.VersionConflictError (409), ErrReopenWindowPassed and
// ErrNamedUnitUnconfirmed (409), domain.ErrUnsupportedMediaType and
// *domain.TooLargeError for evidence.
//
// # Privacy
//
// policy.go is the one place that says who sees what (CanRead, CanSee,
// SeesIdentity, SeesContent, View, ViewEvents); every complaint and trail
// the service returns to staff has passed View/ViewEvents already, so a
// page shows what it gets. Withheld marks content a role may not read.
//
// # Deadlines
//
// Each complaint carries DueOn for its current step, from the category's
// domain.ComplaintDeadlines in working days (the Calendar): received →
// VerifyDays, verified/assigned → FollowUpDays (the office's deadlines,
// escalated once each when passed), answered → AutoCloseDays (the
// automatic closing day); none when declined or closed. Reopening is
// allowed while the working days since ClosedAt are at most ReopenDays.
package complaints
