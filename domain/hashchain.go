package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// How every hash chain of the service links one entry to the one before
// (a claim's trail, the security log): SHA-256 over the previous entry's
// hash, a newline and the entry's canonical encoding, in hex. The first
// entry's previous hash is ChainGenesis. One rule, so one verifier's
// description fits both.

// ChainGenesis is the previous hash of a chain's first entry.
var ChainGenesis = strings.Repeat("0", 64)

// ChainLink is the hash of an entry whose canonical encoding is body,
// after the entry whose hash is prev.
func ChainLink(prev string, body []byte) string {
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write([]byte{'\n'})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}
