// Package reports measures whether the service keeps its word, for the
// head of office (kepala dinas): per month (or a whole year) and per
// kecamatan, how many claims stand in each stage now and how many were
// filed, paid, returned and rejected; how many working days each stage and
// the whole took (median and 90th percentile) and how many kept to the
// service standard and to the Bupati's three days; what is overdue now;
// the complaints by category and status with their times; and the SKM
// index. Everything is counted from the audit trail (claim_events) and the
// claims' and complaints' own columns, in Asia/Jakarta, with the
// working-day calendar; nothing in a report names a person.
package reports

import (
	"santunan/domain"
)

// Report is the service's figures over one period: a month, or a whole
// year (Month 0, with Months filled), for the regency or one kecamatan.
type Report struct {
	Year int `json:"year"`
	// Month is 1-12, or 0 for the whole year.
	Month int `json:"month"`
	// Kecamatan is the one kecamatan reported on; nil for the whole regency.
	Kecamatan *Kecamatan `json:"kecamatan"`
	// From and To are the period's first and last day (Asia/Jakarta).
	From domain.Date `json:"from"`
	To   domain.Date `json:"to"`
	// Today is the day "now" means in ClaimsNow and the overdue counts.
	Today    domain.Date `json:"today"`
	Standard Standard    `json:"standard"`
	// Flow is what happened in the period.
	Flow Flow `json:"flow"`
	// ClaimsNow counts the claims in each open status today, whatever the
	// period (a report of a past month still says what waits now).
	ClaimsNow []StatusNow `json:"claims_now"`
	// Stages are each stage's times, over the stage visits that ended in
	// the period, and the claims in it now.
	Stages []StageFigures `json:"stages"`
	// EndToEnd is filing to payment, over the claims paid in the period.
	EndToEnd EndToEnd `json:"end_to_end"`
	// Kecamatans split the period's figures per kecamatan, every one of
	// the regency listed (or only the one chosen).
	Kecamatans []KecamatanFigures `json:"kecamatans"`
	// Months split a year's figures per month (year reports only).
	Months []MonthFigures `json:"months,omitempty"`
	// Complaints are the period's complaints; nil when the service has no
	// complaints to count (no complaint store wired).
	Complaints *Complaints `json:"complaints"`
	// Survey is the SKM index of the period; nil when no survey is wired.
	// It is the regency's alone: answers are anonymous and carry no place.
	Survey *Survey `json:"survey"`
}

// Kecamatan is a kecamatan of the regency.
type Kecamatan struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Standard is the service standard the figures are measured against.
type Standard struct {
	StageDays    map[domain.Stage]int `json:"stage_days"`
	EndToEndDays int                  `json:"end_to_end_days"`
	TargetDays   int                  `json:"target_days"`
}

// Flow counts the steps taken in a period: claims filed (at the counter or
// online), paid, returned to the heir, rejected (or declined at intake) and
// cancelled.
type Flow struct {
	Filed     int `json:"filed"`
	Paid      int `json:"paid"`
	Returned  int `json:"returned"`
	Rejected  int `json:"rejected"`
	Cancelled int `json:"cancelled"`
}

// StatusNow is how many claims stand in an open status today, and how many
// of them are past their stage's due date.
type StatusNow struct {
	Status domain.Status `json:"status"`
	// Stage is the stage the status waits in; empty for returned (the
	// claim waits on the heir).
	Stage   domain.Stage `json:"stage,omitempty"`
	Count   int          `json:"count"`
	Overdue int          `json:"overdue"`
}

// StageFigures are one stage's times in the period and its claims now.
type StageFigures struct {
	Stage domain.Stage `json:"stage"`
	// Durations are the working days of the stage visits that ended in the
	// period (a claim returned and resubmitted visits verify twice), against
	// the stage's standard.
	Durations
	InStageNow int `json:"in_stage_now"`
	OverdueNow int `json:"overdue_now"`
}

// EndToEnd is filing to payment in working days, against the standard's
// end-to-end time and the Bupati's target.
type EndToEnd struct {
	Durations
	TargetDays   int     `json:"target_days"`
	WithinTarget int     `json:"within_target"`
	TargetShare  float64 `json:"target_share"`
}

// KecamatanFigures are a kecamatan's share of the period.
type KecamatanFigures struct {
	Kecamatan
	Flow       Flow     `json:"flow"`
	EndToEnd   EndToEnd `json:"end_to_end"`
	InStageNow int      `json:"in_stage_now"`
	OverdueNow int      `json:"overdue_now"`
}

// MonthFigures are one month of a year report.
type MonthFigures struct {
	Month    int              `json:"month"`
	Flow     Flow             `json:"flow"`
	EndToEnd EndToEnd         `json:"end_to_end"`
	Stages   []StageDurations `json:"stages"`
}

// StageDurations are one stage's times in a month of a year report.
type StageDurations struct {
	Stage domain.Stage `json:"stage"`
	Durations
}

// Complaints are the complaints of a period: those filed in it by category
// and status (as they stand now), and the working days from filing to
// verification and to the first answer of those verified or first
// answered in it, against the category's deadlines.
type Complaints struct {
	Filed      int                 `json:"filed"`
	ByCategory []ComplaintCategory `json:"by_category"`
	ToVerify   Durations           `json:"to_verify"`
	ToAnswer   Durations           `json:"to_first_answer"`
	// Escalated counts the complaints escalated to the head of office in
	// the period (a deadline passed).
	Escalated int `json:"escalated"`
	// OpenEscalated counts the escalated complaints still open today
	// (neither closed nor declined).
	OpenEscalated int `json:"open_escalated"`
}

// ComplaintCategory is one category's complaints filed in the period, per
// status as they stand now.
type ComplaintCategory struct {
	Category domain.ComplaintCategory       `json:"category"`
	Total    int                            `json:"total"`
	ByStatus map[domain.ComplaintStatus]int `json:"by_status"`
}

// Survey is the SKM (Permenpan RB 14/2017) of the period.
type Survey struct {
	// Count is the answers in the period; with none, Index is 0 and Band "".
	Count    int             `json:"count"`
	Index    float64         `json:"index"`
	Band     string          `json:"band"`
	Elements []SurveyElement `json:"elements"`
}

// SurveyElement is one of the nine elements' mean score (1-4).
type SurveyElement struct {
	Element string  `json:"element"`
	Mean    float64 `json:"mean"`
}
