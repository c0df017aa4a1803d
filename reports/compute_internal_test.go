package reports

import (
	"testing"
	"time"

	"santunan/config"
	"santunan/domain"
)

// at is 09:00 WIB on day d of March 2026.
func at(d int) time.Time { return time.Date(2026, time.March, d, 9, 0, 0, 0, domain.Jakarta()) }

func march() period {
	loc := domain.Jakarta()
	from := time.Date(2026, time.March, 1, 0, 0, 0, 0, loc)
	return period{from: from.UTC(), to: from.AddDate(0, 1, 0).UTC(), monthly: true}
}

type step struct {
	day      int
	from, to domain.Status
}

func trail(id int64, steps ...step) []eventRow {
	out := make([]eventRow, len(steps))
	for i, s := range steps {
		out[i] = eventRow{ClaimID: id, Seq: i + 1, FromStatus: string(s.from), ToStatus: string(s.to), At: at(s.day)}
		if i == 0 {
			out[i].VillageCode = "3324151001"
		}
	}
	return out
}

// Stage visits over the trail's odd paths: a line withdrawn from its batch
// stays in pay; a failed transfer is a repay visit and then a new pay
// visit; a step that changes no status changes no stage; a cancel ends the
// stage it was in; a stage entered before the period counts from then.
func TestStageVisitsOnOddPaths(t *testing.T) {
	var none domain.Status
	const (
		sub  = domain.StatusSubmitted
		ver  = domain.StatusDeathVerified
		appr = domain.StatusApproved
		dis  = domain.StatusDisbursing
		paid = domain.StatusPaid
		fail = domain.StatusPaymentFailed
		canc = domain.StatusCancelled
	)
	cal := domain.NewCalendar(nil)
	a := newAccumulator(cal, config.DefaultStandard(), march())
	var rows []eventRow
	// 1: withdrawn once: pay from Mon 2 to Fri 13 is one visit, 9 days.
	rows = append(rows, trail(1, step{2, none, sub}, step{2, sub, ver}, step{2, ver, appr}, step{3, appr, dis},
		step{4, dis, appr}, step{5, appr, appr}, step{9, appr, dis}, step{13, dis, paid})...)
	// 2: the transfer failed Wed 4, retried Mon 9, paid Wed 11: pay 2
	// (Mon 2 → Wed 4), repay 3 (→ Mon 9), pay 2 (→ Wed 11).
	rows = append(rows, trail(2, step{2, none, sub}, step{2, sub, ver}, step{2, ver, appr}, step{3, appr, dis},
		step{4, dis, fail}, step{9, fail, appr}, step{10, appr, dis}, step{11, dis, paid})...)
	// 3: cancelled on Fri 20 while approved since Mon 16: pay 4.
	rows = append(rows, trail(3, step{16, none, sub}, step{16, sub, ver}, step{16, ver, appr}, step{20, appr, canc})...)
	a.addAll(rows, "")
	got := map[domain.Stage][]int{}
	for k, v := range a.total.stage {
		got[k] = v
	}
	want := map[domain.Stage][]int{domain.StageVerify: {0, 0, 0}, domain.StageApprove: {0, 0, 0},
		domain.StagePay: {9, 2, 2, 4}, domain.StageRepay: {3}}
	for st, w := range want {
		if len(got[st]) != len(w) {
			t.Errorf("%s: %v, want %v", st, got[st], w)
			continue
		}
		for i := range w {
			if got[st][i] != w[i] {
				t.Errorf("%s: %v, want %v", st, got[st], w)
			}
		}
	}
	if f := a.total.flow; f != (Flow{Filed: 3, Paid: 2, Cancelled: 1}) {
		t.Errorf("flow %+v", f)
	}
	if len(a.total.e2e) != 2 || a.total.e2e[0] != 9 || a.total.e2e[1] != 7 {
		t.Errorf("end to end %v, want [9 7]", a.total.e2e)
	}
}

// The period's complaints: filed in it by category and status; times of
// those verified or first answered in it, against each category's
// deadline; escalations in it.
func TestComplaintFigures(t *testing.T) {
	p := march()
	ptr := func(d int) *time.Time { v := at(d); return &v }
	feb := time.Date(2026, time.February, 27, 9, 0, 0, 0, domain.Jakarta())
	std := config.DefaultStandard()
	std.Complaints[domain.CategoryExtortion] = domain.ComplaintDeadlines{VerifyDays: 1, FollowUpDays: 2}
	rows := []complaintRow{
		// Filed in February, verified Mon 2 March (1 working day), answered Fri 6 after assignment Tue 3 (3).
		{Status: "answered", Category: "pelayanan_lambat", CreatedAt: feb, VerifiedAt: ptr(2), AssignedAt: ptr(3), FirstAnsweredAt: ptr(6)},
		// Pungli, verified in 2 against its 1 day; escalated Wed 4.
		{Status: "verified", Category: "pungli", CreatedAt: at(2), VerifiedAt: ptr(4), EscalatedAt: ptr(4)},
		{Status: "received", Category: "pungli", CreatedAt: at(30)},
	}
	c := complaintFigures(rows, domain.NewCalendar(nil), std, p)
	if c.Filed != 2 || c.Escalated != 1 {
		t.Errorf("filed %d escalated %d", c.Filed, c.Escalated)
	}
	for _, cat := range c.ByCategory {
		want := map[domain.ComplaintCategory]int{domain.CategoryExtortion: 2}[cat.Category]
		if cat.Total != want {
			t.Errorf("%s: %d, want %d", cat.Category, cat.Total, want)
		}
	}
	// Verify: 1 (within 3) and 2 (over pungli's 1): limits differ, so none is named.
	if v := c.ToVerify; v.Count != 2 || *v.MedianDays != 1 || *v.P90Days != 2 || v.Within != 1 || v.LimitDays != 0 {
		t.Errorf("to verify %+v", v)
	}
	if a := c.ToAnswer; a.Count != 1 || *a.MedianDays != 3 || a.Within != 1 || a.LimitDays != 5 {
		t.Errorf("to answer %+v", a)
	}
}
