package config

import "santunan/domain"

// DefaultStandard is the service standard until a deployment sets its own:
// each stage's working days, the whole from filing to payment, the
// Bupati's three-day wish, and SP4N-LAPOR!'s complaint deadlines for every
// category.
// (SANTUNAN_STANDARD_FILE, read in readStandard, replaces it: issue 11.)
func DefaultStandard() domain.ServiceStandard {
	complaints := map[domain.ComplaintCategory]domain.ComplaintDeadlines{}
	for _, c := range domain.AllComplaintCategories {
		complaints[c] = domain.DefaultComplaintDeadlines
	}
	return domain.ServiceStandard{
		StageDays: map[domain.Stage]int{
			domain.StageIntake: 1, domain.StageVerify: 2, domain.StageApprove: 3,
			domain.StagePay: 5, domain.StageRepay: 3,
		},
		EndToEndDays: 10,
		TargetDays:   3,
		Complaints:   complaints,
	}
}
