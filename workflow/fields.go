package workflow

import (
	"sort"
	"strconv"
	"strings"

	"santunan/domain"
)

// auditedFields flattens the claim data that the audit trail records, keyed
// by JSON path. The first event of a claim records every field (old ""), and
// each later event the fields it changed, so replaying the trail rebuilds the
// claim: audit verification compares that replay with the claims row and so
// catches a row edited behind the application's back.
func auditedFields(c domain.Claim) map[string]string {
	return map[string]string{
		"amount":                      strconv.FormatInt(int64(c.Amount), 10),
		"deceased.nik":                c.Deceased.NIK,
		"deceased.full_name":          c.Deceased.FullName,
		"deceased.date_of_death":      c.Deceased.DateOfDeath.String(),
		"deceased.place_of_death":     c.Deceased.PlaceOfDeath,
		"deceased.kk_number":          c.Deceased.KKNumber,
		"deceased.address":            c.Deceased.Address,
		"deceased.village_code":       c.Deceased.VillageCode,
		"heir.nik":                    c.Heir.NIK,
		"heir.full_name":              c.Heir.FullName,
		"heir.relationship":           string(c.Heir.Relationship),
		"heir.phone":                  c.Heir.Phone,
		"heir.notify_consent":         strconv.FormatBool(c.Heir.NotifyConsent),
		"bank_account.bank_code":      c.BankAccount.BankCode,
		"bank_account.account_number": c.BankAccount.AccountNumber,
		"bank_account.account_name":   c.BankAccount.AccountName,
		"death_certificate_no":        c.DeathCertificateNo,
		"bank_reference":              c.BankReference,
		"warnings":                    strings.Join(c.Warnings, ","),
	}
}

// diff returns the audited fields whose values differ between two claims.
func diff(before, after domain.Claim) map[string]domain.Change {
	old, cur := auditedFields(before), auditedFields(after)
	out := map[string]domain.Change{}
	for k, v := range cur {
		if old[k] != v {
			out[k] = domain.Change{Old: old[k], New: v}
		}
	}
	return out
}

// replay applies a trail's changes in order and returns the fields they
// produce, together with the fields (sorted) whose recorded old value did not
// match what the trail had produced so far.
func replay(events []domain.Event) (fields map[string]string, mismatched []string) {
	// A claim's first event records each field's change from the zero claim.
	fields = auditedFields(domain.Claim{})
	for _, e := range events {
		for k, ch := range e.Changes {
			if fields[k] != ch.Old {
				mismatched = append(mismatched, k)
			}
			fields[k] = ch.New
		}
	}
	sort.Strings(mismatched)
	return fields, mismatched
}
