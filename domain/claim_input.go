package domain

// Inputs hold a claim as it arrives from a request: plain strings, not yet
// trusted. ClaimRules.ValidateClaim turns them into ClaimData. The JSON
// names match the field paths of FieldErrors.

// DeceasedInput is the unvalidated deceased part of a claim.
type DeceasedInput struct {
	NIK          string `json:"nik"`
	FullName     string `json:"full_name"`
	DateOfDeath  string `json:"date_of_death"` // YYYY-MM-DD
	PlaceOfDeath string `json:"place_of_death"`
	KKNumber     string `json:"kk_number"`
	Address      string `json:"address"`
	VillageCode  string `json:"village_code"`
}

// HeirInput is the unvalidated heir part of a claim.
type HeirInput struct {
	NIK          string `json:"nik"`
	FullName     string `json:"full_name"`
	Relationship string `json:"relationship"`
	Phone        string `json:"phone"`
	// NotifyConsent: the heir agrees to messages at Phone.
	NotifyConsent bool `json:"notify_consent"`
}

// BankAccountInput is the unvalidated bank account of a claim.
type BankAccountInput struct {
	BankCode      string `json:"bank_code"`
	AccountNumber string `json:"account_number"`
	AccountName   string `json:"account_name"`
}

// ClaimInput is a whole claim as filed or corrected by a clerk.
type ClaimInput struct {
	Deceased    DeceasedInput    `json:"deceased"`
	Heir        HeirInput        `json:"heir"`
	BankAccount BankAccountInput `json:"bank_account"`
}

// InputOf turns stored claim data back into input, so that a resubmit which
// corrects only some fields can overlay them on the stored ones and validate
// the whole claim again. Validating InputOf(valid data) yields the same data.
func InputOf(d Deceased, h Heir, b BankAccount) ClaimInput {
	return ClaimInput{
		Deceased: DeceasedInput{
			NIK:          d.NIK,
			FullName:     d.FullName,
			DateOfDeath:  d.DateOfDeath.String(),
			PlaceOfDeath: d.PlaceOfDeath,
			KKNumber:     d.KKNumber,
			Address:      d.Address,
			VillageCode:  d.VillageCode,
		},
		Heir: HeirInput{
			NIK:           h.NIK,
			FullName:      h.FullName,
			Relationship:  string(h.Relationship),
			Phone:         h.Phone,
			NotifyConsent: h.NotifyConsent,
		},
		BankAccount: BankAccountInput{
			BankCode:      b.BankCode,
			AccountNumber: b.AccountNumber,
			AccountName:   b.AccountName,
		},
	}
}
