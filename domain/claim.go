package domain

import "time"

// Sex as encoded in a NIK (40 added to the day of birth for women).
type Sex string

const (
	SexMale   Sex = "male"
	SexFemale Sex = "female"
)

// Relationship of the heir to the deceased.
type Relationship string

const (
	RelationshipSpouse  Relationship = "spouse"
	RelationshipChild   Relationship = "child"
	RelationshipParent  Relationship = "parent"
	RelationshipSibling Relationship = "sibling"
	RelationshipOther   Relationship = "other"
)

// Relationships lists every accepted relationship.
var Relationships = []Relationship{RelationshipSpouse, RelationshipChild, RelationshipParent, RelationshipSibling, RelationshipOther}

// Warning codes attached to a claim: facts the clerk should look at that do
// not by themselves make the claim invalid.
const (
	// WarningNIKOutsideRegency: the deceased NIK was issued outside the
	// program's regency. The NIK prefix tells where it was issued, not where
	// the person lived; domicile is Dukcapil's call at verify_death.
	WarningNIKOutsideRegency = "nik_outside_regency"
	// WarningAccountNameMismatch: the name the bank holds for the account
	// differs from the heir's account name on the claim (payments' account
	// check before a transfer). A corrected account (retry_payment) clears it.
	WarningAccountNameMismatch = "account_name_mismatch"
)

// Deceased is the person whose death the claim is for.
type Deceased struct {
	NIK          string `json:"nik"`
	FullName     string `json:"full_name"`
	DateOfDeath  Date   `json:"date_of_death"`
	PlaceOfDeath string `json:"place_of_death"`
	KKNumber     string `json:"kk_number"`
	Address      string `json:"address"`
	VillageCode  string `json:"village_code"`
}

// Heir is the ahli waris who receives the benefit.
type Heir struct {
	NIK          string       `json:"nik"`
	FullName     string       `json:"full_name"`
	Relationship Relationship `json:"relationship"`
	Phone        string       `json:"phone"` // normalised to +628...
	// NotifyConsent: the heir agreed to messages about the claim at this
	// phone (UU 27/2022); without it nothing is sent.
	NotifyConsent bool `json:"notify_consent"`
}

// BankAccount receives the transfer.
type BankAccount struct {
	BankCode      string `json:"bank_code"`
	AccountNumber string `json:"account_number"`
	AccountName   string `json:"account_name"`
}

// ClaimData is the validated, normalised content of a claim that a clerk
// files (and corrects on resubmit).
type ClaimData struct {
	Deceased    Deceased
	Heir        Heir
	BankAccount BankAccount
	Warnings    []string
}

// Claim is one santunan kematian claim.
type Claim struct {
	ID                 int64
	Code               string
	Status             Status
	Version            int
	Amount             Rupiah
	Deceased           Deceased
	Heir               Heir
	BankAccount        BankAccount
	DeathCertificateNo string
	BankReference      string
	Warnings           []string
	CreatedAt          time.Time
	UpdatedAt          time.Time
	// StageStartedAt is when the claim entered its current stage (StageOf
	// its status) and StageDue the working day the service standard gives
	// that stage's office; both nil while the claim waits on no office
	// (returned to the heir, or final). Not audited fields: the engine's
	// event hook derives them from the trail's times and the calendar.
	StageStartedAt *time.Time
	StageDue       *Date
}
