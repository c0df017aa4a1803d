package web

import (
	"errors"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
)

// The evidence on a claim page: its documents and its match against
// Dukcapil's death register, so that a clerk sees both before verifying
// and an officer before approving. Each part is shown to the roles its
// service lets read it.

type evidenceView struct {
	Documents *documentsView // nil when the documents capability is off
	Register  *registerView  // nil when the register is off or the role may not read it
	ClaimID   int64
	// AccessLogHref is the page of who opened the claim's documents, for
	// the role that may read it (web/access_log.go); empty otherwise.
	AccessLogHref string
	// OnlineCheck asks Dukcapil's web service (web/register_online.go);
	// nil when no service is configured or the role may not ask it.
	OnlineCheck *formView
}

// registerView is the claim's match against the death register.
type registerView struct {
	Outcome     domain.MatchOutcome
	Label       string
	Differences []differenceRow
	Record      []fact // the registered death compared with
	Records     int
}

type differenceRow struct {
	Field, Claim, Register string
}

// addEvidence puts the documents and the register match on the claim page
// and fills the verify_death form from the register. upload is an upload
// form that came back with an error.
func (s *Server) addEvidence(c *gin.Context, data *claimDetailPage, upload *formView) error {
	ctx := c.Request.Context()
	user := httpkit.MustUser(c)
	ev := &evidenceView{ClaimID: data.Claim.ID}
	if documents.CanList(user.Role) {
		docs, err := s.Documents.List(ctx, user.Actor(), data.Claim.ID)
		if err != nil {
			return err
		}
		ev.Documents = s.documentsOf(data.Claim, user.Role, docs, upload, sessionCSRF(c))
		if documents.CanReadAccessLog(user.Role) {
			ev.AccessLogHref = accessLogHref(data.Claim.ID)
		}
	}
	if deathregister.CanRead(user.Role) {
		m, err := s.DeathRegister.Match(ctx, user.Actor(), data.Claim.ID)
		if err != nil {
			return err
		}
		ev.Register = s.registerViewOf(m)
		if s.DeathRegister.OnlineEnabled() && deathregister.CanCheckOnline(user.Role) {
			ev.OnlineCheck = onlineCheckForm(data.Claim.ID, sessionCSRF(c))
		}
		for i := range data.Actions {
			if data.Actions[i].Action == domain.ActionVerifyDeath {
				verifyFormWithRegister(&data.Actions[i].Form, m, nil)
			}
		}
	}
	data.Evidence = ev
	return nil
}

func (s *Server) registerViewOf(m deathregister.Match) *registerView {
	rv := &registerView{Outcome: m.Outcome, Label: text("match.outcome." + string(m.Outcome)), Records: m.Records}
	for _, d := range m.Differences {
		rv.Differences = append(rv.Differences, differenceOf(d))
	}
	if r := m.Record; r != nil {
		village, _ := s.Areas.Village(r.VillageCode)
		rv.Record = []fact{
			{Label: text("match.record_certificate"), Value: r.DeathCertificateNo},
			{Label: text("match.record_date"), Value: formatDate(r.DateOfDeath)},
			{Label: text("match.record_name"), Value: r.FullName},
			{Label: text("match.record_village"), Value: villageLabel(village) + ", " + kecamatanLabel(village)},
			{Label: text("match.record_registered"), Value: formatDate(r.RegisteredOn)},
		}
	}
	return rv
}

// differenceOf labels a difference and writes its dates the Indonesian way.
func differenceOf(d deathregister.Difference) differenceRow {
	row := differenceRow{Field: text("match.field." + d.Field), Claim: orDash(d.Claim), Register: orDash(d.Register)}
	if d.Field == domain.MatchFieldDateOfDeath {
		row.Claim, row.Register = isoToText(d.Claim), isoToText(d.Register)
	}
	return row
}

func isoToText(iso string) string {
	d, err := domain.ParseDate(iso)
	if err != nil {
		return orDash(iso)
	}
	return formatDate(d)
}

