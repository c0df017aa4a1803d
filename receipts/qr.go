package receipts

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// QR code geometry: each module is modulePx pixels, with the quiet zone of
// four modules the standard asks for, so that a phone reads it from paper.
const (
	modulePx  = 8
	quietZone = 4
)

// QRPNG is the QR code of text as a black-on-white PNG. Error correction
// level M (15%) survives a fold or a smudge on a printed receipt.
func QRPNG(text string) ([]byte, error) {
	q, err := qrcode.NewWith(text, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	w := &pngWriter{}
	if err := q.Save(w); err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	return w.out.Bytes(), w.err
}

// pngWriter draws the code's matrix (the library's Writer interface).
type pngWriter struct {
	out bytes.Buffer
	err error
}

func (w *pngWriter) Write(mat qrcode.Matrix) error {
	bits := mat.Bitmap()
	n := len(bits)
	side := (n + 2*quietZone) * modulePx
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range bits {
		for x, dark := range row {
			if !dark {
				continue
			}
			for dy := range modulePx {
				for dx := range modulePx {
					img.SetGray((x+quietZone)*modulePx+dx, (y+quietZone)*modulePx+dy, color.Gray{})
				}
			}
		}
	}
	w.err = png.Encode(&w.out, img)
	return w.err
}

func (w *pngWriter) Close() error { return nil }
