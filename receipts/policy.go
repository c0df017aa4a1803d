package receipts

import "santunan/domain"

// CanPrint: every role that reads claims may print a claim's receipt for
// the heir (the clerk at filing, the officer or auditor asked for a copy);
// the admin, who sees no claims, may not. The heir gets theirs by code and
// NIK (Service.ForHeir).
func CanPrint(r domain.Role) bool { return r.ReadsClaims() }
