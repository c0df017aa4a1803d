package workflow_test

import (
	"context"
	"errors"
	"slices"
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

// A returned claim carries its deadline, the last day of the claim window.
func TestTrackGivesTheClaimWindowsLastDay(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusReturned)
		got, err := b.engine.Track(context.Background(), c.Code, c.Heir.NIK)
		if err != nil {
			t.Fatal(err)
		}
		// The fixture engine's window is 90 days.
		if want := c.Deceased.DateOfDeath.AddDays(90); got.Deadline != want || got.Payout != nil {
			t.Fatalf("deadline %v, payout %+v; want %v and none", got.Deadline, got.Payout, want)
		}
	})
}

// A paid claim tells the bank, the last four digits and when, no more.
func TestTrackSaysWhereThePaymentWent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusPaid)
		got, err := b.engine.Track(context.Background(), c.Code, c.Heir.NIK)
		if err != nil {
			t.Fatal(err)
		}
		p := got.Payout
		acct := c.BankAccount.AccountNumber
		bank, _ := domain.BankByCode(c.BankAccount.BankCode)
		if p == nil || p.BankName != bank.Name || p.AccountLast4 != acct[len(acct)-4:] || p.At.IsZero() {
			t.Fatalf("payout %+v, want %s and the last four of %s", p, bank.Name, acct)
		}
	})
}

// A claim returned and filed again shows each status once, and none of the
// steps ahead is one it has passed.
func TestTrackListsEachStepOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusReturned)
		if _, err := b.engine.Apply(ctx, b.clerk, c.ID, domain.ActionResubmit, validInput()); err != nil {
			t.Fatal(err)
		}
		got, err := b.engine.Track(ctx, c.Code, c.Heir.NIK)
		if err != nil {
			t.Fatal(err)
		}
		var timeline []domain.Status
		for _, st := range got.Timeline {
			timeline = append(timeline, st.Status)
		}
		wantTimeline := []domain.Status{domain.StatusSubmitted, domain.StatusReturned}
		wantAhead := []domain.Status{domain.StatusDeathVerified, domain.StatusApproved, domain.StatusDisbursing, domain.StatusPaid}
		if !slices.Equal(timeline, wantTimeline) || !slices.Equal(got.Upcoming, wantAhead) {
			t.Fatalf("timeline %v, ahead %v; want %v and %v", timeline, got.Upcoming, wantTimeline, wantAhead)
		}
	})
}
