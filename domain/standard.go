package domain

// Stage is a part of the service whose time the service standard sets, in
// working days. Each stage is the time a claim waits on one office.
type Stage string

const (
	StageIntake  Stage = "intake"  // applied: a clerk accepts or declines the online application
	StageVerify  Stage = "verify"  // submitted: a clerk verifies the death
	StageApprove Stage = "approve" // death_verified: the Dinsos officer approves in a decree
	StagePay     Stage = "pay"     // approved and disbursing: the treasurer pays
	StageRepay   Stage = "repay"   // payment_failed: the officer takes a new account
)

// AllStages lists the stages in the order a claim meets them.
var AllStages = []Stage{StageIntake, StageVerify, StageApprove, StagePay, StageRepay}

// StageOf returns the stage a claim in status waits in; false when the
// claim waits on nobody's office (returned to the heir, or final).
func StageOf(s Status) (Stage, bool) {
	switch s {
	case StatusApplied:
		return StageIntake, true
	case StatusSubmitted:
		return StageVerify, true
	case StatusDeathVerified:
		return StageApprove, true
	case StatusApproved, StatusDisbursing:
		return StagePay, true
	case StatusPaymentFailed:
		return StageRepay, true
	}
	return "", false
}

// ServiceStandard is the promise the service publishes (Permenpan RB
// 15/2014): the time of each stage and of the whole, in working days, and
// the complaint deadlines. The configuration holds it (config/standard.go);
// the public standard page, the due dates and the reports all read it, so
// they cannot disagree.
type ServiceStandard struct {
	// StageDays is each stage's time in working days.
	StageDays map[Stage]int
	// EndToEndDays is the time from filing to payment.
	EndToEndDays int
	// TargetDays is the Bupati's wish (paid within three days): a figure
	// the reports measure against, not a deadline.
	TargetDays int
	// Complaints are the deadlines of each complaint category.
	Complaints map[ComplaintCategory]ComplaintDeadlines
}

// ComplaintDeadlines are a complaint category's times in working days, with
// SP4N-LAPOR!'s as defaults.
type ComplaintDeadlines struct {
	VerifyDays    int // received → verified or declined (LAPOR!: 3)
	FollowUpDays  int // assigned → answered (LAPOR!: 5)
	AutoCloseDays int // answered and not disputed → closed (LAPOR!: 10)
	ReopenDays    int // closed → the complainant may still reopen it
}

// DefaultComplaintDeadlines are LAPOR!'s.
var DefaultComplaintDeadlines = ComplaintDeadlines{VerifyDays: 3, FollowUpDays: 5, AutoCloseDays: 10, ReopenDays: 10}

// DaysToReach is the standard's time, in working days, for a claim to reach
// status st from the status before it: the stage that ends there. False for
// a status no stage ends in (disbursing is inside the pay stage).
func (s ServiceStandard) DaysToReach(st Status) (int, bool) {
	var stage Stage
	switch st {
	case StatusSubmitted:
		stage = StageIntake
	case StatusDeathVerified:
		stage = StageVerify
	case StatusApproved:
		stage = StageApprove
	case StatusPaid:
		stage = StagePay
	default:
		return 0, false
	}
	d, ok := s.StageDays[stage]
	return d, ok && d > 0
}
