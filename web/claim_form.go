package web

import (
	"strconv"

	"santunan/areas"
	"santunan/domain"
	"santunan/i18n"
)

// The claim's fields as a form: used to file a claim and to correct one on
// resubmit. The fields are named as domain names them (domain.Field*), as
// the JSON API's are, so a violation finds its field.

func (s *Server) deceasedSection(in domain.DeceasedInput) formSection {
	nik := textField(domain.FieldDeceasedNIK, in.NIK, true)
	nik.InputMode, nik.Autocomplete = "numeric", "off"
	kk := textField(domain.FieldDeceasedKKNumber, in.KKNumber, true)
	kk.InputMode, kk.Autocomplete = "numeric", "off"
	dod := textField(domain.FieldDeceasedDateOfDeath, in.DateOfDeath, true)
	dod.Type = "date"
	address := textField(domain.FieldDeceasedAddress, in.Address, true)
	address.Type = "textarea"
	village := textField(domain.FieldDeceasedVillageCode, in.VillageCode, true)
	village.Type, village.Groups, village.Placeholder = "select", s.villageGroups(in.VillageCode), text("form.choose")
	return formSection{Title: text("claim_form.deceased"), Fields: []formField{
		nik, textField(domain.FieldDeceasedFullName, in.FullName, true), dod,
		textField(domain.FieldDeceasedPlaceOfDeath, in.PlaceOfDeath, true), kk, address, village,
	}}
}

// fieldHeirNotifyConsent is the consent's checkbox, named as the API's field.
const fieldHeirNotifyConsent = "heir.notify_consent"

func heirSection(in domain.HeirInput) formSection {
	nik := textField(domain.FieldHeirNIK, in.NIK, true)
	nik.InputMode, nik.Autocomplete = "numeric", "off"
	rel := textField(domain.FieldHeirRelationship, in.Relationship, true)
	rel.Type, rel.Placeholder = "select", text("form.choose")
	for _, r := range domain.Relationships {
		rel.Options = append(rel.Options, option{Value: string(r), Label: i18n.RelationshipLabel(i18n.Indonesian, r),
			Selected: string(r) == in.Relationship})
	}
	phone := textField(domain.FieldHeirPhone, in.Phone, true)
	phone.Type, phone.InputMode, phone.Autocomplete = "tel", "tel", "off"
	// The paper form's box: the heir agrees to messages at this phone.
	consent := textField(fieldHeirNotifyConsent, strconv.FormatBool(in.NotifyConsent), false)
	consent.Type = "checkbox"
	return formSection{Title: text("claim_form.heir"), Fields: []formField{
		nik, textField(domain.FieldHeirFullName, in.FullName, true), rel, phone, consent,
	}}
}

// bankSection names its fields with bankPrefix.
func bankSection(in domain.BankAccountInput) formSection {
	prefix := bankPrefix
	bank := textField(prefix+domain.FieldBankCode, in.BankCode, true)
	bank.Type, bank.Placeholder = "select", text("form.choose")
	for _, b := range domain.Banks() {
		bank.Options = append(bank.Options, option{Value: b.Code, Label: b.Name + " (" + b.Code + ")", Selected: b.Code == in.BankCode})
	}
	number := textField(prefix+domain.FieldAccountNumber, in.AccountNumber, true)
	number.InputMode, number.Autocomplete = "numeric", "off"
	return formSection{Title: text("claim_form.bank"), Fields: []formField{
		bank, number, textField(prefix+domain.FieldAccountName, in.AccountName, true),
	}}
}

// villageGroups lists the regency's desa/kelurahan grouped by kecamatan, in
// the directory's order (kecamatan, then village name).
func (s *Server) villageGroups(selected string) []optGroup {
	var groups []optGroup
	for _, v := range s.Areas.Villages(s.opts.RegencyCode) {
		if len(groups) == 0 || groups[len(groups)-1].Label != kecamatanLabel(v) {
			groups = append(groups, optGroup{Label: kecamatanLabel(v)})
		}
		g := &groups[len(groups)-1]
		g.Options = append(g.Options, option{Value: v.Code, Label: villageLabel(v), Selected: v.Code == selected})
	}
	return groups
}

func kecamatanLabel(v areas.Village) string { return textf("area.kecamatan", "name", v.KecamatanName) }

func villageLabel(v areas.Village) string {
	return textf("area."+v.Kind, "name", v.Name)
}

// claimInputFrom reads a claim from a form, within its limits.
func claimInputFrom(get formValues) (domain.ClaimInput, error) {
	in := domain.ClaimInput{
		Deceased: domain.DeceasedInput{
			NIK: get(domain.FieldDeceasedNIK), FullName: get(domain.FieldDeceasedFullName),
			DateOfDeath: get(domain.FieldDeceasedDateOfDeath), PlaceOfDeath: get(domain.FieldDeceasedPlaceOfDeath),
			KKNumber: get(domain.FieldDeceasedKKNumber), Address: get(domain.FieldDeceasedAddress),
			VillageCode: get(domain.FieldDeceasedVillageCode),
		},
		Heir: domain.HeirInput{
			NIK: get(domain.FieldHeirNIK), FullName: get(domain.FieldHeirFullName),
			Relationship: get(domain.FieldHeirRelationship), Phone: get(domain.FieldHeirPhone),
			NotifyConsent: get(fieldHeirNotifyConsent) == "true",
		},
		BankAccount: bankInputFrom(get),
	}
	return in, checkLimits(get, claimLimits...)
}

func bankInputFrom(get formValues) domain.BankAccountInput {
	return domain.BankAccountInput{BankCode: get(bankPrefix + domain.FieldBankCode),
		AccountNumber: get(bankPrefix + domain.FieldAccountNumber), AccountName: get(bankPrefix + domain.FieldAccountName)}
}
