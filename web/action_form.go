package web

import (
	"strconv"
	"strings"

	"santunan/domain"
	"santunan/workflow"
)

// An action's form asks for what its transition needs (workflow.Transition.
// Needs), and carries the claim version the person saw, so that acting on a
// stale page meets version_conflict instead of overwriting someone's work.

// dangerActions end, undo or send back a claim; their buttons look different.
var dangerActions = map[domain.Action]bool{
	domain.ActionReturn: true, domain.ActionReject: true, domain.ActionCancel: true, domain.ActionFailPayment: true,
}

// needsOwnPage: actions whose form is long get a page of their own rather
// than a form folded into the claim page.
func needsOwnPage(needs []workflow.Need) bool {
	for _, n := range needs {
		if n == workflow.NeedCorrections || n == workflow.NeedBankAccount {
			return true
		}
	}
	return false
}

func actionHref(id int64, a domain.Action) string {
	return claimHref(id) + "/tindakan/" + string(a)
}

func (s *Server) needs(a domain.Action) []workflow.Need {
	tr, _ := s.Engine.Table().Lookup(a)
	return tr.Needs
}

// actionForm is the form of action on claim cl. get reads a posted form (to
// keep what was typed after an error); nil fills the defaults.
func (s *Server) actionForm(cl domain.Claim, a domain.Action, get formValues) formView {
	current := domain.InputOf(cl.Deceased, cl.Heir, cl.BankAccount)
	version := strconv.Itoa(cl.Version)
	if get == nil {
		get = func(string) string { return "" }
	} else {
		// Keep the version the person saw, or a stale page would be
		// silently refreshed by a validation error.
		version = get("version")
		current, _ = claimInputFrom(get)
	}
	fv := formView{Action: actionHref(cl.ID, a), Hidden: []hiddenField{{Name: "version", Value: version}},
		Submit: textf("action.confirm", "action", actionLabel(a))}
	if dangerActions[a] {
		fv.SubmitClass = "danger"
	}
	var fields []formField
	note := func() {
		f := textField("reason", get("reason"), false)
		f.Type, f.Label = "textarea", text("field.note")
		fields = append(fields, f)
	}
	for _, n := range s.needs(a) {
		switch n {
		case workflow.NeedReason:
			f := textField("reason", get("reason"), true)
			f.Type = "textarea"
			if i := textKeyFor("hint.reason.", string(a)); i != "" {
				f.Hint = text(i)
			}
			fields = append(fields, f)
		case workflow.NeedDeathCertificateNo:
			dod := textField("date_of_death", get("date_of_death"), false)
			dod.Type = "date"
			dod.Hint = textf("hint.date_of_death_correction", "date", formatDate(cl.Deceased.DateOfDeath))
			fields = append(fields, textField("death_certificate_no", get("death_certificate_no"), true), dod)
			note()
		case workflow.NeedBankReference:
			fields = append(fields, textField("bank_reference", get("bank_reference"), true))
		case workflow.NeedBankAccount:
			fv.Sections = append(fv.Sections, bankSection(current.BankAccount))
			note()
		case workflow.NeedCorrections:
			fv.Sections = append(fv.Sections, s.deceasedSection(current.Deceased), heirSection(current.Heir),
				bankSection(current.BankAccount))
			note()
		}
	}
	if len(fields) > 0 {
		fv.Sections = append(fv.Sections, formSection{Fields: fields})
	}
	fv.prefixIDs("a-" + strings.ReplaceAll(string(a), "_", "-") + "-")
	return fv
}

// actionInputFrom reads an action's form, within its limits. Only the
// fields the action asks for are read.
func (s *Server) actionInputFrom(a domain.Action, get formValues) (workflow.ActionInput, error) {
	var in workflow.ActionInput
	if v, err := strconv.Atoi(get("version")); err == nil {
		in.Version = &v
	} else {
		return in, domain.FieldError("version", domain.ViolationInvalidValue)
	}
	var limits []limit
	for _, n := range s.needs(a) {
		switch n {
		case workflow.NeedReason:
			in.Reason = get("reason")
			limits = append(limits, reasonLimit)
		case workflow.NeedDeathCertificateNo:
			in.DeathCertificateNo, in.DateOfDeath, in.Reason = get("death_certificate_no"), get("date_of_death"), get("reason")
			in.ConfirmRegisterMismatch = get(fieldConfirmMismatch) == "true"
			limits = append(limits, limit{field: "death_certificate_no", max: 128}, limit{field: "date_of_death", max: 32}, reasonLimit)
		case workflow.NeedBankReference:
			in.BankReference = get("bank_reference")
			limits = append(limits, limit{field: "bank_reference", max: 256})
		case workflow.NeedBankAccount:
			b := bankInputFrom(get)
			in.BankAccount, in.Reason = &b, get("reason")
			limits = append(limits, bankLimits...)
			limits = append(limits, reasonLimit)
		case workflow.NeedCorrections:
			claim, _ := claimInputFrom(get)
			in.Deceased, in.Heir, in.BankAccount, in.Reason = &claim.Deceased, &claim.Heir, &claim.BankAccount, get("reason")
			limits = append(limits, claimLimits...)
			limits = append(limits, reasonLimit)
		}
	}
	return in, checkLimits(get, limits...)
}
