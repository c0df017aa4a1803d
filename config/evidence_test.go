package config

import (
	"slices"
	"strings"
	"testing"
	"time"

	"santunan/domain"
)

func TestEvidenceDefaults(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	e := c.Evidence
	if e.MaxUploadBytes != 5<<20 || e.MaxImportBytes != 64<<20 || e.UnclaimedAfterDays != 14 || e.DukcapilURL != "" ||
		e.DukcapilTimeout != 10*time.Second ||
		!slices.Equal(e.RequiredVerify, []domain.DocumentKind{domain.DocumentAktaKematian}) ||
		!slices.Equal(e.RequiredApprove, []domain.DocumentKind{domain.DocumentKTPAhliWaris, domain.DocumentKartuKeluarga,
			domain.DocumentSuratAhliWaris, domain.DocumentBukuTabungan}) {
		t.Fatalf("evidence defaults %+v", e)
	}
}

func TestEvidenceValues(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"SANTUNAN_MAX_UPLOAD_BYTES": "1048576", "SANTUNAN_REQUIRED_DOCUMENTS_VERIFY": "none",
		"SANTUNAN_REQUIRED_DOCUMENTS_APPROVE": " BUKU_TABUNGAN , akta_kematian,buku_tabungan", "SANTUNAN_UNCLAIMED_AFTER_DAYS": "30",
		"SANTUNAN_DUKCAPIL_URL": "https://siak.example.go.id/api/kematian", "SANTUNAN_DUKCAPIL_KEY": "k",
	}))
	if err != nil {
		t.Fatal(err)
	}
	e := c.Evidence
	if e.MaxUploadBytes != 1<<20 || len(e.RequiredVerify) != 0 || e.RequiredVerify == nil || e.UnclaimedAfterDays != 30 ||
		!slices.Equal(e.RequiredApprove, []domain.DocumentKind{domain.DocumentBukuTabungan, domain.DocumentAktaKematian}) ||
		e.DukcapilURL == "" {
		t.Fatalf("evidence values %+v", e)
	}
	if _, err := FromEnv(env(map[string]string{"SANTUNAN_DUKCAPIL_URL": "http://127.0.0.1:9000", "SANTUNAN_DUKCAPIL_KEY": "k"})); err != nil {
		t.Fatalf("loopback http: %v", err)
	}
}

func TestEvidenceRefusesBadValues(t *testing.T) {
	cases := []struct{ name, value string }{
		{"SANTUNAN_MAX_UPLOAD_BYTES", "5MB"},
		{"SANTUNAN_MAX_UPLOAD_BYTES", "10"},
		{"SANTUNAN_MAX_IMPORT_BYTES", "0"},
		{"SANTUNAN_REQUIRED_DOCUMENTS_VERIFY", "akta"},
		{"SANTUNAN_REQUIRED_DOCUMENTS_APPROVE", "ktp_ahli_waris,ijazah"},
		{"SANTUNAN_UNCLAIMED_AFTER_DAYS", "0"},
		{"SANTUNAN_DUKCAPIL_URL", "ftp://siak.example"},
		{"SANTUNAN_DUKCAPIL_URL", "http://siak.example.go.id/api"},
		{"SANTUNAN_DUKCAPIL_KEY", ""}, // URL set without a key
		{"SANTUNAN_DUKCAPIL_TIMEOUT", "soon"},
	}
	for _, tt := range cases {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			kv := map[string]string{tt.name: tt.value}
			if tt.name == "SANTUNAN_DUKCAPIL_KEY" {
				kv["SANTUNAN_DUKCAPIL_URL"] = "https://siak.example.go.id/api"
			}
			_, err := FromEnv(env(kv))
			if err == nil || !strings.Contains(err.Error(), tt.name) {
				t.Fatalf("err = %v, want one naming %s", err, tt.name)
			}
		})
	}
}
