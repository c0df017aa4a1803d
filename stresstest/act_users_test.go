package stresstest

import (
	"fmt"
	"net/http"
	"sync"

	"santunan/domain"
)

const usersPath = "/api/v1/users"

func userPath(id int64) string { return idPath(usersPath, id) }

// manageUser is the admin's work: create users, disable them, reset their
// passwords; and an admin's change of itself that must be refused whole.
func (w *worker) manageUser() {
	switch x := w.rng.IntN(10); {
	case x < 4:
		w.createUser()
	case x < 9:
		w.updateUser()
	default:
		w.selfPatch()
	}
}

func (w *worker) newPassword() string { return fmt.Sprintf("sandi-%016x", w.rng.Uint64()) }

func (w *worker) createUser() {
	w.m.mu.Lock()
	w.m.userNo++
	username := fmt.Sprintf("stress%d.w%d", w.m.userNo, w.id)
	var taken []string
	for _, u := range w.m.users {
		taken = append(taken, u.username)
	}
	w.m.mu.Unlock()
	role := oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor, domain.RoleAdmin)
	body := map[string]any{"username": username, "full_name": "Staf Uji " + username, "role": role, "password": w.newPassword()}
	why := ""
	switch x := w.rng.IntN(16); {
	case x == 0 && len(taken) > 0:
		body["username"], why = oneOf(w.rng, taken...), "the username is taken"
	case x == 1:
		body["password"], why = "pendek", "a password under 10 characters"
	case x == 2:
		body["role"], why = oneOf(w.rng, "root", "ADMIN", ""), "no such role"
	case x == 3:
		body["username"], why = oneOf(w.rng, "Siti R", "ab", "siti@kendal", "sit\u202ei"), "an invalid username"
	case x == 4:
		body["full_name"], why = oneOf(w.rng, "", "Staf\x00Uji", "Staf \u202eUji"), "an invalid name"
	}
	caller := domain.RoleAdmin
	if w.chance(12) {
		caller = oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor)
		why = string(caller) + " may not create users"
	}
	k := jsonCall(http.MethodPost, usersPath, "POST "+usersPath, w.token(caller), body)
	r, ok := w.expect(k, why, http.StatusCreated)
	if !ok {
		return
	}
	var u domain.User
	if err := r.decode(&u); err != nil || u.ID == 0 {
		w.c.rec.broken("user answered 201 without a user: %s", clip(r.body))
		return
	}
	w.m.mu.Lock()
	w.m.users = append(w.m.users, &userRec{id: u.ID, username: u.Username, role: string(u.Role), password: body["password"].(string),
		oneTime: true})
	w.m.mu.Unlock()
}

// updateUser disables a user or resets its password. One change of a user
// at a time (u.mu), so that the run knows which password is the last.
func (w *worker) updateUser() {
	u, ok := w.m.user(w.rng)
	if !ok {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	path := userPath(u.id)
	pw := w.newPassword()
	body := map[string]any{"password": pw}
	disable, why := w.chance(4), ""
	if disable {
		body = map[string]any{"active": false}
	}
	switch x := w.rng.IntN(12); {
	case x == 0:
		body, why = map[string]any{"password": "pendek"}, "a password under 10 characters"
	case x == 1:
		body, why = map[string]any{}, "nothing to change"
	case x == 2:
		path, why = userPath(1<<40), "no such user"
	}
	caller := domain.RoleAdmin
	if w.chance(12) {
		caller = oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor)
		why = string(caller) + " may not change users"
	}
	k := jsonCall(http.MethodPatch, path, "PATCH "+usersPath+"/:id", w.token(caller), body).refused(why)
	// Now and then the user logs in at that very moment: a token the login
	// gives must not outlive the reset or the disable (checked after the run).
	race := w.chance(3)
	login, gen := w.loginCall(u, false)
	var lr reply
	var lok bool
	var wg sync.WaitGroup
	if race {
		wg.Go(func() { lr, lok = w.c.do(login) })
	}
	r, ok := w.c.do(k)
	wg.Wait()
	if race && lok {
		w.loggedIn(u, gen, lr)
	}
	if !ok || r.status != http.StatusOK || why != "" {
		return
	}
	w.m.mu.Lock()
	defer w.m.mu.Unlock()
	if disable {
		u.disabled = true
	} else {
		u.password, u.gen, u.oneTime = pw, u.gen+1, true
	}
}

// changePassword: a user replaces its own password with its token, as it
// must after the admin set one; the token that made the change stays, the
// user's other tokens end.
func (w *worker) changePassword() {
	tk, ok := w.m.token(w.rng)
	if !ok {
		return
	}
	u := tk.user
	u.mu.Lock()
	defer u.mu.Unlock()
	w.m.mu.Lock()
	current := u.password
	w.m.mu.Unlock()
	pw := w.newPassword()
	body := map[string]any{"current_password": current, "new_password": pw}
	why := ""
	switch x := w.rng.IntN(10); {
	case x == 0:
		body["current_password"], why = "bukan-sandi-ini", "a wrong current password"
	case x == 1:
		body["new_password"], why = "pendek", "a password under 10 characters"
	case w.m.revoked(tk):
		why = "the token was revoked"
	}
	k := jsonCall(http.MethodPost, "/api/v1/me/password", "POST /api/v1/me/password", tk.token, body)
	if _, ok := w.expect(k, why, http.StatusOK); ok {
		w.m.mu.Lock()
		u.password, u.gen, u.oneTime = pw, u.gen+1, false
		tk.gen, tk.oneTime = u.gen, false
		w.m.mu.Unlock()
	}
}

