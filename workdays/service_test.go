package workdays_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"santunan/config"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workdays"
	"santunan/workflow"
)

// clock is a settable test clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }
func wib(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, domain.Jakarta())
}

func date(t *testing.T, s string) domain.Date {
	t.Helper()
	d, err := domain.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

type bench struct {
	db       *database.DB
	clk      *clock
	cal      *workdays.Service
	engine   *workflow.Engine
	clerk    domain.Actor
	officer  domain.Actor
	admin    domain.Actor
	treasure domain.Actor
}

func newBench(t *testing.T, db *database.DB, at time.Time) *bench {
	clk := &clock{now: at}
	cal := workdays.New(db, workdays.Options{Standard: config.DefaultStandard(), Now: clk.Now})
	opts := fixture.EngineOptions(t)
	opts.Now = clk.Now
	opts.OnEvent = []workflow.EventHook{cal.Hook()}
	return &bench{db: db, clk: clk, cal: cal, engine: workflow.New(db, opts),
		clerk: fixture.Actor(t, db, domain.RoleDukcapilClerk), officer: fixture.Actor(t, db, domain.RoleDinsosOfficer),
		admin: fixture.Actor(t, db, domain.RoleAdmin), treasure: fixture.Actor(t, db, domain.RoleTreasurer)}
}

// submit files claim n, who died died.
func (b *bench) submit(t *testing.T, n int, died string) domain.Claim {
	t.Helper()
	in := fixture.ClaimInput(n)
	in.Deceased.DateOfDeath = died
	c, err := b.engine.Submit(context.Background(), b.clerk, in)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (b *bench) act(t *testing.T, c domain.Claim, who domain.Actor, a domain.Action, in workflow.ActionInput) domain.Claim {
	t.Helper()
	out, err := b.engine.Apply(context.Background(), who, c.ID, a, in)
	if err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	return out
}

func dueOf(t *testing.T, b *bench, id int64) *domain.Date {
	t.Helper()
	c, err := b.engine.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.StageDue
}

func wantDue(t *testing.T, what string, got *domain.Date, want string) {
	t.Helper()
	switch {
	case want == "" && got != nil:
		t.Errorf("%s: due %s, want none", what, got)
	case want != "" && (got == nil || got.String() != want):
		t.Errorf("%s: due %v, want %s", what, got, want)
	}
}

// The migration seeded exactly the 2026 file's days.
func TestSeedIsTheFile(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		want, err := workdays.ParseSeed(workdays.Seed2026())
		if err != nil {
			t.Fatal(err)
		}
		cal := workdays.New(db, workdays.Options{Standard: config.DefaultStandard()})
		got, err := cal.Year(context.Background(), 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d days seeded, the file has %d", len(got), len(want))
		}
		for i := range want {
			if got[i].NonWorkingDay != want[i] {
				t.Errorf("day %d: %+v, file says %+v", i, got[i].NonWorkingDay, want[i])
			}
		}
		c, err := cal.Calendar(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !c.Covers(2026) || c.Covers(2027) || c.IsWorkingDay(date(t, "2026-03-20")) || !c.IsWorkingDay(date(t, "2026-03-25")) {
			t.Error("the calendar read back is not the seed")
		}
	})
}

// Each stage's due day follows the standard in working days from the day
// the claim entered it, across the Lebaran week; approved → disbursing keeps
// it, returned clears it, resubmitting starts a new one.
func TestDueDatesAcrossLebaran(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		b := newBench(t, db, wib(2026, 3, 17, 15)) // Tuesday before Nyepi
		c := b.submit(t, 1, "2026-03-10")
		// verify: 2 working days after Tue 17 March: 18-24 are off, so Wed 25, Thu 26.
		wantDue(t, "submitted (returned claim)", c.StageDue, "2026-03-26")
		wantDue(t, "submitted (stored)", dueOf(t, b, c.ID), "2026-03-26")
		if c.StageStartedAt == nil || !c.StageStartedAt.Equal(b.clk.Now()) {
			t.Errorf("stage started %v, want %v", c.StageStartedAt, b.clk.Now())
		}

		b.clk.Set(wib(2026, 3, 25, 9))
		c = b.act(t, c, b.clerk, domain.ActionReturn, workflow.ActionInput{Reason: "Fotokopi KK kurang jelas"})
		wantDue(t, "returned", c.StageDue, "")
		wantDue(t, "returned (stored)", dueOf(t, b, c.ID), "")

		b.clk.Set(wib(2026, 3, 27, 23)) // Friday, 23:00 WIB (16:00 UTC)
		c = b.act(t, c, b.clerk, domain.ActionResubmit, workflow.ActionInput{})
		wantDue(t, "resubmitted on a Friday night", c.StageDue, "2026-03-31")

		c = b.act(t, c, b.clerk, domain.ActionVerifyDeath, workflow.ActionInput{DeathCertificateNo: "3324-KM-20032026-0001", DateOfDeath: "2026-03-10"})
		// approve: 3 working days after Fri 27 March: Mon 30, Tue 31, Wed 1 April.
		wantDue(t, "death verified", c.StageDue, "2026-04-01")

		b.clk.Set(wib(2026, 4, 2, 10))
		c = b.act(t, c, b.officer, domain.ActionApprove, workflow.ActionInput{})
		// pay: 5 working days after Thu 2 April (Good Friday 3 April off): 6, 7, 8, 9, 10.
		wantDue(t, "approved", c.StageDue, "2026-04-10")

		b.clk.Set(wib(2026, 4, 6, 10))
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			_, err := tx.Apply(b.treasure, c.ID, domain.ActionStartPayment, workflow.ActionInput{})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		wantDue(t, "disbursing keeps the pay stage's day", dueOf(t, b, c.ID), "2026-04-10")

		b.clk.Set(wib(2026, 4, 7, 10))
		err = b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			_, err := tx.Apply(b.treasure, c.ID, domain.ActionConfirmPayment, workflow.ActionInput{BankReference: "TRX-1"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		wantDue(t, "paid", dueOf(t, b, c.ID), "")

		rep, err := b.engine.VerifyAudit(ctx)
		if err != nil || !rep.OK() {
			t.Fatalf("audit verify: %v %+v", err, rep.Problems)
		}
	})
}

// The year boundary: a claim filed on the last working day of 2026 counts
// 2027's days, and 2027 has none entered, so only weekends are off.
func TestDueDatesAcrossTheYear(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := newBench(t, db, wib(2026, 12, 31, 10)) // Thursday
		c := b.submit(t, 2, "2026-12-20")
		wantDue(t, "verify from 31 Dec", c.StageDue, "2027-01-04")
		// New Year's Day 2027 entered: the due day moves by one.
		ch, err := b.cal.Add(context.Background(), b.admin, workdays.DayInput{Date: "2027-01-01", Kind: "libur_nasional", Name: "Tahun Baru 2027 Masehi"})
		if err != nil {
			t.Fatal(err)
		}
		if ch.Restaged != 1 {
			t.Errorf("%d claims restaged, want 1", ch.Restaged)
		}
		wantDue(t, "verify after 1 Jan 2027 is a holiday", dueOf(t, b, c.ID), "2027-01-05")
	})
}

