package documents

import (
	"context"
	"fmt"

	"santunan/database"
	"santunan/domain"
)

// Received lists the kinds of claimID's current documents, each once, in
// checklist order: what the claim's receipt says was received. The caller
// has found the claim (staff by its id, an heir through
// workflow.Engine.Identify).
func (s *Service) Received(ctx context.Context, actor domain.Actor, claimID int64) ([]domain.DocumentKind, error) {
	if !CanSeeReceived(actor.Role) {
		return nil, fmt.Errorf("role %s may not see a claim's documents: %w", actor.Role, domain.ErrForbidden)
	}
	var kinds []domain.DocumentKind
	err := s.db.Read.WithContext(ctx).Model(&docRow{}).Distinct("kind").
		Where("claim_id = ? AND is_current", claimID).Pluck("kind", &kinds).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("received documents: %w", err))
	}
	has := map[domain.DocumentKind]bool{}
	for _, k := range kinds {
		has[k] = true
	}
	out := []domain.DocumentKind{}
	for _, k := range domain.AllDocumentKinds {
		if has[k] {
			out = append(out, k)
		}
	}
	return out, nil
}