// selfPatch: an admin the run created asks, with its own token, to reset
// its password and disable itself at once. Disabling oneself is refused,
// so nothing of the request may happen: its token must still work.
func (w *worker) selfPatch() {
	tk, ok := w.m.token(w.rng)
	if !ok || tk.user.role != string(domain.RoleAdmin) || w.m.revoked(tk) {
		return
	}
	u := tk.user
	u.mu.Lock()
	defer u.mu.Unlock()
	k := jsonCall(http.MethodPatch, userPath(u.id), "PATCH "+usersPath+"/:id", tk.token,
		map[string]any{"password": w.newPassword(), "active": false}).refused("an admin may not disable itself")
	r, ok := w.c.do(k)
	switch {
	case !ok || r.status >= 500:
		return
	case r.ok():
		// Broken already (refused above); what it did is now the truth.
		w.m.forget(u, true)
		return
	}
	r, ok = w.c.do(call{method: http.MethodGet, path: "/api/v1/me", route: "GET /api/v1/me", token: tk.token})
	if ok && r.status == http.StatusUnauthorized && !w.m.revoked(tk) {
		w.c.rec.broken("user %s's refused PATCH of itself ended its token", u.username)
		w.m.forget(u, false)
	}
}

// login logs a created user in: with its password (a token to use later),
// a wrong one, or a request that is no login.
func (w *worker) login() {
	if u, ok := w.m.user(w.rng); ok {
		k, gen := w.loginCall(u, true)
		if r, ok := w.c.do(k); ok {
			w.loggedIn(u, gen, r)
		}
	}
}

// loginCall is a login of u with its password, read with the generation
// it belongs to; with wrongs, now and then a login that must fail.
func (w *worker) loginCall(u *userRec, wrongs bool) (call, int) {
	w.m.mu.Lock()
	pw, gen, disabled := u.password, u.gen, u.disabled
	w.m.mu.Unlock()
	body := map[string]any{"username": u.username, "password": pw}
	why := ""
	switch x := w.rng.IntN(12); {
	case wrongs && x == 0:
		body["password"], why = "salah-sandi-123", "a wrong password"
	case wrongs && x == 1:
		body["username"], why = "tidak.ada", "no such user"
	case wrongs && x == 2:
		body, why = map[string]any{"username": u.username}, "no password"
	case disabled:
		why = "the user was disabled"
	}
	return jsonCall(http.MethodPost, "/api/v1/auth/login", "POST /api/v1/auth/login", "", body).refused(why), gen
}

// loggedIn keeps the token a login answered 200.
func (w *worker) loggedIn(u *userRec, gen int, r reply) {
	if r.status != http.StatusOK {
		return
	}
	var out struct {
		Token  string `json:"token"`
		Change bool   `json:"password_change_required"`
	}
	if err := r.decode(&out); err != nil || out.Token == "" {
		w.c.rec.broken("login answered 200 without a token: %s", clip(r.body))
		return
	}
	w.m.mu.Lock()
	w.m.tokens = append(w.m.tokens, &tokenRec{user: u, token: out.Token, gen: gen, oneTime: out.Change})
	w.m.mu.Unlock()
}

// useToken uses a created user's token, or logs it out. A token whose
// user was disabled, whose password was reset or that was logged out (all
// acknowledged before this request) must be refused; so must a token of a
// one-time password anywhere but /me, the password change and logout.
func (w *worker) useToken() {
	tk, ok := w.m.token(w.rng)
	if !ok {
		return
	}
	why := ""
	if w.m.revoked(tk) {
		why = "the token was revoked"
	}
	if w.chance(6) && tk.user.role != string(domain.RoleAdmin) {
		k := call{method: http.MethodPost, path: "/api/v1/auth/logout", route: "POST /api/v1/auth/logout", token: tk.token}
		if r, ok := w.c.do(k.refused(why)); ok && r.status == http.StatusNoContent {
			w.m.mu.Lock()
			tk.loggedOut = true
			w.m.mu.Unlock()
		}
		return
	}
	if w.chance(3) {
		w.c.do(call{method: http.MethodGet, path: "/api/v1/me", route: "GET /api/v1/me", token: tk.token}.refused(why))
		return
	}
	if why == "" && w.m.limited(tk) {
		// Held while the request is answered: no change of the password
		// (which lifts the limit) can overtake it.
		tk.user.mu.Lock()
		defer tk.user.mu.Unlock()
		if w.m.limited(tk) {
			why = "a one-time password's token serves only its replacement"
		}
	}
	k := call{method: http.MethodGet, path: claimsPath + "?limit=5", route: "GET " + claimsPath, token: tk.token}
	switch tk.user.role {
	case string(domain.RoleAdmin):
		k.path, k.route = usersPath, "GET "+usersPath
	case string(domain.RoleDukcapilClerk):
		n := w.newDeath()
		k = jsonCall(http.MethodPost, claimsPath, "POST "+claimsPath, tk.token, claimBody(n, w.srv.today()))
		if r, ok := w.c.do(k.refused(why)); ok {
			w.filed(r, n)
		}
		return
	}
	w.c.do(k.refused(why))
}