// Adding and removing a day moves the due days of exactly the live claims
// due on or after it; the change is audited with who and why.
func TestChangeRestagesLiveClaims(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		b := newBench(t, db, wib(2026, 12, 1, 10)) // Tuesday
		early := b.submit(t, 3, "2026-11-25")      // verify due Thu 3 Dec
		b.clk.Set(wib(2026, 12, 3, 10))
		late := b.submit(t, 4, "2026-11-25") // verify due Mon 7 Dec
		final := b.submit(t, 5, "2026-11-25")
		final = b.act(t, final, b.clerk, domain.ActionReject, workflow.ActionInput{Reason: "Bukan warga Kendal"})
		wantDue(t, "early", early.StageDue, "2026-12-03")
		wantDue(t, "late", late.StageDue, "2026-12-07")

		ch, err := b.cal.Add(ctx, b.admin, workdays.DayInput{Date: "2026-12-04", Kind: "libur_daerah", Name: "Hari Jadi Kendal", Reason: "Perbup"})
		if err != nil {
			t.Fatal(err)
		}
		if ch.Restaged != 1 || ch.Actor != b.admin.Username || ch.Change != "add" || ch.Reason != "Perbup" {
			t.Errorf("change %+v", ch)
		}
		wantDue(t, "early (due before the day)", dueOf(t, b, early.ID), "2026-12-03")
		wantDue(t, "late", dueOf(t, b, late.ID), "2026-12-08")
		wantDue(t, "rejected", dueOf(t, b, final.ID), "")

		if _, err := b.cal.Add(ctx, b.admin, workdays.DayInput{Date: "2026-12-04", Kind: "libur_daerah", Name: "Lagi"}); !hasField(err, "date", domain.ViolationDayAlreadyListed) {
			t.Errorf("adding a listed day: %v", err)
		}
		if _, err := b.cal.Remove(ctx, b.admin, "2026-12-04", ""); !hasField(err, "reason", domain.ViolationRequired) {
			t.Errorf("removing without a reason: %v", err)
		}
		if _, err := b.cal.Remove(ctx, b.admin, "2026-12-07", "salah"); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("removing a day not listed: %v", err)
		}
		if _, err := b.cal.Add(ctx, b.clerk, workdays.DayInput{Date: "2026-12-11", Kind: "libur_daerah", Name: "X"}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("a clerk adding a day: %v", err)
		}
		ch, err = b.cal.Remove(ctx, b.admin, "2026-12-04", "Ditunda oleh Bupati")
		if err != nil {
			t.Fatal(err)
		}
		if ch.Restaged != 1 {
			t.Errorf("%d restaged on removal, want 1", ch.Restaged)
		}
		wantDue(t, "late after removal", dueOf(t, b, late.ID), "2026-12-07")

		changes, err := b.cal.Changes(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(changes) < 2 || changes[0].Change != "remove" || changes[0].Reason != "Ditunda oleh Bupati" || changes[1].Change != "add" {
			t.Errorf("audit %+v", changes[:2])
		}
		// The audit is append-only.
		if err := db.Write.Exec("DELETE FROM non_working_day_changes").Error; err == nil {
			t.Error("the calendar's audit could be deleted")
		}
	})
}

