package i18n

import "testing"

func TestPaymentTextsComplete(t *testing.T) {
	for _, lang := range langs {
		checkComplete(t, "payment text", lang, paymentTexts[lang], AllPaymentTexts)
	}
	if Payment("jv", PayColHeir) != "Ahli Waris" || Payment(English, PayColHeir) != "Heir" {
		t.Fatal("Payment does not fall back to Indonesian")
	}
}
