package domain

// OfficeKey names one of the offices an heir may have to contact.
type OfficeKey string

const (
	// OfficeDukcapil files and checks claims and verifies the death.
	OfficeDukcapil OfficeKey = "dukcapil"
	// OfficeDinsos approves and pays, and answers for the programme.
	OfficeDinsos OfficeKey = "dinsos"
)

// AllOffices lists every office whose contacts the configuration must give.
var AllOffices = []OfficeKey{OfficeDukcapil, OfficeDinsos}

// Office is the contact an heir needs: where to go, whom to call and when.
type Office struct {
	Key      OfficeKey `json:"key"`
	Name     string    `json:"name"`
	Address  string    `json:"address"`
	Phone    string    `json:"phone"`
	WhatsApp string    `json:"whatsapp,omitempty"` // +628..., for a wa.me link
	Hours    string    `json:"hours"`
	MapURL   string    `json:"map_url,omitempty"` // https only
}

// Offices are the offices' contacts, plus where to report an official who
// asks for money (the service is free of charge).
type Offices struct {
	Offices []Office `json:"offices"`
	// Complaints is where a request for money or bad service is reported
	// (LAPOR!, the Inspektorat): free text shown as given, one line each.
	Complaints []string `json:"complaints"`
	// Example is true for the built-in sample contacts, which a deployment
	// must replace (the start-up log warns while it is set).
	Example bool `json:"example,omitempty"`
}

// Get returns the office with key k.
func (o Offices) Get(k OfficeKey) (Office, bool) {
	for _, off := range o.Offices {
		if off.Key == k {
			return off, true
		}
	}
	return Office{}, false
}

// HoldingOffice is the office that holds a claim in status s now, whom the
// heir should call first: Dukcapil until the death is verified, Dinas
// Sosial from then on (approval, payment and any question after).
func HoldingOffice(s Status) OfficeKey {
	switch s {
	case StatusApplied, StatusSubmitted, StatusReturned:
		return OfficeDukcapil
	}
	return OfficeDinsos
}

// OfficesFirst orders the offices with the one holding a claim in s first.
func (o Offices) OfficesFirst(s Status) []Office {
	first := HoldingOffice(s)
	out := make([]Office, 0, len(o.Offices))
	for _, off := range o.Offices {
		if off.Key == first {
			out = append(out, off)
		}
	}
	for _, off := range o.Offices {
		if off.Key != first {
			out = append(out, off)
		}
	}
	return out
}
