package auth

import (
	"fmt"

	"santunan/domain"
)

// Who may do what with accounts: the one statement of it, which the
// service, the JSON API, the pages and the page menu all ask.

// CanManageUsers: creating accounts, disabling them, setting one-time
// passwords. The admin does, and sees no claim (domain.Role.ReadsClaims).
func CanManageUsers(r domain.Role) bool { return r == domain.RoleAdmin }

// requireAdmin is checked here even though the front doors check it too:
// the service does not rely on every caller remembering to.
func requireAdmin(actor domain.Actor) error {
	if !CanManageUsers(actor.Role) {
		return fmt.Errorf("user management by role %q: %w", actor.Role, domain.ErrForbidden)
	}
	return nil
}
