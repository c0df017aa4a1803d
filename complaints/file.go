package complaints

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/workflow"
)

// Length limits of the complaint's texts, in runes.
const (
	MaxText     = 4000 // the complaint itself
	MinText     = 10   // "tolong" alone is no complaint
	MaxReason   = 1000 // a dispute's, a reopening's or a decline's reason; an answer
	MaxUnitName = 120  // the named unit inside an office
)

// Filing is what the public sends to file a complaint.
type Filing struct {
	Category     domain.ComplaintCategory
	Text         string
	Confidential bool
	Identity     domain.ComplaintIdentity
	// Name: required when named; optional when anonymous (kept for the
	// complaint officer only).
	Name string
	// PhoneToken is a verified "complaint" phone check's session
	// (applications.StartComplaint, Verify): required when named, optional
	// when anonymous. Filing ends it.
	PhoneToken string
	// NotifyConsent: an anonymous complainant with a phone agrees to be
	// messaged (a named one always is).
	NotifyConsent bool
	// ClaimCode and HeirNIK tie the complaint to a claim, checked as the
	// heir's tracking is (Engine.Identify, with its guess lock).
	ClaimCode, HeirNIK string
	// VillageCode is an optional desa of the regency; NamedUnit the office
	// the complaint is about (optional).
	VillageCode string
	NamedUnit   domain.Unit
	Evidence    []EvidenceUpload
}

// EvidenceUpload is one file sent with a complaint.
type EvidenceUpload struct {
	Filename string
	Content  []byte
}

// checkText refuses text that is empty, too long, or holds what
// domain.TextViolation refuses, under field.
func checkText(errs domain.FieldErrors, field, s string, min, max int, required bool) string {
	if v := domain.TextViolation(s); v != "" {
		errs.Add(field, v)
		return ""
	}
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 && required:
		errs.Add(field, domain.ViolationRequired)
	case n > max:
		errs.Add(field, domain.ViolationTooLong)
	case n > 0 && n < min:
		errs.Add(field, domain.ViolationRequired)
	}
	return s
}

// validate checks a filing's own fields (not the phone session or the claim).
func (s *Service) validate(f *Filing) domain.FieldErrors {
	errs := domain.FieldErrors{}
	if !f.Category.Valid() {
		errs.Add("category", domain.ViolationInvalidValue)
	}
	f.Text = checkText(errs, "text", f.Text, MinText, MaxText, true)
	switch f.Identity {
	case domain.IdentityNamed, domain.IdentityAnonymous:
	default:
		errs.Add("identity", domain.ViolationInvalidValue)
	}
	if f.Name != "" || f.Identity == domain.IdentityNamed {
		name, v := domain.NormalizeName(f.Name)
		if v != "" {
			errs.Add("name", v)
		}
		f.Name = name
	}
	if f.Identity == domain.IdentityNamed && f.PhoneToken == "" {
		errs.Add("phone_token", domain.ViolationRequired)
	}
	if v := domain.TextViolation(f.PhoneToken); v != "" {
		errs.Add("phone_token", v)
	}
	if f.NamedUnit != "" && !f.NamedUnit.Valid() {
		errs.Add("named_unit", domain.ViolationInvalidValue)
	}
	f.VillageCode = strings.TrimSpace(f.VillageCode)
	if f.VillageCode != "" {
		switch {
		case domain.TextViolation(f.VillageCode) != "":
			errs.Add("village_code", domain.ViolationInvalidCharacters)
		case s.opts.Areas == nil || !s.opts.Areas.VillageInRegency(f.VillageCode, s.opts.RegencyCode):
			errs.Add("village_code", domain.ViolationVillageUnknown)
		}
	}
	for _, p := range []struct{ field, v string }{{"claim_code", f.ClaimCode}, {"heir_nik", f.HeirNIK}} {
		if v := domain.TextViolation(p.v); v != "" {
			errs.Add(p.field, v)
		}
	}
	if (strings.TrimSpace(f.ClaimCode) == "") != (strings.TrimSpace(f.HeirNIK) == "") {
		if strings.TrimSpace(f.ClaimCode) == "" {
			errs.Add("claim_code", domain.ViolationRequired)
		} else {
			errs.Add("heir_nik", domain.ViolationRequired)
		}
	}
	if len(f.Evidence) > s.opts.MaxEvidenceFiles {
		errs.Add("evidence", domain.ViolationTooLong)
	}
	return errs
}

// checkedEvidence is an evidence file that passed the checks.
type checkedEvidence struct {
	filename, contentType, hash string
	content                     []byte
}

