package domain

import (
	"time"
	_ "time/tzdata" // the binary carries its own zone database; servers may have none
)

// Jakarta returns Western Indonesia Time (WIB), the zone of Kendal. Dates a
// person sees and "today" for the claim window are decided in this zone.
func Jakarta() *time.Location {
	loc, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		// WIB is UTC+7 with no daylight saving, so a fixed zone is exact.
		return time.FixedZone("WIB", 7*60*60)
	}
	return loc
}
