package domain

import "time"

// User is a person who signs in to the service. The password hash never
// leaves the auth package, so it has no field here.
type User struct {
	ID        int64     `json:"id"`
	Username  string    `json:"username"`
	FullName  string    `json:"full_name"`
	Role      Role      `json:"role"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at"`
	// PasswordChangeRequired: the password was set by an admin (or at
	// bootstrap) and is one-time; until the user replaces it, their
	// sessions may only change it.
	PasswordChangeRequired bool `json:"password_change_required"`
}

// Actor returns the user as the author of an action.
func (u User) Actor() Actor {
	return Actor{UserID: u.ID, Username: u.Username, Role: u.Role}
}
