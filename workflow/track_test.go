package workflow_test

import (
	"context"
	"errors"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/workflow"
)

func TestTrackNeedsCodeAndHeirNIK(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusApproved)
		got, err := b.engine.Track(ctx, c.Code, c.Heir.NIK)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != domain.StatusApproved || len(got.Timeline) != 3 || got.Timeline[2].Status != domain.StatusApproved || got.Reason != "" {
			t.Fatalf("tracking = %+v", got)
		}
		_, wrongNIK := b.engine.Track(ctx, c.Code, c.Deceased.NIK)
		_, unknown := b.engine.Track(ctx, "SKM-0000-0000", c.Heir.NIK)
		if !errors.Is(wrongNIK, domain.ErrNotFound) || !errors.Is(unknown, domain.ErrNotFound) || wrongNIK.Error() != unknown.Error() {
			t.Fatalf("wrong NIK: %v; unknown code: %v; want the same not-found", wrongNIK, unknown)
		}
	})
}

func TestTrackTellsWhyAClaimWasReturned(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		if _, err := b.engine.Apply(ctx, b.clerk, c.ID, domain.ActionReturn, workflow.ActionInput{Reason: "Foto KK buram, mohon unggah ulang"}); err != nil {
			t.Fatal(err)
		}
		got, err := b.engine.Track(ctx, c.Code, c.Heir.NIK)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != domain.StatusReturned || got.Reason != "Foto KK buram, mohon unggah ulang" {
			t.Fatalf("tracking = %+v", got)
		}
	})
}

// Recorded events (documents attached) are not stages of the heir's timeline.
func TestTrackTimelineSkipsRecordedEvents(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			_, err := tx.Record(b.clerk, c.ID, "document_uploaded", "", nil)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := b.engine.Track(ctx, c.Code, c.Heir.NIK)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Timeline) != 1 || got.Timeline[0].Status != domain.StatusSubmitted {
			t.Fatalf("timeline %+v, want the one submitted stage", got.Timeline)
		}
	})
}

// A rejected claim tells the heir why, as a returned one tells what to fix.
func TestTrackTellsWhyAClaimEnded(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		if _, err := b.engine.Apply(ctx, b.clerk, c.ID, domain.ActionReject, workflow.ActionInput{Reason: "Almarhum bukan penduduk Kendal"}); err != nil {
			t.Fatal(err)
		}
		got, err := b.engine.Track(ctx, c.Code, c.Heir.NIK)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != domain.StatusRejected || got.Reason != "Almarhum bukan penduduk Kendal" {
			t.Fatalf("tracking = %+v", got)
		}
	})
}
