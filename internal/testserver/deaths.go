package testserver

import (
	"fmt"

	"santunan/internal/fixture"
)

// RegisterHeader is the header line of a SIAK export of the death register.
const RegisterHeader = "nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on\n"

// RegisterLine is the death register's record of fixture claim n's
// deceased, who died on died (YYYY-MM-DD).
func RegisterLine(n int, died string) string {
	return fmt.Sprintf("%s,Ahmad Fauzi,L,%s,3324-KM-%04d,3324151001,2026-11-27\n", fixture.ClaimInput(n).Deceased.NIK, died, n)
}
