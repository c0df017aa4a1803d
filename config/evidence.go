package config

import (
	"net"
	"net/url"
	"time"

	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
)

// Evidence is the configuration of supporting documents and the Dukcapil
// death register.
type Evidence struct {
	MaxUploadBytes int64 // per document
	MaxImportBytes int64 // per death-register import file
	// RequiredVerify and RequiredApprove are the documents verify_death and
	// approve need ("none" for no requirement).
	RequiredVerify  []domain.DocumentKind
	RequiredApprove []domain.DocumentKind
	// UnclaimedAfterDays: a registered death without a claim is listed for
	// the village's follow-up this many days after it.
	UnclaimedAfterDays int
	// DukcapilURL and DukcapilKey reach Dukcapil's web service for the
	// online check; empty URL turns the check off.
	DukcapilURL     string
	DukcapilKey     string
	DukcapilTimeout time.Duration
}

func readEvidence(r *reader) Evidence {
	e := Evidence{
		MaxUploadBytes:     int64(r.integer("SANTUNAN_MAX_UPLOAD_BYTES", documents.DefaultMaxBytes, 1<<10, 100<<20)),
		MaxImportBytes:     int64(r.integer("SANTUNAN_MAX_IMPORT_BYTES", deathregister.DefaultMaxImportBytes, 1<<10, 1<<30)),
		RequiredVerify:     r.documentKinds("SANTUNAN_REQUIRED_DOCUMENTS_VERIFY", "akta_kematian"),
		RequiredApprove:    r.documentKinds("SANTUNAN_REQUIRED_DOCUMENTS_APPROVE", "ktp_ahli_waris,kartu_keluarga,surat_ahli_waris,buku_tabungan"),
		UnclaimedAfterDays: r.integer("SANTUNAN_UNCLAIMED_AFTER_DAYS", deathregister.DefaultUnclaimedAfterDays, 1, 3650),
		DukcapilURL:        r.str("SANTUNAN_DUKCAPIL_URL", ""),
		DukcapilKey:        r.str("SANTUNAN_DUKCAPIL_KEY", ""),
		DukcapilTimeout:    r.duration("SANTUNAN_DUKCAPIL_TIMEOUT", 10*time.Second),
	}
	if e.DukcapilURL != "" {
		u, err := url.Parse(e.DukcapilURL)
		switch {
		case err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http"):
			r.fail("SANTUNAN_DUKCAPIL_URL", "must be an https:// URL")
		case u.Scheme == "http" && !isLoopback(u.Hostname()):
			// NIKs must not cross a network in clear text.
			r.fail("SANTUNAN_DUKCAPIL_URL", "must use https:// (http:// only to a loopback address)")
		}
		if e.DukcapilKey == "" {
			r.fail("SANTUNAN_DUKCAPIL_KEY", "is required when SANTUNAN_DUKCAPIL_URL is set")
		}
	}
	return e
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (r *reader) documentKinds(name, def string) []domain.DocumentKind {
	kinds, err := domain.ParseDocumentKinds(r.str(name, def))
	if err != nil {
		r.fail(name, "must be a comma-separated list of akta_kematian, ktp_ahli_waris, kartu_keluarga, surat_ahli_waris, buku_tabungan, lainnya, or none")
		kinds, _ = domain.ParseDocumentKinds(def)
	}
	return kinds
}
