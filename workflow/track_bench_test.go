package workflow_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
)

// BenchmarkIdentify is the cost of the public's proof with the guard: the
// lock's read before every lookup, and for a wrong NIK the counting
// transaction (each op another unknown code, so none locks).
func BenchmarkIdentify(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *database.DB) {
		engine := fixture.Engine(b, db)
		clerk := fixture.Actor(b, db, domain.RoleDukcapilClerk)
		ctx := context.Background()
		c, err := engine.Submit(ctx, clerk, fixture.ClaimInput(1))
		if err != nil {
			b.Fatal(err)
		}
		b.Run("right_nik", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := engine.Identify(ctx, c.Code, c.Heir.NIK); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("wrong_nik", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				code := fmt.Sprintf("SKM-%04d-%04d", i/10000%10000, i%10000)
				if _, err := engine.Identify(ctx, code, c.Heir.NIK); !errors.Is(err, domain.ErrNotFound) {
					b.Fatal(err)
				}
			}
		})
	})
}
