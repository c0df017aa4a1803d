package domain

import "testing"

func TestDaysToReach(t *testing.T) {
	std := ServiceStandard{StageDays: map[Stage]int{StageIntake: 1, StageVerify: 2, StageApprove: 3, StagePay: 5, StageRepay: 3}}
	for _, tt := range []struct {
		status Status
		days   int
		ok     bool
	}{
		{StatusSubmitted, 1, true}, {StatusDeathVerified, 2, true}, {StatusApproved, 3, true},
		{StatusDisbursing, 0, false}, {StatusPaid, 5, true}, {StatusReturned, 0, false}, {StatusRejected, 0, false},
	} {
		if d, ok := std.DaysToReach(tt.status); d != tt.days || ok != tt.ok {
			t.Errorf("DaysToReach(%s) = %d, %v; want %d, %v", tt.status, d, ok, tt.days, tt.ok)
		}
	}
	if _, ok := (ServiceStandard{}).DaysToReach(StatusPaid); ok {
		t.Error("a standard without the pay stage gave a time")
	}
}
