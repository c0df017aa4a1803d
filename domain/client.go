package domain

import "net/netip"

// ClientKey is what the service counts one client by, for request rates
// and failed logins alike: an IPv4 address whole, an IPv6 address by its
// /64 (a subscriber line or host gets a /64 at least and takes any address
// of it at will; counting single IPv6 addresses would hand one client 2^64
// fresh ones). An IPv4 address seen through an IPv6 socket is the IPv4
// address. What does not parse as an address (gin's ClientIP gives "" for
// a remote address it cannot read) is one client, "unknown", so no raw
// header text reaches a key.
func ClientKey(ip string) string {
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
