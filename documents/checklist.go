package documents

import (
	"fmt"
	"slices"

	"gorm.io/gorm"

	"santunan/domain"
	"santunan/workflow"
)

// Requirements say which documents each workflow action needs.
type Requirements map[domain.Action][]domain.DocumentKind

// DefaultRequirements: verifying the death needs the akta kematian;
// approving needs the heir's papers and the bank book (the akta is there
// since verification).
func DefaultRequirements() Requirements {
	return Requirements{
		domain.ActionVerifyDeath: {domain.DocumentAktaKematian},
		domain.ActionApprove: {domain.DocumentKTPAhliWaris, domain.DocumentKartuKeluarga,
			domain.DocumentSuratAhliWaris, domain.DocumentBukuTabungan},
	}
}

// Checklist is which required documents a claim has.
type Checklist struct {
	Items   []ChecklistItem   `json:"items"`
	Actions []ActionReadiness `json:"actions"`
}

// ChecklistItem is one kind of document: which actions need it and the
// current document of that kind, if any.
type ChecklistItem struct {
	Kind        domain.DocumentKind `json:"kind"`
	RequiredFor []domain.Action     `json:"required_for"`
	Present     bool                `json:"present"`
	DocumentID  int64               `json:"document_id,omitempty"`
}

// ActionReadiness says whether an action's documents are all there.
type ActionReadiness struct {
	Action  domain.Action         `json:"action"`
	Ready   bool                  `json:"ready"`
	Missing []domain.DocumentKind `json:"missing"`
}

// Checklist lists every kind (in AllDocumentKinds order) against the
// current documents, and each action with requirements in table order.
func (r Requirements) Checklist(docs []domain.Document, actionOrder []domain.Action) Checklist {
	current := map[domain.DocumentKind]int64{}
	for _, d := range docs {
		if d.Current {
			current[d.Kind] = d.ID
		}
	}
	out := Checklist{Items: []ChecklistItem{}, Actions: []ActionReadiness{}}
	for _, k := range domain.AllDocumentKinds {
		item := ChecklistItem{Kind: k, RequiredFor: []domain.Action{}, DocumentID: current[k]}
		item.Present = item.DocumentID != 0
		for _, a := range actionOrder {
			if slices.Contains(r[a], k) {
				item.RequiredFor = append(item.RequiredFor, a)
			}
		}
		out.Items = append(out.Items, item)
	}
	for _, a := range actionOrder {
		if len(r[a]) == 0 {
			continue
		}
		missing := missingKinds(r[a], func(k domain.DocumentKind) bool { _, ok := current[k]; return ok })
		out.Actions = append(out.Actions, ActionReadiness{Action: a, Ready: len(missing) == 0, Missing: missing})
	}
	return out
}

// Guard refuses an action whose required documents are not all current on
// the claim, reading them in the action's own transaction.
func (r Requirements) Guard() workflow.Guard {
	return func(tx *workflow.Tx, _ domain.Actor, action domain.Action, before, _ domain.Claim) error {
		need := r[action]
		if len(need) == 0 {
			return nil
		}
		have, err := currentKinds(tx.DB(), before.ID)
		if err != nil {
			return err
		}
		if missing := missingKinds(need, func(k domain.DocumentKind) bool { return have[k] }); len(missing) > 0 {
			return &domain.DocumentsMissingError{Action: action, Missing: missing}
		}
		return nil
	}
}

// Install adds the guard to every action with requirements.
func (r Requirements) Install(guards map[domain.Action][]workflow.Guard) {
	g := r.Guard()
	for a, kinds := range r {
		if len(kinds) > 0 {
			guards[a] = append(guards[a], g)
		}
	}
}

func missingKinds(need []domain.DocumentKind, has func(domain.DocumentKind) bool) []domain.DocumentKind {
	missing := []domain.DocumentKind{}
	for _, k := range need {
		if !has(k) {
			missing = append(missing, k)
		}
	}
	return missing
}

func currentKinds(tx *gorm.DB, claimID int64) (map[domain.DocumentKind]bool, error) {
	var kinds []string
	err := tx.Model(&docRow{}).Where("claim_id = ? AND is_current", claimID).Distinct("kind").Pluck("kind", &kinds).Error
	if err != nil {
		return nil, fmt.Errorf("current documents: %w", err)
	}
	out := make(map[domain.DocumentKind]bool, len(kinds))
	for _, k := range kinds {
		out[domain.DocumentKind(k)] = true
	}
	return out, nil
}
