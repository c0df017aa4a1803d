package deathregister_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/workflow"
)

const header = "nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on\n"

// line is a valid register line for the deceased of fixture claim n (NIK
// serial n), who died on the given date in Candiroto, registered two days later.
func line(n int, died string) string {
	d, _ := domain.ParseDate(died)
	return fmt.Sprintf("332415010150%04d,Ahmad Fauzi,L,%s,3324-KM-%04d,3324151001,%s\n", n, died, n, d.AddDays(2))
}

func csvOf(lines ...string) *strings.Reader {
	return strings.NewReader(header + strings.Join(lines, ""))
}

type kit struct {
	db      *database.DB
	engine  *workflow.Engine
	reg     *deathregister.Service
	clerk   domain.Actor
	officer domain.Actor
	auditor domain.Actor
}

// newKit wires an engine with the register's verify_death guard and the
// register on the fixed clock (28 November 2026).
func newKit(t testing.TB, db *database.DB, registry deathregister.RegistryClient) *kit {
	t.Helper()
	return newKitLimited(t, db, registry, 1<<20)
}

func newKitLimited(t testing.TB, db *database.DB, registry deathregister.RegistryClient, maxImport int64) *kit {
	t.Helper()
	engine := workflow.New(db, workflow.Options{
		Areas: fixture.Areas(t), RegencyCode: "3324", WindowDays: 90, Now: fixture.Clock(),
		Guards: map[domain.Action][]workflow.Guard{domain.ActionVerifyDeath: {deathregister.Guard()}},
	})
	return &kit{
		db: db, engine: engine,
		reg: deathregister.New(db, engine, deathregister.Options{
			Areas: fixture.Areas(t), RegencyCode: "3324", WindowDays: 90, UnclaimedAfterDays: 14,
			MaxImportBytes: maxImport, Registry: registry, Now: fixture.Clock(),
		}),
		clerk:   fixture.Actor(t, db, domain.RoleDukcapilClerk),
		officer: fixture.Actor(t, db, domain.RoleDinsosOfficer),
		auditor: fixture.Actor(t, db, domain.RoleAuditor),
	}
}

func (k *kit) importCSV(t *testing.T, r *strings.Reader) deathregister.Report {
	t.Helper()
	rep, err := k.reg.Import(context.Background(), k.clerk, "test", r)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return rep
}

func (k *kit) count(t *testing.T) int64 {
	t.Helper()
	var n int64
	if err := k.db.Read.Raw("SELECT COUNT(*) FROM death_records").Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}
