package auth

import (
	"net/netip"
)

// clientKey is what failed logins are counted against besides the
// username: the IPv4 address, or the /64 network of an IPv6 address (one
// subscriber usually holds a whole /64, so counting single IPv6 addresses
// would hand an attacker 2^64 fresh clients). An address that does not
// parse (no proxy header, a test) counts as one client, "unknown".
func clientKey(ip string) string {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return "unknown"
	}
	addr = addr.Unmap().WithZone("")
	if addr.Is4() {
		return addr.String()
	}
	return netip.PrefixFrom(addr, 64).Masked().String()
}
