package workflow

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"santunan/domain"
)

// claimRow is the claims table as gorm sees it. Domain types carry no gorm
// tags; conversion happens here, at the edge of the store.
type claimRow struct {
	ID                 int64 `gorm:"primaryKey"`
	Code               string
	Status             string
	Version            int
	Amount             int64
	DeceasedNIK        string `gorm:"column:deceased_nik"`
	DeceasedName       string
	DateOfDeath        time.Time
	PlaceOfDeath       string
	KKNumber           string `gorm:"column:kk_number"`
	Address            string
	VillageCode        string
	HeirNIK            string `gorm:"column:heir_nik"`
	HeirName           string
	HeirRelationship   string
	HeirPhone          string
	HeirNotifyConsent  bool
	BankCode           string
	BankAccountNumber  string
	BankAccountName    string
	DeathCertificateNo string
	BankReference      string
	Warnings           string
	// CreatedBy is the staff user who filed the claim; NULL for an heir's
	// online application (the trail names the applicant).
	CreatedBy *int64
	// The engine's clock sets both times; gorm must not put the wall clock in.
	CreatedAt time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt time.Time `gorm:"autoUpdateTime:false"`
	// The current stage's start and due day (stage.go); NULL while the
	// claim waits on no office.
	StageStartedAt *time.Time
	StageDueOn     *time.Time `gorm:"column:stage_due_on"`
}

func (claimRow) TableName() string { return "claims" }

// claimColumns is every column a claim is read with (named, never SELECT *).
const claimColumns = "id, code, status, version, amount, deceased_nik, deceased_name, date_of_death, " +
	"place_of_death, kk_number, address, village_code, heir_nik, heir_name, heir_relationship, heir_phone, heir_notify_consent, " +
	"bank_code, bank_account_number, bank_account_name, death_certificate_no, bank_reference, warnings, " +
	"created_by, created_at, updated_at, stage_started_at, stage_due_on"

func (r claimRow) claim() domain.Claim {
	var warnings []string
	if r.Warnings != "" {
		warnings = strings.Split(r.Warnings, ",")
	}
	return domain.Claim{
		ID: r.ID, Code: r.Code, Status: domain.Status(r.Status), Version: r.Version, Amount: domain.Rupiah(r.Amount),
		Deceased: domain.Deceased{
			NIK: r.DeceasedNIK, FullName: r.DeceasedName, DateOfDeath: domain.DateOf(r.DateOfDeath.UTC()),
			PlaceOfDeath: r.PlaceOfDeath, KKNumber: r.KKNumber, Address: r.Address, VillageCode: r.VillageCode,
		},
		Heir: domain.Heir{
			NIK: r.HeirNIK, FullName: r.HeirName, Relationship: domain.Relationship(r.HeirRelationship), Phone: r.HeirPhone,
			NotifyConsent: r.HeirNotifyConsent,
		},
		BankAccount: domain.BankAccount{
			BankCode: r.BankCode, AccountNumber: r.BankAccountNumber, AccountName: r.BankAccountName,
		},
		DeathCertificateNo: r.DeathCertificateNo,
		BankReference:      r.BankReference,
		Warnings:           warnings,
		CreatedAt:          r.CreatedAt.UTC(),
		UpdatedAt:          r.UpdatedAt.UTC(),
		StageStartedAt:     utcPtr(r.StageStartedAt),
		StageDue:           datePtr(r.StageDueOn),
	}
}

func rowOf(c domain.Claim, createdBy int64) claimRow {
	return claimRow{
		ID: c.ID, Code: c.Code, Status: string(c.Status), Version: c.Version, Amount: int64(c.Amount),
		DeceasedNIK: c.Deceased.NIK, DeceasedName: c.Deceased.FullName, DateOfDeath: c.Deceased.DateOfDeath.Time(),
		PlaceOfDeath: c.Deceased.PlaceOfDeath, KKNumber: c.Deceased.KKNumber, Address: c.Deceased.Address,
		VillageCode: c.Deceased.VillageCode, HeirNIK: c.Heir.NIK, HeirName: c.Heir.FullName,
		HeirRelationship: string(c.Heir.Relationship), HeirPhone: c.Heir.Phone,
		HeirNotifyConsent: c.Heir.NotifyConsent,
		BankCode:          c.BankAccount.BankCode, BankAccountNumber: c.BankAccount.AccountNumber,
		BankAccountName: c.BankAccount.AccountName, DeathCertificateNo: c.DeathCertificateNo,
		BankReference: c.BankReference, Warnings: strings.Join(c.Warnings, ","),
		CreatedBy: staffUser(createdBy), CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		StageStartedAt: c.StageStartedAt, StageDueOn: dateTimePtr(c.StageDue),
	}
}

// staffUser is a created_by value: the user's id, or NULL for none.
func staffUser(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// eventRow is the claim_events table.
type eventRow struct {
	ID            int64 `gorm:"primaryKey"`
	ClaimID       int64
	Seq           int
	Action        string
	FromStatus    string
	ToStatus      string
	ActorID       int64
	ActorUsername string
	ActorRole     string
	Reason        string
	Changes       string
	At            time.Time
	PrevHash      string
	Hash          string
}

func (eventRow) TableName() string { return "claim_events" }

const eventColumns = "id, claim_id, seq, action, from_status, to_status, actor_id, actor_username, actor_role, reason, changes, at, prev_hash, hash"

func (r eventRow) event() (domain.Event, error) {
	changes := map[string]domain.Change{}
	if err := json.Unmarshal([]byte(r.Changes), &changes); err != nil {
		return domain.Event{}, fmt.Errorf("event %d changes: %w", r.ID, err)
	}
	return domain.Event{
		ID: r.ID, ClaimID: r.ClaimID, Seq: r.Seq, Action: domain.Action(r.Action),
		FromStatus: domain.Status(r.FromStatus), ToStatus: domain.Status(r.ToStatus),
		ActorID: r.ActorID, ActorUsername: r.ActorUsername, ActorRole: domain.Role(r.ActorRole),
		Reason: r.Reason, Changes: changes, At: r.At.UTC(), PrevHash: r.PrevHash, Hash: r.Hash,
	}, nil
}
