package workdays

import (
	"slices"

	"santunan/domain"
)

// Published is the service standard as the public page and its JSON show
// it (Permenpan RB 15/2014: requirements, procedure, time, cost, product,
// complaint handling), built from the configuration alone, so the page and
// the system that keeps the deadlines cannot disagree. It holds codes and
// numbers; the front doors put them in words.
type Published struct {
	// Requirements are the documents an heir brings, in checklist order,
	// each with the step that needs it.
	Requirements []Requirement
	// Procedure is the stages a claim goes through, in order, each with
	// its working days and the office that takes it.
	Procedure []PublishedStage
	// EndToEndDays and TargetDays are the whole's promise and the
	// Bupati's wish, in working days.
	EndToEndDays int
	TargetDays   int
	// Cost is what the heir pays: nothing.
	Cost domain.Rupiah
	// Benefit is what the heir receives, by transfer to their account.
	Benefit domain.Rupiah
	// Complaints are each category's deadlines, in the form's order.
	Complaints []PublishedComplaint
}

// Requirement is one document of the standard.
type Requirement struct {
	Document  domain.DocumentKind
	NeededFor domain.Action
}

// PublishedStage is one step of the procedure.
type PublishedStage struct {
	Stage  domain.Stage
	Days   int
	Office domain.OfficeKey
	// Role is who takes the step.
	Role domain.Role
}

// PublishedComplaint is a complaint category's deadlines.
type PublishedComplaint struct {
	Category domain.ComplaintCategory
	domain.ComplaintDeadlines
}

// stageRoles is who takes each stage's step, and the status it begins in.
var stageRoles = map[domain.Stage]struct {
	role   domain.Role
	status domain.Status
}{
	domain.StageIntake:  {domain.RoleDukcapilClerk, domain.StatusApplied},
	domain.StageVerify:  {domain.RoleDukcapilClerk, domain.StatusSubmitted},
	domain.StageApprove: {domain.RoleDinsosOfficer, domain.StatusDeathVerified},
	domain.StagePay:     {domain.RoleTreasurer, domain.StatusApproved},
	domain.StageRepay:   {domain.RoleDinsosOfficer, domain.StatusPaymentFailed},
}

// Publish builds the public standard from the standard, the documents
// each action requires (config.Evidence) and the benefit.
func Publish(std domain.ServiceStandard, required map[domain.Action][]domain.DocumentKind, benefit domain.Rupiah) Published {
	p := Published{EndToEndDays: std.EndToEndDays, TargetDays: std.TargetDays, Benefit: benefit}
	seen := map[domain.DocumentKind]bool{}
	for _, a := range []domain.Action{domain.ActionVerifyDeath, domain.ActionApprove} {
		for _, k := range domain.AllDocumentKinds {
			if slices.Contains(required[a], k) && !seen[k] {
				seen[k] = true
				p.Requirements = append(p.Requirements, Requirement{Document: k, NeededFor: a})
			}
		}
	}
	for _, st := range domain.AllStages {
		who := stageRoles[st]
		p.Procedure = append(p.Procedure, PublishedStage{Stage: st, Days: std.StageDays[st],
			Office: domain.HoldingOffice(who.status), Role: who.role})
	}
	for _, c := range domain.AllComplaintCategories {
		p.Complaints = append(p.Complaints, PublishedComplaint{Category: c, ComplaintDeadlines: std.Complaints[c]})
	}
	return p
}
