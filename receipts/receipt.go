// Package receipts makes a claim's receipt (tanda terima), the paper an
// heir takes home from filing: the claim code, a QR code of the tracking
// link with the code filled in, the date of filing, the documents
// received, the deceased's name masked, the steps ahead with their usual
// times, the offices' contacts and where to report a request for money.
// It never carries a NIK, a phone or an account number.
//
// The data comes from the capabilities (the workflow engine, documents),
// for a signed-in staff user or for an heir who proved the claim with its
// code and NIK; the PDF is set with pdfdoc, like the decree's list.
package receipts

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"santunan/documents"
	"santunan/domain"
	"santunan/i18n"
	"santunan/workflow"
)

// Receipt is what a receipt shows.
type Receipt struct {
	Code      string
	TrackURL  string    // {PublicURL}/lacak?kode=CODE, also in the QR code
	FiledAt   time.Time // the claim's creation, shown in WIB
	Deceased  string    // masked: "A*** F***"
	Status    domain.Status
	Documents []domain.DocumentKind // current documents, in checklist order
	// Offices are the contacts, the office holding the claim first.
	Offices    []domain.Office
	Complaints []string
	// Standard gives the steps' times, the figures the due dates count.
	Standard domain.ServiceStandard
}

// Holding is the name of the office that holds the claim now.
func (r Receipt) Holding() string {
	if len(r.Offices) == 0 {
		return ""
	}
	return r.Offices[0].Name
}

// Service gathers a receipt's data.
type Service struct {
	engine    *workflow.Engine
	docs      *documents.Service
	offices   domain.Offices
	publicURL string
	standard  domain.ServiceStandard
}

// New returns the receipts of claims on engine, with their documents from
// docs, the offices' contacts, the site's public origin for the QR code and
// the service standard whose times the steps print.
func New(engine *workflow.Engine, docs *documents.Service, offices domain.Offices, publicURL string, std domain.ServiceStandard) *Service {
	return &Service{engine: engine, docs: docs, offices: offices, publicURL: strings.TrimRight(publicURL, "/"), standard: std}
}

// ForStaff is the receipt of claim id for a user who reads claims.
func (s *Service) ForStaff(ctx context.Context, actor domain.Actor, id int64) (Receipt, error) {
	if !CanPrint(actor.Role) {
		return Receipt{}, fmt.Errorf("role %s may not print receipts: %w", actor.Role, domain.ErrForbidden)
	}
	c, err := s.engine.Get(ctx, id)
	if err != nil {
		return Receipt{}, err
	}
	return s.build(ctx, actor, c)
}

// ForHeir is the receipt of the claim with code for the heir whose NIK it
// holds (workflow.Engine.Identify): an unknown code and a wrong NIK get the
// same domain.ErrNotFound.
func (s *Service) ForHeir(ctx context.Context, code, heirNIK string) (Receipt, error) {
	c, err := s.engine.Identify(ctx, code, heirNIK)
	if err != nil {
		return Receipt{}, err
	}
	return s.build(ctx, domain.Actor{Role: domain.RoleApplicant}, c)
}

func (s *Service) build(ctx context.Context, actor domain.Actor, c domain.Claim) (Receipt, error) {
	kinds, err := s.docs.Received(ctx, actor, c.ID)
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{
		Code: c.Code, TrackURL: TrackURL(s.publicURL, c.Code), FiledAt: c.CreatedAt,
		Deceased: i18n.MaskName(c.Deceased.FullName), Status: c.Status, Documents: kinds,
		Offices: s.offices.OfficesFirst(c.Status), Complaints: s.offices.Complaints, Standard: s.standard,
	}, nil
}

// TrackURL is the tracking page with code filled in; the heir still types
// their NIK there.
func TrackURL(publicURL, code string) string {
	return strings.TrimRight(publicURL, "/") + "/lacak?" + url.Values{"kode": {code}}.Encode()
}

// FileName is the PDF's download name.
func FileName(code string) string { return "tanda-terima-" + code + ".pdf" }
