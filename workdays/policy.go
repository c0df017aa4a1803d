package workdays

import "santunan/domain"

// Who may do what with the working-day calendar. The calendar holds no
// personal data; changing it moves every live claim's due day, so only the
// admin, who keeps the system's reference data, changes it.

// CanChange: the admin adds and removes non-working days.
func CanChange(r domain.Role) bool { return r == domain.RoleAdmin }

// CanRead: every staff role may read the calendar (the queues' due days
// come from it).
func CanRead(r domain.Role) bool { return r.Valid() }
