package applications_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"sync"
	"testing"

	"gorm.io/gorm"

	"santunan/applications"
	"santunan/database"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
)

// lastCode keeps the last code's message, as the outbox would hold it.
type lastCode struct {
	mu   sync.Mutex
	text string
}

func (l *lastCode) EnqueueCode(_ *gorm.DB, _, text, _ string) error {
	l.mu.Lock()
	l.text = text
	l.mu.Unlock()
	return nil
}

var digits = regexp.MustCompile(`[0-9]{6}`)

// One phone check from start to session: the per-phone count under its
// lock, the purge, the insert with its message, then the code's verify.
func BenchmarkPhoneCheck(b *testing.B) {
	db := benchDB(b)
	sender := &lastCode{}
	svc := applications.New(db, fixture.Engine(b, db), nil, applications.Options{Sender: sender})
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ch, err := svc.StartApply(ctx, fmt.Sprintf("+62813%07d", i))
		if err != nil {
			b.Fatal(err)
		}
		sender.mu.Lock()
		code := digits.FindString(sender.text)
		sender.mu.Unlock()
		if _, err := svc.Verify(ctx, ch.ID, code); err != nil {
			b.Fatal(err)
		}
	}
}

func benchDB(b *testing.B) *database.DB {
	if os.Getenv("TEST_DATABASE_URL") != "" {
		return testdb.Postgres(b)
	}
	return testdb.SQLite(b)
}
