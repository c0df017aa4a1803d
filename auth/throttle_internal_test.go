package auth

import "testing"

func TestThrottleDelayDoublesUpToTheMaximum(t *testing.T) {
	const max = DefaultThrottleMaxDelay
	want := []string{"1s", "2s", "4s", "8s", "16s", "32s", "1m4s", "2m8s", "4m16s", "8m32s", "10m0s", "10m0s"}
	for over, w := range want {
		if got := throttleDelay(over, max).String(); got != w {
			t.Errorf("delay after %d failures over the ceiling = %s, want %s", over, got, w)
		}
	}
	if got := throttleDelay(1000, max); got != max {
		t.Errorf("delay far over the ceiling = %s, want %s", got, max)
	}
}
