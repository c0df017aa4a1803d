package workflow

import (
	"errors"
	"fmt"

	"santunan/domain"
)

// ErrRolledBack is the outcome reported for an action that passed its own
// checks but whose transaction did not commit: another action of the same
// batch was refused, or the commit itself failed (wrapped beside it).
var ErrRolledBack = errors.New("rolled back with its transaction")

// taken is one action Tx.Apply took or refused.
type taken struct {
	action domain.Action
	err    error
}

func (e *Engine) observe(action domain.Action, err error) {
	if e.cfg.Observe != nil {
		e.cfg.Observe(action, err)
	}
}

// report tells the observer the outcome of each action of the last attempt
// of a transaction that ended with txErr: an attempt that was run again
// never happened, and a batch that applies many actions counts each. Only
// actions of the table are reported, so an unknown action from a URL never
// becomes a label.
func (t *Tx) report(txErr error) {
	for _, a := range t.taken {
		err := a.err
		if err == nil && txErr != nil {
			err = fmt.Errorf("%w: %w", ErrRolledBack, txErr)
		}
		t.e.observe(a.action, err)
	}
}
