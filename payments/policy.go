package payments

import (
	"fmt"

	"santunan/domain"
)

// Who may do what with budgets, decrees and batches, by least privilege:
// the one statement of it. The service checks every call against it, and
// the JSON API, the pages and the page menu ask the same functions.
//
// Decrees and batches hold personal data (names, accounts): the roles that
// handle claims and the auditor read them, never the admin. Budgets are
// figures only; the admin, who sets them with the officer, reads them too.
// The officer decrees who is paid; the treasurer pays them.

// CanReadBudgets: the budget figures.
func CanReadBudgets(r domain.Role) bool { return r == domain.RoleAdmin || CanReadPayments(r) }

// CanSetBudgets: the year's ceiling (pagu).
func CanSetBudgets(r domain.Role) bool { return r == domain.RoleAdmin || r == domain.RoleDinsosOfficer }

// CanReadPayments: decrees, batches, their files, a claim's payment.
func CanReadPayments(r domain.Role) bool {
	return r == domain.RoleDinsosOfficer || r == domain.RoleTreasurer || r == domain.RoleAuditor
}

// CanDecree: a decree (SK penetapan) of approved claims.
func CanDecree(r domain.Role) bool { return r == domain.RoleDinsosOfficer }

// CanPay: everything that moves a batch (create it, take its transfer
// file, check accounts, apply the bank's results, resolve a line).
func CanPay(r domain.Role) bool { return r == domain.RoleTreasurer }

// require refuses an actor whose role the policy check does not pass. The
// front doors check the same policy; the service does not rely on them.
func require(actor domain.Actor, may func(domain.Role) bool) error {
	if !may(actor.Role) {
		return fmt.Errorf("role %s: %w", actor.Role, domain.ErrForbidden)
	}
	return nil
}
