package i18n

import (
	"strings"
	"testing"
)

// The payment pages' texts are part of the one Indonesian catalog, and
// each is a sentence, not a leftover key.
func TestPaymentPageTextsJoinTheCatalog(t *testing.T) {
	if len(paymentPagesIndonesian) < 100 {
		t.Fatalf("only %d payment page texts", len(paymentPagesIndonesian))
	}
	for k, v := range paymentPagesIndonesian {
		if !HasText(k) || Text(Indonesian, k) != v {
			t.Errorf("%s is not in the catalog", k)
		}
		if strings.TrimSpace(v) == "" || v == k {
			t.Errorf("%s has no text", k)
		}
	}
	if got := Textf(Indonesian, "batch.result_applied", "paid", "2", "failed", "1", "unchanged", "0"); got !=
		"Hasil bank diterapkan: 2 klaim dibayar, 1 gagal, 0 tidak berubah." {
		t.Errorf("result text = %q", got)
	}
}
