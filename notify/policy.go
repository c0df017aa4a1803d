package notify

import "santunan/domain"

// CanRead: who may see a claim's messages and how they went. Every role
// that reads claims; the list holds no phone and no code's text.
func CanRead(r domain.Role) bool { return r.ReadsClaims() }
