package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DocumentKind is which paper a supporting document is.
type DocumentKind string

const (
	DocumentAktaKematian   DocumentKind = "akta_kematian"    // death certificate
	DocumentKTPAhliWaris   DocumentKind = "ktp_ahli_waris"   // the heir's identity card
	DocumentKartuKeluarga  DocumentKind = "kartu_keluarga"   // family card
	DocumentSuratAhliWaris DocumentKind = "surat_ahli_waris" // heirship letter
	DocumentBukuTabungan   DocumentKind = "buku_tabungan"    // bank book of the receiving account
	DocumentLainnya        DocumentKind = "lainnya"          // anything else
)

// AllDocumentKinds lists every kind in the order a checklist shows them.
var AllDocumentKinds = []DocumentKind{
	DocumentAktaKematian, DocumentKTPAhliWaris, DocumentKartuKeluarga,
	DocumentSuratAhliWaris, DocumentBukuTabungan, DocumentLainnya,
}

// Valid reports whether k is a known kind.
func (k DocumentKind) Valid() bool {
	for _, v := range AllDocumentKinds {
		if v == k {
			return true
		}
	}
	return false
}

// Single reports whether a claim holds at most one current document of the
// kind, so that a new upload replaces the old one. "lainnya" accumulates.
func (k DocumentKind) Single() bool { return k != DocumentLainnya }

// ParseDocumentKinds reads a comma-separated list such as
// "ktp_ahli_waris,kartu_keluarga"; "none" is the empty list.
func ParseDocumentKinds(s string) ([]DocumentKind, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "none") {
		return []DocumentKind{}, nil
	}
	var out []DocumentKind
	seen := map[DocumentKind]bool{}
	for _, part := range strings.Split(s, ",") {
		k := DocumentKind(strings.ToLower(strings.TrimSpace(part)))
		if k == "" {
			continue
		}
		if !k.Valid() {
			return nil, fmt.Errorf("unknown document kind %q", k)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out, nil
}

// Content types a document may have, decided from its first bytes.
const (
	ContentTypePDF  = "application/pdf"
	ContentTypeJPEG = "image/jpeg"
	ContentTypePNG  = "image/png"
)

// Document is the record of one uploaded file. Files are never deleted: a
// new upload of a single kind supersedes the current one, which stays as
// evidence with Current false.
type Document struct {
	ID          int64        `json:"id"`
	ClaimID     int64        `json:"claim_id"`
	Kind        DocumentKind `json:"kind"`
	Filename    string       `json:"filename"`
	ContentType string       `json:"content_type"`
	Size        int64        `json:"size"`
	SHA256      string       `json:"sha256"`
	Current     bool         `json:"current"`
	// ReplacesID is the document this one superseded, 0 for a first upload.
	ReplacesID         int64      `json:"replaces_id,omitempty"`
	UploadedBy         int64      `json:"uploaded_by"`
	UploadedByUsername string     `json:"uploaded_by_username"`
	UploadedAt         time.Time  `json:"uploaded_at"`
	SupersededAt       *time.Time `json:"superseded_at,omitempty"`
}

// DocumentAccess is one entry of the append-only log of document downloads:
// who looked at whose papers, and when.
type DocumentAccess struct {
	ID            int64        `json:"id"`
	DocumentID    int64        `json:"document_id"`
	ClaimID       int64        `json:"claim_id"`
	Kind          DocumentKind `json:"kind"`
	ActorID       int64        `json:"actor_id"`
	ActorUsername string       `json:"actor_username"`
	ActorRole     Role         `json:"actor_role"`
	IP            string       `json:"ip"`
	At            time.Time    `json:"at"`
}

// ErrUnsupportedMediaType: an uploaded file is not a PDF, JPEG or PNG.
var ErrUnsupportedMediaType = errors.New("unsupported media type")

// ErrTooLarge is matched by every *TooLargeError.
var ErrTooLarge = errors.New("too large")

// TooLargeError says an upload passed its size limit.
type TooLargeError struct {
	Limit int64
}

func (e *TooLargeError) Error() string { return fmt.Sprintf("larger than %d bytes", e.Limit) }

func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// DocumentsMissingError refuses an action whose required documents are not
// all on the claim. It is a validation failure: the clerk can fix it.
type DocumentsMissingError struct {
	Action  Action
	Missing []DocumentKind
}

func (e *DocumentsMissingError) Error() string {
	kinds := make([]string, len(e.Missing))
	for i, k := range e.Missing {
		kinds[i] = string(k)
	}
	return string(e.Action) + " needs documents: " + strings.Join(kinds, ", ")
}

func (e *DocumentsMissingError) Is(target error) bool { return target == ErrValidation }