// verifyFormWithRegister adjusts verify_death's form to the register: on a
// match the akta number and date come from the register (the clerk checks
// them against the paper); on a difference the form says what differs and
// asks the clerk to confirm it (confirm_register_mismatch), which the
// register's guard requires. get is the posted form, nil for a new one.
func verifyFormWithRegister(fv *formView, m deathregister.Match, get formValues) {
	if len(fv.Sections) == 0 {
		return
	}
	sec := &fv.Sections[len(fv.Sections)-1]
	var cert, dod *formField
	note := len(sec.Fields)
	for i := range sec.Fields {
		switch sec.Fields[i].Name {
		case "death_certificate_no":
			cert = &sec.Fields[i]
		case "date_of_death":
			dod = &sec.Fields[i]
		case "reason":
			note = i
		}
	}
	if cert == nil || dod == nil {
		return
	}
	switch m.Outcome {
	case domain.MatchAgrees:
		if get == nil {
			cert.Value, dod.Value = m.Record.DeathCertificateNo, m.Record.DateOfDeath.String()
			cert.Hint = text("match.prefilled")
			dod.Hint = text("match.prefilled_date")
		}
	case domain.MatchNotFound:
		cert.Hint = text("match.not_found_hint") + " " + cert.Hint
	case domain.MatchDiffers:
		diffs := make([]string, len(m.Differences))
		for i, d := range m.Differences {
			row := differenceOf(d)
			diffs[i] = textf("match.difference", "field", row.Field, "claim", row.Claim, "register", row.Register)
		}
		value := ""
		if get != nil {
			value = get(fieldConfirmMismatch)
		}
		confirm := formField{Prefix: cert.Prefix, Name: fieldConfirmMismatch, Type: "checkbox", Value: value,
			Label: text("match.confirm"), Hint: text("match.confirm_hint") + " " + strings.Join(diffs, " ")}
		sec.Fields = append(sec.Fields[:note], append([]formField{confirm}, sec.Fields[note:]...)...)
	}
}

// fieldConfirmMismatch is the request field of the clerk's confirmation.
const fieldConfirmMismatch = "confirm_register_mismatch"

// verifyFormAgain adjusts verify_death's form on a page of its own: a new
// one (get nil), or a refused one compared as the claim would be with what
// was typed, so that a difference the clerk typed is explained and one the
// clerk corrected is not.
func (s *Server) verifyFormAgain(c *gin.Context, fv *formView, cl domain.Claim, a domain.Action, get formValues) {
	if a != domain.ActionVerifyDeath || !deathregister.CanRead(httpkit.MustUser(c).Role) {
		return
	}
	typed := cl
	if get != nil {
		if no, code := domain.NormalizeCertificateNo(get("death_certificate_no")); code == "" {
			typed.DeathCertificateNo = no
		}
		if d, err := domain.ParseDate(strings.TrimSpace(get("date_of_death"))); err == nil {
			typed.Deceased.DateOfDeath = d
		}
	}
	ms, err := s.DeathRegister.MatchMany(c.Request.Context(), []domain.Claim{typed})
	if err != nil {
		// The form works without the hints; the guard checks the register.
		httpkit.Logger(c).Warn("register match for the verify form", "claim_id", cl.ID, "error", err.Error())
		return
	}
	verifyFormWithRegister(fv, ms[cl.ID], get)
}

// mismatchErrors turns the register guard's refusal into an error on the
// confirmation checkbox, so the form is shown again with what was typed.
func mismatchErrors(err error) domain.FieldErrors {
	var mismatch *domain.RegisterMismatchError
	if errors.As(err, &mismatch) {
		return domain.FieldErrors{fieldConfirmMismatch: domain.ViolationRegisterMismatchUnconfirmed}
	}
	return nil
}

// changeRow describes one field of an audit event. Document hashes and the
// register check are written for people; other fields by their label.
func changeRow(field string, ch domain.Change) changeView {
	switch {
	case field == deathregister.NoteField:
		return changeView{Field: text("match.note"), Old: registerNote(ch.Old), New: registerNote(ch.New)}
	case strings.HasPrefix(field, "document.") && strings.HasSuffix(field, ".sha256"):
		kind := domain.DocumentKind(strings.Split(field, ".")[1])
		return changeView{Field: textf("docs.change_sha", "kind", kindLabel(kind)), Old: orDash(shortHash(ch.Old)), New: orDash(shortHash(ch.New))}
	}
	return changeView{Field: fieldLabel(field), Old: orDash(ch.Old), New: orDash(ch.New)}
}

// registerNote reads the register guard's note ("match", "not_in_register",
// "mismatch_confirmed: date_of_death,...").
func registerNote(v string) string {
	if v == "" {
		return "-"
	}
	if fields, ok := strings.CutPrefix(v, "mismatch_confirmed:"); ok {
		var labels []string
		for _, f := range strings.Split(strings.TrimSpace(fields), ",") {
			labels = append(labels, text("match.field."+strings.TrimSpace(f)))
		}
		return textf("match.note_confirmed", "fields", strings.Join(labels, ", "))
	}
	return text("match.outcome." + v)
}

// describeDocumentEvent names an upload in the timeline by its kind and
// the short SHA-256 of the file.
func describeDocumentEvent(ev domain.Event, e *timelineEntry) {
	if ev.Action != documents.EventUploaded && ev.Action != documents.EventReplaced {
		return
	}
	sha := ""
	for f, ch := range ev.Changes {
		if strings.HasPrefix(f, "document.") {
			sha = shortHash(ch.New)
		}
	}
	e.Label = textf("event."+string(ev.Action), "kind", kindLabel(domain.DocumentKind(ev.Reason)), "sha", sha)
	e.Reason = "" // the kind, already in the label
}
