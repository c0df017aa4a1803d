package auth

import "testing"

func TestClientKey(t *testing.T) {
	tests := []struct{ ip, want string }{
		{"203.0.113.7", "203.0.113.7"},
		{"::ffff:203.0.113.7", "203.0.113.7"}, // IPv4 seen through an IPv6 socket
		{"2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"},
		{"2001:db8:1:2::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:3::1", "2001:db8:1:3::/64"},
		{"fe80::1%eth0", "fe80::/64"},
		{"", "unknown"},
		{"not an address", "unknown"},
		{"10.0.0.1\x00", "unknown"},
	}
	for _, tc := range tests {
		if got := clientKey(tc.ip); got != tc.want {
			t.Errorf("clientKey(%q) = %q, want %q", tc.ip, got, tc.want)
		}
	}
}

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
