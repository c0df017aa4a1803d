package deathregister_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"santunan/database"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
)

// registerFile is a SIAK export of n distinct valid deaths spread over
// Kendal's desa/kelurahan.
func registerFile(b *testing.B, n int) string {
	b.Helper()
	villages := fixture.Areas(b).Villages("3324")
	var sb strings.Builder
	sb.Grow(n * 110)
	sb.WriteString(header)
	for i := range n {
		day, month, year := 1+i%28, 1+(i/28)%12, 30+(i/336)%40
		serial := 1 + i/13440
		died := fmt.Sprintf("2026-%02d-%02d", 1+i%10, 1+i%27)
		fmt.Fprintf(&sb, "332415%02d%02d%02d%04d,Warga Kendal,L,%s,3324-KM-B-%07d,%s,2026-11-%02d\n",
			day, month, year, serial, died, i, villages[i%len(villages)].Code, 1+i%27)
	}
	return sb.String()
}

// BenchmarkImport100k imports 100,000 register lines into an empty
// register, and again into one that holds them (the idempotent path).
// go test ./deathregister -run '^$' -bench Import100k -benchtime 3x
func BenchmarkImport100k(b *testing.B) {
	const n = 100_000
	file := registerFile(b, n)
	engines := map[string]func(testing.TB) *database.DB{"sqlite": testdb.SQLite}
	if os.Getenv(testdb.EnvURL) != "" {
		engines["postgres"] = testdb.Postgres
	}
	for name, open := range engines {
		for _, again := range []bool{false, true} {
			label := name + "/first"
			if again {
				label = name + "/again"
			}
			b.Run(label, func(b *testing.B) {
				for range b.N {
					b.StopTimer()
					k := newKitLimited(b, open(b), nil, 64<<20)
					if again {
						if _, err := k.reg.Import(context.Background(), k.clerk, "bench", strings.NewReader(file)); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
					rep, err := k.reg.Import(context.Background(), k.clerk, "bench", strings.NewReader(file))
					if err != nil {
						b.Fatal(err)
					}
					if rep.Lines != n || rep.Refused != 0 || rep.Inserted+rep.Unchanged != n {
						b.Fatalf("report %+v", rep.Problems[:min(3, len(rep.Problems))])
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
			})
		}
	}
}
