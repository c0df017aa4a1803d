package payments_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/fixture"
	"santunan/payments"
)

func sampleDecree(n int) payments.Decree {
	d := payments.Decree{ID: 7, Number: "400.9/123/2026", Date: domain.Date{Year: 2026, Month: 11, Day: 27},
		ClaimCount: n, TotalAmount: domain.Rupiah(n) * domain.DefaultBenefit, CreatedAt: fixture.Now}
	for i := range n {
		d.Recipients = append(d.Recipients, payments.Recipient{Seq: i + 1, ClaimID: int64(i + 1),
			ClaimCode: fmt.Sprintf("SKM-%04d-TEST", i+1), DeceasedName: "Ahmad (Alm) Fauzi \\ Ñoño",
			DateOfDeath: domain.Date{Year: 2026, Month: 11, Day: 20}, VillageName: "Candiroto", KecamatanName: "Kendal",
			HeirName: "Siti Aminah Purnamasari Wulandari Kusumaningrum", HeirRelationship: domain.RelationshipSpouse,
			Amount: domain.DefaultBenefit})
	}
	return d
}

func TestDecreeXLSX(t *testing.T) {
	data, err := payments.DecreeXLSX(sampleDecree(3), i18n.Indonesian)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Penerima")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 || rows[4][1] != "Kode Klaim" || rows[5][1] != "SKM-0001-TEST" || rows[5][7] != i18n.RelationshipLabel(i18n.Indonesian, domain.RelationshipSpouse) {
		t.Fatalf("rows %q", rows)
	}
	if v, _ := f.GetCellValue("Penerima", "I9", excelize.Options{RawCellValue: true}); v != "3000000" {
		t.Fatalf("total cell %q, want the number 3000000", v)
	}
}

func TestReconciliationXLSX(t *testing.T) {
	closed := fixture.Now.Add(time.Hour)
	rec := payments.Reconciliation{
		Batch:    payments.Batch{ID: 3, CreatedAt: fixture.Now, ClosedAt: &closed},
		Expected: payments.Figures{Count: 2, Amount: 2_000_000}, Paid: payments.Figures{Count: 1, Amount: 1_000_000},
		Failed: payments.Figures{Count: 1, Amount: 1_000_000}, Balanced: true,
		Items: []payments.Item{
			{Seq: 1, ClaimCode: "SKM-AAAA-BBBB", BankCode: "113", BankName: "Bank Jateng", AccountNumber: "0012345678",
				AccountName: "=SUM(A1)", Amount: 1_000_000, State: "paid", BankReference: "JTG1"},
			{Seq: 2, ClaimCode: "SKM-CCCC-DDDD", Amount: 1_000_000, State: "failed", FailureReason: "REKENING TUTUP"},
		},
	}
	data, err := payments.ReconciliationXLSX(rec, i18n.Indonesian, domain.Jakarta())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	summary, _ := f.GetRows("Rekonsiliasi")
	lines, _ := f.GetRows("Rincian")
	if len(summary) != 12 || summary[11][1] != "Ya" || summary[9][0] != "Dikeluarkan dari batch" || summary[3][1] != "2026-11-28 11:00:00" {
		t.Fatalf("summary %q", summary)
	}
	if len(lines) != 3 || lines[1][3] != "0012345678" || lines[1][6] != "Berhasil dibayar" || lines[2][8] != "REKENING TUTUP" {
		t.Fatalf("lines %q", lines)
	}
	// A name that looks like a formula stays text.
	if formula, _ := f.GetCellFormula("Rincian", "E2"); formula != "" {
		t.Fatalf("account name became the formula %q", formula)
	}
}