// A second server's cached calendar sees the first's change at once.
func TestCacheFollowsOtherServers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		one := workdays.New(db, workdays.Options{Standard: config.DefaultStandard()})
		two := workdays.New(db, workdays.Options{Standard: config.DefaultStandard()})
		c, err := two.Calendar(ctx)
		if err != nil || !c.IsWorkingDay(date(t, "2026-12-10")) {
			t.Fatal("10 Dec is a working day to start with", err)
		}
		admin := fixture.Actor(t, db, domain.RoleAdmin)
		if _, err := one.Add(ctx, admin, workdays.DayInput{Date: "2026-12-10", Kind: "libur_daerah", Name: "Hari Jadi"}); err != nil {
			t.Fatal(err)
		}
		c, err = two.Calendar(ctx)
		if err != nil || c.IsWorkingDay(date(t, "2026-12-10")) {
			t.Error("the other server still counts 10 Dec as a working day", err)
		}
	})
}

func TestMissingYears(t *testing.T) {
	cal := domain.NewCalendar([]domain.NonWorkingDay{{Date: domain.Date{Year: 2026, Month: 1, Day: 1}, Kind: domain.KindNationalHoliday, Name: "x"}})
	for _, tc := range []struct {
		today string
		want  []int
	}{
		{"2026-09-30", nil},
		{"2026-10-01", []int{2027}},
		{"2026-12-01", []int{2027}},
		{"2027-01-04", []int{2027}},
		{"2025-06-01", []int{2025}},
		{"2027-10-01", []int{2027, 2028}},
	} {
		got := workdays.Missing(cal, domain.Date{Year: atoi(tc.today[:4]), Month: time.Month(atoi(tc.today[5:7])), Day: atoi(tc.today[8:])})
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.today, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: %v, want %v", tc.today, got, tc.want)
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func hasField(err error, field, code string) bool {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	return ve.Fields[field] == code
}
