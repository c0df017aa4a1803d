package reports

import (
	"time"

	"santunan/domain"
)

// figures gather one slice of a report (the whole, a month, a kecamatan):
// the flow and the working days of each stage visit and of each payment.
type figures struct {
	flow  Flow
	stage map[domain.Stage][]int
	e2e   []int
}

func newFigures() *figures { return &figures{stage: map[domain.Stage][]int{}} }

// accumulator walks the claims' trails once and files each step in the
// period under the whole, its month and its kecamatan.
type accumulator struct {
	loc    *time.Location // Asia/Jakarta, loaded once (domain.Jakarta reads the zone database)
	cal    domain.Calendar
	std    domain.ServiceStandard
	p      period
	total  *figures
	months []*figures // a year report's twelve
	kec    map[string]*figures
}

func newAccumulator(cal domain.Calendar, std domain.ServiceStandard, p period) *accumulator {
	a := &accumulator{loc: domain.Jakarta(), cal: cal, std: std, p: p, total: newFigures(), kec: map[string]*figures{}}
	if !p.monthly {
		for range 12 {
			a.months = append(a.months, newFigures())
		}
	}
	return a
}

// days counts the working days from one moment to another, each taken as
// its day in Asia/Jakarta: a step on Monday and the next on Wednesday are 2
// working days apart, on the same day 0 (domain.Calendar.WorkingDaysBetween).
func (a *accumulator) days(from, to time.Time) int {
	return a.cal.WorkingDaysBetween(domain.DateOf(from.In(a.loc)), domain.DateOf(to.In(a.loc)))
}

// slices are where a step at t of a claim in kecamatan kec is counted.
func (a *accumulator) slices(t time.Time, kec string) []*figures {
	k := a.kec[kec]
	if k == nil {
		k = newFigures()
		a.kec[kec] = k
	}
	out := []*figures{a.total, k}
	if !a.p.monthly {
		out = append(out, a.months[int(t.In(a.loc).Month())-1])
	}
	return out
}

// addAll takes the trails of many claims, ordered by claim then step, each
// starting with its first step (which carries the desa); with a kecamatan,
// only its claims.
func (a *accumulator) addAll(rows []eventRow, kecamatan string) {
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && rows[end].ClaimID == rows[start].ClaimID {
			end++
		}
		if kecamatan == "" || kecamatanOf(rows[start].VillageCode) == kecamatan {
			a.claim(rows[start:end])
		}
		start = end
	}
}

// claim files one claim's steps in the period. A stage is entered by the
// step into one of its statuses from outside it, and left by the step out
// of it (approved → disbursing and back stay in pay; a step that changes
// no status, such as a recorded proposal, changes no stage). A stage visit
// counts where it ended; filing to payment counts where it was paid.
func (a *accumulator) claim(evs []eventRow) {
	kec := kecamatanOf(evs[0].VillageCode)
	var filed, since time.Time
	var cur domain.Stage
	inStage := false
	for _, e := range evs {
		from, to := domain.Status(e.FromStatus), domain.Status(e.ToStatus)
		in := a.p.has(e.At)
		if e.Seq == 1 {
			filed = e.At
			if in {
				for _, f := range a.slices(e.At, kec) {
					f.flow.Filed++
				}
			}
		}
		if from == to {
			continue
		}
		if in {
			for _, f := range a.slices(e.At, kec) {
				switch to {
				case domain.StatusPaid:
					f.flow.Paid++
				case domain.StatusReturned:
					f.flow.Returned++
				case domain.StatusRejected:
					f.flow.Rejected++
				case domain.StatusCancelled:
					f.flow.Cancelled++
				}
			}
		}
		fromStage, fromOK := domain.StageOf(from)
		toStage, toOK := domain.StageOf(to)
		if fromOK && inStage && cur == fromStage && (!toOK || toStage != fromStage) {
			if in {
				d := a.days(since, e.At)
				for _, f := range a.slices(e.At, kec) {
					f.stage[fromStage] = append(f.stage[fromStage], d)
				}
			}
			inStage = false
		}
		if toOK && (!fromOK || toStage != fromStage) {
			cur, since, inStage = toStage, e.At, true
		}
		if to == domain.StatusPaid && in && !filed.IsZero() {
			d := a.days(filed, e.At)
			for _, f := range a.slices(e.At, kec) {
				f.e2e = append(f.e2e, d)
			}
		}
	}
}

// kecamatanOf is a village code's kecamatan (its first six digits).
func kecamatanOf(village string) string {
	if len(village) < 6 {
		return ""
	}
	return village[:6]
}

func (a *accumulator) endToEnd(days []int) EndToEnd {
	e := EndToEnd{Durations: summarise(days, a.std.EndToEndDays), TargetDays: a.std.TargetDays}
	if len(days) > 0 {
		e.WithinTarget = within(days, a.std.TargetDays)
		e.TargetShare = float64(e.WithinTarget) / float64(len(days))
	}
	return e
}

func (a *accumulator) stageDurations(f *figures) []StageDurations {
	out := make([]StageDurations, 0, len(domain.AllStages))
	for _, st := range domain.AllStages {
		out = append(out, StageDurations{Stage: st, Durations: summarise(f.stage[st], a.std.StageDays[st])})
	}
	return out
}

// fill writes the gathered figures and today's counts into r.
func (a *accumulator) fill(r *Report, kecs []Kecamatan, now []nowRow) {
	r.Flow = a.total.flow
	r.EndToEnd = a.endToEnd(a.total.e2e)
	byStatus := map[domain.Status]*StatusNow{}
	for _, st := range domain.AllStatuses {
		if st.Final() {
			continue
		}
		stage, _ := domain.StageOf(st)
		r.ClaimsNow = append(r.ClaimsNow, StatusNow{Status: st, Stage: stage})
	}
	for i := range r.ClaimsNow {
		byStatus[r.ClaimsNow[i].Status] = &r.ClaimsNow[i]
	}
	type count struct{ n, overdue int }
	stageNow := map[domain.Stage]count{}
	kecNow := map[string]count{}
	for _, row := range now {
		st := domain.Status(row.Status)
		if c := byStatus[st]; c != nil {
			c.Count += row.N
			c.Overdue += row.Overdue
		}
		if stage, ok := domain.StageOf(st); ok {
			c := stageNow[stage]
			stageNow[stage] = count{c.n + row.N, c.overdue + row.Overdue}
			k := kecNow[row.Kecamatan]
			kecNow[row.Kecamatan] = count{k.n + row.N, k.overdue + row.Overdue}
		}
	}
	for _, sd := range a.stageDurations(a.total) {
		c := stageNow[sd.Stage]
		r.Stages = append(r.Stages, StageFigures{Stage: sd.Stage, Durations: sd.Durations, InStageNow: c.n, OverdueNow: c.overdue})
	}
	r.Kecamatans = make([]KecamatanFigures, 0, len(kecs))
	for _, k := range kecs {
		f := a.kec[k.Code]
		if f == nil {
			f = newFigures()
		}
		c := kecNow[k.Code]
		r.Kecamatans = append(r.Kecamatans, KecamatanFigures{Kecamatan: k, Flow: f.flow, EndToEnd: a.endToEnd(f.e2e),
			InStageNow: c.n, OverdueNow: c.overdue})
	}
	for i, m := range a.months {
		r.Months = append(r.Months, MonthFigures{Month: i + 1, Flow: m.flow, EndToEnd: a.endToEnd(m.e2e), Stages: a.stageDurations(m)})
	}
}
