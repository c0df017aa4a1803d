package receipts_test

import (
	"testing"

	"santunan/i18n"
	"santunan/pdfdoc"
	"santunan/receipts"
)

// One receipt's PDF: the QR code drawn and encoded as PNG, the sheet laid
// out and set in the embedded Noto Sans (subset), on A5. What a request
// for a receipt costs beyond its two reads (the claim, its documents).
func BenchmarkReceiptPDF(b *testing.B) {
	r := sample()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := receipts.PDF(r, i18n.Indonesian, pdfdoc.A5); err != nil {
			b.Fatal(err)
		}
	}
}

// The QR code alone, as the print page embeds it.
func BenchmarkQRPNG(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := receipts.QRPNG(sample().TrackURL); err != nil {
			b.Fatal(err)
		}
	}
}
