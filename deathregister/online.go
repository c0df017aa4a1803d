package deathregister

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"gorm.io/gorm"

	"santunan/domain"
)

// RegistryClient looks a death up in Dukcapil's web service. Only regencies
// with a data-access agreement have one; the HTTP client below is the
// production implementation, and tests put an httptest server behind it.
type RegistryClient interface {
	// LookupDeath returns the registered death of a NIK as the service
	// states it, found false when the service has none, or an error when it
	// cannot answer. The service checks the answer like an import line.
	LookupDeath(ctx context.Context, nik string) (RegistryRecord, bool, error)
}

// RegistryRecord is a death as Dukcapil's service states it: the import's
// columns, unchecked.
type RegistryRecord struct {
	NIK                string `json:"nik"`
	FullName           string `json:"full_name"`
	Sex                string `json:"sex"`
	DateOfDeath        string `json:"date_of_death"`
	DeathCertificateNo string `json:"death_certificate_no"`
	VillageCode        string `json:"village_code"`
	RegisteredOn       string `json:"registered_on"`
}

func (r RegistryRecord) fields() []string {
	return []string{r.NIK, r.FullName, r.Sex, r.DateOfDeath, r.DeathCertificateNo, r.VillageCode, r.RegisteredOn}
}

// HTTPRegistry asks the service at URL: POST {"nik": "..."} with the key in
// X-API-Key; 200 with one record (the import's column names as JSON keys),
// 404 when the NIK has no registered death. The NIK travels in the body,
// never in the URL, so no proxy log holds it.
type HTTPRegistry struct {
	URL    string
	Key    string
	Client *http.Client
}

// NewHTTPRegistry returns the client for a configured service, or nil when
// url is empty (the check is off).
func NewHTTPRegistry(url, key string, timeout time.Duration) RegistryClient {
	if url == "" {
		return nil
	}
	return &HTTPRegistry{URL: url, Key: key, Client: &http.Client{Timeout: timeout}}
}

// maxRegistryAnswer bounds the service's answer.
const maxRegistryAnswer = 64 << 10

// LookupDeath implements RegistryClient.
func (h *HTTPRegistry) LookupDeath(ctx context.Context, nik string) (RegistryRecord, bool, error) {
	body, _ := json.Marshal(map[string]string{"nik": nik})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return RegistryRecord{}, false, fmt.Errorf("registry request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-API-Key", h.Key)
	client := h.Client
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		// The error may quote the URL, never the NIK (it is in the body).
		return RegistryRecord{}, false, fmt.Errorf("%w: %w", domain.ErrRegistryUnavailable, err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotFound:
		return RegistryRecord{}, false, nil
	default:
		return RegistryRecord{}, false, fmt.Errorf("%w: status %d", domain.ErrRegistryUnavailable, resp.StatusCode)
	}
	var a RegistryRecord
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxRegistryAnswer)).Decode(&a); err != nil {
		return RegistryRecord{}, false, fmt.Errorf("%w: unreadable answer", domain.ErrRegistryUnavailable)
	}
	return a, true, nil
}

// OnlineCheck is the outcome of asking Dukcapil's service about a claim.
type OnlineCheck struct {
	Found bool  `json:"found"`
	Match Match `json:"match"`
}

// CheckOnline asks the web service about the claim's deceased NIK; a death
// it knows is stored in the register (source "online"), and the claim's
// match is returned. The call is made outside any transaction.
func (s *Service) CheckOnline(ctx context.Context, actor domain.Actor, claimID int64) (OnlineCheck, error) {
	if !CanCheckOnline(actor.Role) {
		return OnlineCheck{}, fmt.Errorf("role %s may not ask the registry: %w", actor.Role, domain.ErrForbidden)
	}
	if s.opts.Registry == nil {
		return OnlineCheck{}, domain.ErrRegistryOff
	}
	c, err := s.engine.Get(ctx, claimID)
	if err != nil {
		return OnlineCheck{}, err
	}
	answer, found, err := s.opts.Registry.LookupDeath(ctx, c.Deceased.NIK)
	if err != nil {
		if !errors.Is(err, domain.ErrRegistryUnavailable) {
			err = fmt.Errorf("%w: %w", domain.ErrRegistryUnavailable, err)
		}
		return OnlineCheck{}, err
	}
	if found {
		rec, errs := s.validator().Record(answer.fields())
		if len(errs) > 0 || rec.NIK != c.Deceased.NIK {
			return OnlineCheck{}, fmt.Errorf("%w: the answer is not a valid record of this NIK (%v)", domain.ErrRegistryUnavailable, errs)
		}
		// A record the register has already (same akta) is kept as it is.
		err := s.db.InTx(ctx, func(tx *gorm.DB) error {
			_, err := s.insert(tx, 0, "online", []pending{{rec: rec}})
			return err
		})
		if err != nil {
			return OnlineCheck{}, fmt.Errorf("store online record: %w", err)
		}
	}
	m, err := s.Match(ctx, actor, claimID)
	return OnlineCheck{Found: found, Match: m}, err
}
