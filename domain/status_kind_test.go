package domain

import "testing"

func TestStatusKind(t *testing.T) {
	want := map[Status]StatusKind{
		StatusApplied: KindWaiting, StatusSubmitted: KindWaiting, StatusDisbursing: KindWaiting,
		StatusDeathVerified: KindGood, StatusApproved: KindGood, StatusPaid: KindGood,
		StatusReturned: KindAction, StatusPaymentFailed: KindAction,
		StatusRejected: KindStopped, StatusCancelled: KindStopped,
	}
	for _, s := range AllStatuses {
		k, ok := want[s]
		if !ok {
			t.Errorf("status %s has no expected kind: add it here", s)
		}
		if got := s.Kind(); got != k {
			t.Errorf("%s.Kind() = %s, want %s", s, got, k)
		}
	}
}

func TestStepsAfter(t *testing.T) {
	all := []Status{StatusSubmitted, StatusDeathVerified, StatusApproved, StatusDisbursing, StatusPaid}
	want := map[Status][]Status{
		StatusApplied: all, StatusReturned: all, StatusSubmitted: all[1:], StatusDeathVerified: all[2:],
		StatusApproved: all[3:], StatusDisbursing: all[4:], StatusPaymentFailed: all[3:],
		StatusPaid: nil, StatusRejected: nil, StatusCancelled: nil,
	}
	for _, s := range AllStatuses {
		got := StepsAfter(s)
		if len(got) != len(want[s]) {
			t.Errorf("StepsAfter(%s) = %v, want %v", s, got, want[s])
			continue
		}
		for i := range got {
			if got[i] != want[s][i] {
				t.Errorf("StepsAfter(%s) = %v, want %v", s, got, want[s])
			}
		}
	}
}
