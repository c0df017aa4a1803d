package deathregister

import (
	"strings"
	"time"

	"santunan/domain"
)

// Columns are the columns of a register CSV, in this order, named in its
// first line. See the README for the format.
var Columns = []string{"nik", "full_name", "sex", "date_of_death", "death_certificate_no", "village_code", "registered_on"}

// Validator checks one register line against the same rules as a claim:
// the NIK must be well formed, the desa/kelurahan one of the regency's, and
// the dates real, not in the future, and in order.
type Validator struct {
	Areas       domain.Areas
	RegencyCode string
	Today       domain.Date
}

// Record validates the fields of one line (in Columns order) and returns
// the record or the violation of each bad field.
func (v Validator) Record(f []string) (domain.DeathRecord, domain.FieldErrors) {
	errs := domain.FieldErrors{}
	var r domain.DeathRecord
	nik, code := domain.ParseNIK(f[0], v.Areas, v.Today)
	if code != "" {
		errs.Add("nik", code)
	}
	r.NIK = nik.Value
	if r.FullName, code = domain.NormalizeName(f[1]); code != "" {
		errs.Add("full_name", code)
	}
	if r.Sex, code = parseSex(f[2]); code != "" {
		errs.Add("sex", code)
	}
	if r.DateOfDeath, code = parseDate(f[3]); code != "" {
		errs.Add("date_of_death", code)
	}
	if r.DeathCertificateNo, code = domain.NormalizeCertificateNo(f[4]); code != "" {
		errs.Add("death_certificate_no", code)
	}
	r.VillageCode = strings.TrimSpace(f[5])
	switch {
	case r.VillageCode == "":
		errs.Add("village_code", domain.ViolationRequired)
	case !v.Areas.VillageInRegency(r.VillageCode, v.RegencyCode):
		errs.Add("village_code", domain.ViolationVillageUnknown)
	}
	if r.RegisteredOn, code = parseDate(f[6]); code != "" {
		errs.Add("registered_on", code)
	}
	if r.RegisteredOn.After(v.Today) {
		errs.Add("registered_on", domain.ViolationDateInFuture)
	}
	switch d := r.DateOfDeath; {
	case d.IsZero():
	case d.After(v.Today):
		errs.Add("date_of_death", domain.ViolationDateInFuture)
	case !nik.BirthDate.IsZero() && d.Before(nik.BirthDate):
		errs.Add("date_of_death", domain.ViolationDateBeforeBirth)
	case !r.RegisteredOn.IsZero() && d.After(r.RegisteredOn):
		errs.Add("date_of_death", domain.ViolationDeathAfterRegistration)
	}
	return r, errs
}

// parseSex reads the spellings SIAK exports and spreadsheets use.
func parseSex(s string) (domain.Sex, string) {
	switch strings.ToUpper(strings.Join(strings.Fields(s), " ")) {
	case "":
		return "", domain.ViolationRequired
	case "L", "LK", "LAKI-LAKI", "LAKI LAKI", "M", "MALE":
		return domain.SexMale, ""
	case "P", "PR", "PEREMPUAN", "W", "WANITA", "F", "FEMALE":
		return domain.SexFemale, ""
	}
	return "", domain.ViolationSexInvalid
}

// parseDate reads YYYY-MM-DD, and DD-MM-YYYY or DD/MM/YYYY as spreadsheets
// in Indonesia write dates (the day always first).
func parseDate(s string) (domain.Date, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return domain.Date{}, domain.ViolationRequired
	}
	for _, layout := range []string{"2006-01-02", "02-01-2006", "02/01/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return domain.DateOf(t), ""
		}
	}
	return domain.Date{}, domain.ViolationDateInvalid
}
