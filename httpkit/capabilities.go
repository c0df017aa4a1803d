package httpkit

import (
	"santunan/applications"
	"santunan/areas"
	"santunan/auth"
	"santunan/complaints"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/notify"
	"santunan/payments"
	"santunan/receipts"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
	"santunan/workflow"
)

// Capabilities are what both front doors call: the workflow engine and
// every capability on it. Production wires all of them (internal/wiring),
// always; a front door never asks whether one is there.
type Capabilities struct {
	Engine        *workflow.Engine
	Auth          *auth.Service
	Areas         *areas.Directory
	Payments      *payments.Service
	Documents     *documents.Service
	DeathRegister *deathregister.Service
	// Applications are the heir's online forms: phone checks, online
	// applications, corrections of returned claims.
	Applications *applications.Service
	// Receipts gathers a claim's receipt (tanda terima) from the engine and
	// documents, for staff and for the heir.
	Receipts *receipts.Service
	// Offices are the contacts shown to the public (configuration).
	Offices domain.Offices
	// PublicURL is the site's public origin (configuration), for links
	// that leave the site: messages, the receipt's QR code.
	PublicURL string
	// Notify queues and lists the messages to heirs; its worker is
	// started by serve and testserver.
	Notify *notify.Service
	// Calendar is the working-day calendar (workdays): non-working days,
	// their audit, and the due days of claims' stages.
	Calendar *workdays.Service
	// Complaints are the public's complaints (aduan): filing and tracking
	// by code, the staff's steps, the sweep, the LAPOR! export.
	Complaints *complaints.Service
	// Survey is the satisfaction survey (SKM) after payment: its invites,
	// answers and index.
	Survey *survey.Service
	// Reports are the head of office's figures: stages, times against the
	// service standard, complaints, the SKM.
	Reports *reports.Service
}
