package web

import (
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// The claim page: all of a claim's data, its warnings, the actions this
// user may take now (from the transition table), and its audit trail.

type claimDetailPage struct {
	Claim    domain.Claim
	Sections []factSection
	Warnings []string
	Actions  []actionView
	Timeline []timelineEntry
	Evidence *evidenceView     // documents and the death register (web/evidence.go)
	Payment  *claimPaymentView // its decree and batches (web/claim_payment.go)
	// Messages to the heir (web/claim_notifications.go).
	Notifications *claimNotificationsView
	// ReceiptHref is the receipt to print (web/receipt.go); JustFiled says
	// the clerk has just filed the claim, when the heir is still there.
	ReceiptHref string
	JustFiled   bool
	// Due is the current stage's deadline (web/claim_due.go); nil when the
	// claim waits on no office.
	Due *claimDue
}

// factSection is a titled list of label/value pairs. A capability can show
// its own facts on the claim page by appending a section.
type factSection struct {
	Title string
	Facts []fact
}

type fact struct {
	Label, Value string
	// Private is a NIK, a KK or account number, a phone: staff read it on
	// screen, the print stylesheet leaves it off paper (.private).
	Private bool
}

type actionView struct {
	Action domain.Action
	Label  string
	Danger bool
	Href   string   // the action's own page, for long forms
	Form   formView // otherwise the form, folded in a <details> when it has fields
}

type timelineEntry struct {
	At      time.Time
	Actor   string
	Role    domain.Role
	Label   string
	From    domain.Status
	To      domain.Status
	Reason  string
	Changes []changeView
}

type changeView struct {
	Field, Old, New string
}

func (s *Server) pageClaim(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	v := view{}
	if done := domain.Action(c.Query("berhasil")); done != "" {
		v.Notice = textf("claim.done", "action", actionLabel(done))
		if done == domain.ActionSubmit {
			v.Notice = text("claim.filed")
		}
	}
	if k := domain.DocumentKind(c.Query("diunggah")); k.Valid() {
		v.Notice = textf("docs.uploaded", "kind", kindLabel(k))
	}
	if key, ok := onlineNotices[c.Query("daring")]; ok {
		v.Notice = text(key)
	}
	s.showClaim(c, id, http.StatusOK, v)
}

// showClaim renders claim id as it is now, with v's messages: after a
// refused action too, so a stale page is replaced by the current state.
func (s *Server) showClaim(c *gin.Context, id int64, status int, v view) {
	s.showClaimWith(c, id, status, v, nil)
}

// showClaimWith is showClaim with an upload form that came back with an error.
func (s *Server) showClaimWith(c *gin.Context, id int64, status int, v view, upload *formView) {
	ctx := c.Request.Context()
	cl, err := s.Engine.Get(ctx, id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	events, err := s.Engine.Events(ctx, id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	role := httpkit.MustUser(c).Role
	data := claimDetailPage{Claim: cl, Sections: s.claimFacts(cl), ReceiptHref: receiptHref(cl.ID),
		JustFiled: c.Query("berhasil") == string(domain.ActionSubmit)}
	data.Sections = append(data.Sections, proposalFacts(cl, events)...)
	for _, w := range cl.Warnings {
		data.Warnings = append(data.Warnings, i18n.Warning(i18n.Indonesian, w))
	}
	for _, a := range s.Engine.AllowedActions(role, cl.Status) {
		av := actionView{Action: a, Label: actionLabel(a), Danger: dangerActions[a]}
		if needsOwnPage(s.needs(a)) {
			av.Href = actionHref(cl.ID, a)
		} else {
			av.Form = s.actionForm(cl, a, nil)
		}
		data.Actions = append(data.Actions, av)
	}
	if data.Due, err = s.claimDue(c, cl); err != nil {
		s.renderError(c, err)
		return
	}
	if err := s.addEvidence(c, &data, upload); err != nil {
		s.renderError(c, err)
		return
	}
	if data.Payment, err = s.claimPayment(c, cl); err != nil {
		s.renderError(c, err)
		return
	}
	if data.Notifications, err = s.claimNotifications(c, cl); err != nil {
		s.renderError(c, err)
		return
	}
	for i := len(events) - 1; i >= 0; i-- { // newest first
		data.Timeline = append(data.Timeline, timelineOf(events[i]))
	}
	s.render(c, status, "claim", v.with(data))
}

func (s *Server) claimFacts(cl domain.Claim) []factSection {
	today := domain.DateOf(s.opts.Now().In(domain.Jakarta()))
	dBirth, dSex, _ := domain.NIKInfo(cl.Deceased.NIK, today)
	hBirth, hSex, _ := domain.NIKInfo(cl.Heir.NIK, today)
	village, _ := s.Areas.Village(cl.Deceased.VillageCode)
	bank, _ := domain.BankByCode(cl.BankAccount.BankCode)
	l := fieldLabel
	return []factSection{
		{Title: text("claim_form.deceased"), Facts: []fact{
			{Label: l(domain.FieldDeceasedFullName), Value: cl.Deceased.FullName},
			{Label: l(domain.FieldDeceasedNIK), Value: cl.Deceased.NIK, Private: true},
			{Label: text("claim.sex_birth"), Value: sexBirth(dSex, dBirth)},
			{Label: l(domain.FieldDeceasedDateOfDeath), Value: formatDate(cl.Deceased.DateOfDeath)},
			{Label: l(domain.FieldDeceasedPlaceOfDeath), Value: cl.Deceased.PlaceOfDeath},
			{Label: l(domain.FieldDeceasedKKNumber), Value: cl.Deceased.KKNumber, Private: true},
			{Label: l(domain.FieldDeceasedAddress), Value: cl.Deceased.Address},
			{Label: l(domain.FieldDeceasedVillageCode), Value: villageLabel(village) + ", " + kecamatanLabel(village)},
		}},
		{Title: text("claim_form.heir"), Facts: []fact{
			{Label: l(domain.FieldHeirFullName), Value: cl.Heir.FullName},
			{Label: l(domain.FieldHeirNIK), Value: cl.Heir.NIK, Private: true},
			{Label: text("claim.sex_birth"), Value: sexBirth(hSex, hBirth)},
			{Label: l(domain.FieldHeirRelationship), Value: i18n.RelationshipLabel(i18n.Indonesian, cl.Heir.Relationship)},
			{Label: l(domain.FieldHeirPhone), Value: cl.Heir.Phone, Private: true},
		}},
		{Title: text("claim_form.bank"), Facts: []fact{
			{Label: l("bank_account." + domain.FieldBankCode), Value: bank.Name + " (" + cl.BankAccount.BankCode + ")"},
			{Label: l("bank_account." + domain.FieldAccountNumber), Value: cl.BankAccount.AccountNumber, Private: true},
			{Label: l("bank_account." + domain.FieldAccountName), Value: cl.BankAccount.AccountName},
		}},
		{Title: text("claim.process"), Facts: []fact{
			{Label: text("claim.amount"), Value: i18n.FormatRupiah(cl.Amount)},
			{Label: l("death_certificate_no"), Value: orDash(cl.DeathCertificateNo)},
			{Label: l("bank_reference"), Value: orDash(cl.BankReference)},
			{Label: text("claim.filed_at"), Value: formatDateTime(i18n.Indonesian, cl.CreatedAt)},
			{Label: text("claim.updated_at"), Value: formatDateTime(i18n.Indonesian, cl.UpdatedAt)},
		}},
	}
}

func sexBirth(sex domain.Sex, birth domain.Date) string {
	if sex == "" {
		return "-"
	}
	return text("sex."+string(sex)) + ", " + formatDate(birth)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// timelineOf describes one audit event. Events that are not workflow
// actions (a capability's recorded kinds) are named by "event.<kind>".
func timelineOf(ev domain.Event) timelineEntry {
	label := actionLabel(ev.Action)
	if k := textKeyFor("event.", string(ev.Action)); k != "" {
		label = text(k)
	}
	e := timelineEntry{At: ev.At, Actor: ev.ActorUsername, Role: ev.ActorRole, Label: label,
		From: ev.FromStatus, To: ev.ToStatus, Reason: ev.Reason}
	fields := make([]string, 0, len(ev.Changes))
	for f := range ev.Changes {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		e.Changes = append(e.Changes, changeRow(f, ev.Changes[f]))
	}
	describeDocumentEvent(ev, &e)
	return e
}

// pagePathID reads :id; anything but a positive integer is the 404 page.
func (s *Server) pagePathID(c *gin.Context) (int64, bool) {
	id, ok := httpkit.ParamID(c, "id")
	if !ok {
		s.renderMessage(c, http.StatusNotFound, "error.not_found", s.homeLink(c))
		return 0, false
	}
	return id, true
}

// parseID reads an id from a form or a query.
func parseID(raw string) (int64, error) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err == nil && id <= 0 {
		err = strconv.ErrRange
	}
	return id, err
}
