package metrics

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/netip"
	"strings"

	"github.com/gin-gonic/gin"
)

// Access is who may read /metrics: a client whose address is in Allow, or
// any client that sends Token as a bearer token (when Token is set).
type Access struct {
	Allow []netip.Prefix
	Token string
}

type access struct {
	allow []netip.Prefix
	// token is the token's SHA-256, compared in constant time with the
	// sent one's, so neither its bytes nor its length leak through timing.
	token *[sha256.Size]byte
}

func newAccess(a Access) access {
	out := access{allow: a.Allow}
	if a.Token != "" {
		sum := sha256.Sum256([]byte(a.Token))
		out.token = &sum
	}
	return out
}

// forwardingHeaders are those by which a proxy names the client.
var forwardingHeaders = []string{"X-Forwarded-For", "X-Real-IP", "Forwarded"}

// permits says whether the request may read the metrics. The address is
// the client's as the rest of the API sees it: gin's ClientIP, which reads
// X-Forwarded-For only from the configured trusted proxies. A request that
// names a client in a forwarding header but came from a proxy we do not
// trust is refused by address: behind such a proxy (one on loopback, say)
// every outside client would otherwise look like the proxy itself.
func (a access) permits(c *gin.Context) bool {
	if a.token != nil {
		if sent, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer "); ok {
			sum := sha256.Sum256([]byte(strings.TrimSpace(sent)))
			if subtle.ConstantTimeCompare(sum[:], a.token[:]) == 1 {
				return true
			}
		}
	}
	client := c.ClientIP()
	if client == c.RemoteIP() {
		for _, h := range forwardingHeaders {
			if c.GetHeader(h) != "" {
				return false
			}
		}
	}
	addr, err := netip.ParseAddr(client)
	if err != nil {
		return false
	}
	addr = addr.Unmap().WithZone("")
	for _, p := range a.allow {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}