func (s *Service) checkEvidence(files []EvidenceUpload) ([]checkedEvidence, error) {
	var out []checkedEvidence
	for _, f := range files {
		if len(f.Content) == 0 {
			return nil, domain.FieldError("evidence", domain.ViolationRequired)
		}
		if int64(len(f.Content)) > s.opts.MaxEvidenceBytes {
			return nil, &domain.TooLargeError{Limit: s.opts.MaxEvidenceBytes}
		}
		ct, ok := documents.Sniff(f.Content)
		if !ok {
			return nil, fmt.Errorf("complaint evidence: %w", domain.ErrUnsupportedMediaType)
		}
		sum := sha256.Sum256(f.Content)
		out = append(out, checkedEvidence{filename: documents.CleanFilename(f.Filename), contentType: ct,
			hash: hex.EncodeToString(sum[:]), content: f.Content})
	}
	return out, nil
}

func textHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// codeAttempts bounds retries after a code collision (60 random bits).
const codeAttempts = 3

// File files a complaint: checks it, ties it to a claim when asked (the
// claim's code and the heir's NIK, as tracking does), ends the phone
// session, and writes the complaint, its evidence and its first event, and
// queues the complainant's message, in one transaction.
func (s *Service) File(ctx context.Context, f Filing) (Complaint, error) {
	if errs := s.validate(&f); len(errs) > 0 {
		return Complaint{}, errs.Err()
	}
	evidence, err := s.checkEvidence(f.Evidence)
	if err != nil {
		return Complaint{}, err
	}
	if len(evidence) > 0 && s.opts.Blobs == nil {
		return Complaint{}, errors.New("complaints: no blob store wired for evidence")
	}
	var claimID *int64
	if strings.TrimSpace(f.ClaimCode) != "" {
		claim, err := s.engine.Identify(ctx, f.ClaimCode, f.HeirNIK)
		if errors.Is(err, domain.ErrNotFound) {
			return Complaint{}, domain.FieldError("claim_code", domain.ViolationInvalidValue)
		}
		if err != nil {
			return Complaint{}, err
		}
		id := claim.ID
		claimID = &id
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return Complaint{}, err
	}
	for attempt := 0; attempt < codeAttempts; attempt++ {
		code, err := s.opts.NewCode()
		if err != nil {
			return Complaint{}, err
		}
		var out Complaint
		err = s.engine.InTx(ctx, func(tx *workflow.Tx) error {
			now := s.now()
			c := Complaint{Code: code, Status: domain.ComplaintReceived, Version: 1, Category: f.Category,
				Text: f.Text, TextSHA256: textHash(f.Text), Confidential: f.Confidential, Identity: f.Identity,
				ComplainantName: f.Name, NamedUnit: f.NamedUnit, ClaimID: claimID, VillageCode: f.VillageCode,
				CreatedAt: now, UpdatedAt: now}
			if f.PhoneToken != "" {
				if s.opts.Phones == nil {
					return errors.New("complaints: no phone checks wired")
				}
				phone, err := s.opts.Phones.ConsumeComplaintSession(tx.DB(), f.PhoneToken, now)
				if err != nil {
					return err
				}
				c.ComplainantPhone = phone
				c.NotifyConsent = f.Identity == domain.IdentityNamed || f.NotifyConsent
			}
			c.DueOn = s.dueOn(cal, c, domain.DateOf(now.In(s.opts.Location)))
			r := rowOf(c)
			r.ID = 0
			if err := tx.DB().Create(&r).Error; err != nil {
				return fmt.Errorf("insert complaint: %w", err)
			}
			c.ID = r.ID
			for _, e := range evidence {
				if err := s.opts.Blobs.Put(ctx, tx, e.hash, e.content); err != nil {
					return err
				}
				row := evidenceRow{ComplaintID: c.ID, Filename: e.filename, ContentType: e.contentType,
					Size: int64(len(e.content)), SHA256: e.hash, CreatedAt: now}
				if err := tx.DB().Create(&row).Error; err != nil {
					return fmt.Errorf("insert complaint evidence: %w", err)
				}
			}
			changes := diff(Complaint{}, c)
			for i, e := range evidence {
				changes[fmt.Sprintf("evidence.%d.sha256", i+1)] = domain.Change{New: e.hash}
			}
			ev := Event{ComplaintID: c.ID, Seq: 1, Action: domain.ComplaintActionFile, ToStatus: c.Status,
				Changes: changes, At: now}
			setActor(&ev, complainant)
			if err := appendEvent(tx.DB(), &ev); err != nil {
				return err
			}
			if err := s.message(tx.DB(), c, ev); err != nil {
				return err
			}
			out = c
			return nil
		})
		if err == nil {
			return out, nil
		}
		if !database.IsUniqueViolation(err) {
			return Complaint{}, err
		}
	}
	return Complaint{}, fmt.Errorf("no free complaint code after %d attempts", codeAttempts)
}
