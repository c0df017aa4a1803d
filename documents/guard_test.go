package documents_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// verify_death needs the akta; approve needs the heir's papers and the bank
// book; the refusal names what is missing, and the checklist agrees.
func TestChecklistGatesVerifyAndApprove(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		c := k.submit(t, 1)
		verify := workflow.ActionInput{DeathCertificateNo: "3324-KM-20112026-0001"}

		_, err := k.engine.Apply(ctx, k.clerk, c.ID, domain.ActionVerifyDeath, verify)
		var missing *domain.DocumentsMissingError
		if !errors.As(err, &missing) || !slices.Equal(missing.Missing, []domain.DocumentKind{domain.DocumentAktaKematian}) {
			t.Fatalf("verify without akta: %v", err)
		}
		if !errors.Is(err, domain.ErrValidation) {
			t.Fatal("a missing document is not a validation failure")
		}
		k.upload(t, c.ID, domain.DocumentLainnya, pdfFile) // not the akta
		if _, err := k.engine.Apply(ctx, k.clerk, c.ID, domain.ActionVerifyDeath, verify); !errors.As(err, &missing) {
			t.Fatalf("verify with only another paper: %v", err)
		}
		k.upload(t, c.ID, domain.DocumentAktaKematian, pdfFile)
		if _, err := k.engine.Apply(ctx, k.clerk, c.ID, domain.ActionVerifyDeath, verify); err != nil {
			t.Fatalf("verify with akta: %v", err)
		}

		k.upload(t, c.ID, domain.DocumentKTPAhliWaris, jpegFile)
		k.upload(t, c.ID, domain.DocumentBukuTabungan, pngFile)
		_, err = k.engine.Apply(ctx, k.officer, c.ID, domain.ActionApprove, workflow.ActionInput{})
		want := []domain.DocumentKind{domain.DocumentKartuKeluarga, domain.DocumentSuratAhliWaris}
		if !errors.As(err, &missing) || !slices.Equal(missing.Missing, want) || missing.Action != domain.ActionApprove {
			t.Fatalf("approve with two papers missing: %v", err)
		}
		docs, _ := k.docs.List(ctx, k.officer, c.ID)
		list := k.docs.Checklist(docs)
		if len(list.Actions) != 2 || !list.Actions[0].Ready || list.Actions[1].Ready || !slices.Equal(list.Actions[1].Missing, want) {
			t.Fatalf("checklist actions %+v", list.Actions)
		}
		if list.Items[0].Kind != domain.DocumentAktaKematian || !list.Items[0].Present ||
			!slices.Equal(list.Items[0].RequiredFor, []domain.Action{domain.ActionVerifyDeath}) {
			t.Fatalf("akta item %+v", list.Items[0])
		}
		if list.Items[2].Kind != domain.DocumentKartuKeluarga || list.Items[2].Present || list.Items[2].DocumentID != 0 {
			t.Fatalf("kk item %+v", list.Items[2])
		}

		k.upload(t, c.ID, domain.DocumentKartuKeluarga, pdfFile)
		k.upload(t, c.ID, domain.DocumentSuratAhliWaris, pdfFile)
		if _, err := k.engine.Apply(ctx, k.officer, c.ID, domain.ActionApprove, workflow.ActionInput{}); err != nil {
			t.Fatalf("approve with every paper: %v", err)
		}
	})
}

func TestRequirementsInstallOnlyWhereNeeded(t *testing.T) {
	guards := map[domain.Action][]workflow.Guard{}
	documents.Requirements{domain.ActionApprove: {domain.DocumentBukuTabungan}, domain.ActionVerifyDeath: {}}.Install(guards)
	if len(guards) != 1 || len(guards[domain.ActionApprove]) != 1 {
		t.Fatalf("guards installed on %v", guards)
	}
}
