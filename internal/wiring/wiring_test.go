package wiring_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"santunan/config"
	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/wiring"
	"santunan/workflow"
)

// The default configuration wires every rule of production: documents
// before verify_death, the budget on approve, payments through batches.
func TestBuildWiresTheProductionRules(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		cfg, err := config.FromEnv(func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		dir := fixture.Areas(t)
		svc := wiring.Build(db, dir, cfg, wiring.Options{Now: fixture.Clock()})
		if svc.Engine == nil || svc.Payments == nil || svc.Documents == nil || svc.DeathRegister == nil || svc.Auth == nil ||
			svc.RateCounter == nil || svc.Now == nil {
			t.Fatalf("services %+v", svc)
		}
		if got := svc.Engine.AllowedActions(domain.RoleTreasurer, domain.StatusApproved); len(got) != 0 {
			t.Fatalf("the treasurer may take %v on an approved claim", got)
		}
		if got := svc.Engine.AllowedActions(domain.RoleDinsosOfficer, domain.StatusPaymentFailed); !slices.Contains(got, domain.ActionRetryPayment) {
			t.Fatalf("retry_payment not offered: %v", got)
		}

		ctx := context.Background()
		clerk, officer := fixture.Actor(t, db, domain.RoleDukcapilClerk), fixture.Actor(t, db, domain.RoleDinsosOfficer)
		treasurer := fixture.Actor(t, db, domain.RoleTreasurer)
		c, err := svc.Engine.Submit(ctx, clerk, fixture.ClaimInput(1))
		if err != nil {
			t.Fatal(err)
		}
		upload := func(kinds ...domain.DocumentKind) {
			for _, k := range kinds {
				pdf := []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% " + string(k) + "\n%%EOF\n")
				if _, err := svc.Documents.Upload(ctx, clerk, documents.Upload{ClaimID: c.ID, Kind: k, Filename: string(k) + ".pdf", Content: pdf}); err != nil {
					t.Fatal(err)
				}
			}
		}
		verify := workflow.ActionInput{DeathCertificateNo: "3324-KM-20112026-0001"}
		var missing *domain.DocumentsMissingError
		if _, err := svc.Engine.Apply(ctx, clerk, c.ID, domain.ActionVerifyDeath, verify); !errors.As(err, &missing) {
			t.Fatalf("verify_death without the akta: %v", err)
		}
		upload(domain.DocumentAktaKematian)
		if _, err := svc.Engine.Apply(ctx, clerk, c.ID, domain.ActionVerifyDeath, verify); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Engine.Apply(ctx, officer, c.ID, domain.ActionApprove, workflow.ActionInput{}); !errors.As(err, &missing) || len(missing.Missing) != 4 {
			t.Fatalf("approve without the other four documents: %v", err)
		}
		upload(domain.DocumentKTPAhliWaris, domain.DocumentKartuKeluarga, domain.DocumentSuratAhliWaris, domain.DocumentBukuTabungan)
		if _, err := svc.Engine.Apply(ctx, officer, c.ID, domain.ActionApprove, workflow.ActionInput{}); !errors.Is(err, domain.ErrBudgetNotSet) {
			t.Fatalf("approve without a budget: %v", err)
		}
		if _, _, err := svc.Payments.SetBudget(ctx, officer, 2026, 1_000_000); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Engine.Apply(ctx, officer, c.ID, domain.ActionApprove, workflow.ActionInput{}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Engine.Apply(ctx, treasurer, c.ID, domain.ActionStartPayment, workflow.ActionInput{}); !errors.Is(err, domain.ErrReservedAction) {
			t.Fatalf("start_payment on one claim: %v", err)
		}
	})
}
