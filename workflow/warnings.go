package workflow

import (
	"fmt"
	"slices"
	"strings"

	"santunan/domain"
)

// Flag puts a warning on a claim (on) or takes it off, as an event of kind
// like Record's: warnings are claim data that the audit trail replays, so a
// capability changes them only here, never by writing the row. Nothing is
// written when the claim already is as asked; the claim is returned as it is.
// changes may add fields outside the claim row, as with Record.
func (t *Tx) Flag(actor domain.Actor, id int64, kind domain.Action, warning string, on bool, reason string, changes map[string]domain.Change) (domain.Claim, error) {
	if _, isAction := t.e.table.Lookup(kind); isAction || kind == "" {
		return domain.Claim{}, fmt.Errorf("flag %q: only Apply takes workflow actions", kind)
	}
	if !slices.Contains(domain.AllWarnings, warning) {
		return domain.Claim{}, fmt.Errorf("flag: unknown warning %q", warning)
	}
	before, err := lockAndLoadClaim(t.db, id)
	if err != nil {
		return domain.Claim{}, err
	}
	if slices.Contains(before.Warnings, warning) == on {
		return before, nil
	}
	after := before
	after.Warnings = slices.DeleteFunc(slices.Clone(before.Warnings), func(w string) bool { return w == warning })
	if on {
		after.Warnings = append(after.Warnings, warning)
	}
	return t.write(actor, kind, strings.TrimSpace(reason), before, after, changes)
}
