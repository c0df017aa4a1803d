package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
)

// sender is river's worker of sendArgs: one attempt to deliver one message.
type sender struct {
	river.WorkerDefaults[sendArgs]
	s *Service
}

// NextRetry is our backoff, not river's default (attempt⁴ seconds).
func (w *sender) NextRetry(job *river.Job[sendArgs]) time.Time {
	return time.Now().Add(w.s.backoff(job.Attempt))
}

// Timeout bounds one attempt.
func (w *sender) Timeout(*river.Job[sendArgs]) time.Duration { return w.s.opts.SendTimeout }

// Work sends the message unless it is no longer queued (sent by an earlier
// attempt whose job did not complete, or cancelled by a stop).
func (w *sender) Work(ctx context.Context, job *river.Job[sendArgs]) error {
	s := w.s
	// Bookkeeping outlives a cancelled attempt: a stopping server still
	// records what its last attempt did.
	book, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	n, err := s.load(book, job.Args.ID)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	if n.Status != StatusQueued {
		return nil
	}
	ch, ok := s.channels[n.Channel]
	if !ok {
		err := fmt.Errorf("channel %s is not configured", n.Channel)
		if rerr := s.markAttemptFailed(book, n, err.Error(), true, time.Time{}); rerr != nil {
			return rerr
		}
		s.opts.Count(n.Channel, StatusFailed)
		return river.JobCancel(err)
	}
	var params []string
	_ = json.Unmarshal([]byte(n.Params), &params)
	id, sendErr := ch.Send(ctx, Message{ID: n.ID, To: n.Recipient, Kind: n.Kind, Text: n.Body, Params: params})
	if sendErr == nil {
		if err := s.markSent(book, n, id); err != nil {
			return err
		}
		s.opts.Count(n.Channel, StatusSent)
		return nil
	}
	final := job.Attempt >= job.MaxAttempts || permanent(sendErr)
	answer := cleanAnswer(sendErr.Error())
	if err := s.markAttemptFailed(book, n, answer, final, w.NextRetry(job)); err != nil {
		return err
	}
	if final {
		s.opts.Count(n.Channel, StatusFailed)
		return river.JobCancel(sendErr)
	}
	s.opts.Count(n.Channel, "retry")
	return sendErr
}
