package domain

// A complaint (aduan) is the public's: anyone may file one, without an
// account, optionally tied to a claim; it has its own state machine
// (complaints/table.go) and its own hash-chained trail.

// ComplaintStatus is where a complaint stands.
type ComplaintStatus string

const (
	ComplaintReceived ComplaintStatus = "received" // filed; the complaint officer verifies it
	ComplaintVerified ComplaintStatus = "verified" // within our authority; waiting to be assigned
	ComplaintDeclined ComplaintStatus = "declined" // not our authority: the answer says where to go (final)
	ComplaintAssigned ComplaintStatus = "assigned" // disposed to an office and unit, which answers
	ComplaintAnswered ComplaintStatus = "answered" // the complainant confirms or disputes
	ComplaintClosed   ComplaintStatus = "closed"   // confirmed, or not disputed in time; reopenable within a window
)

// AllComplaintStatuses lists every complaint status in workflow order.
var AllComplaintStatuses = []ComplaintStatus{ComplaintReceived, ComplaintVerified, ComplaintDeclined,
	ComplaintAssigned, ComplaintAnswered, ComplaintClosed}

// Valid reports whether s is a known complaint status.
func (s ComplaintStatus) Valid() bool {
	for _, v := range AllComplaintStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// ComplaintCategory is what a complaint is about.
type ComplaintCategory string

const (
	CategorySlowService ComplaintCategory = "pelayanan_lambat"
	CategoryExtortion   ComplaintCategory = "pungli" // money asked for (pungutan liar / diminta uang)
	CategoryWrongData   ComplaintCategory = "data_salah"
	CategoryStaffManner ComplaintCategory = "sikap_petugas"
	CategoryOther       ComplaintCategory = "lainnya"
)

// AllComplaintCategories lists the categories in the order the form shows them.
var AllComplaintCategories = []ComplaintCategory{CategorySlowService, CategoryExtortion,
	CategoryWrongData, CategoryStaffManner, CategoryOther}

// Valid reports whether c is a known category.
func (c ComplaintCategory) Valid() bool {
	for _, v := range AllComplaintCategories {
		if v == c {
			return true
		}
	}
	return false
}

// ComplaintAction is a step of a complaint's state machine.
type ComplaintAction string

const (
	ComplaintActionFile     ComplaintAction = "file"      // none → received (complainant)
	ComplaintActionVerify   ComplaintAction = "verify"    // received → verified (complaint officer)
	ComplaintActionDecline  ComplaintAction = "decline"   // received → declined, with where to go instead (complaint officer)
	ComplaintActionAssign   ComplaintAction = "assign"    // verified or assigned → assigned, to an office and unit (complaint officer)
	ComplaintActionAnswer   ComplaintAction = "answer"    // assigned → answered (the assigned office, or the complaint officer)
	ComplaintActionConfirm  ComplaintAction = "confirm"   // answered → closed (complainant)
	ComplaintActionDispute  ComplaintAction = "dispute"   // answered → assigned, with a reason (complainant)
	ComplaintActionReopen   ComplaintAction = "reopen"    // closed → assigned within the window (complainant)
	ComplaintActionClose    ComplaintAction = "autoclose" // answered → closed when not disputed in time (system)
	ComplaintActionEscalate ComplaintAction = "escalate"  // no status change: a deadline passed, the head of office is told (system)
)

// Unit is an office a complaint can be disposed to; each has the staff role
// that answers for it.
type Unit string

const (
	UnitDukcapil Unit = "dukcapil" // Dinas Kependudukan dan Pencatatan Sipil: dukcapil_clerk
	UnitDinsos   Unit = "dinsos"   // Dinas Sosial: dinsos_officer
	UnitFinance  Unit = "keuangan" // the finance office (BPKAD): treasurer
)

// AllUnits lists the offices complaints go to.
var AllUnits = []Unit{UnitDukcapil, UnitDinsos, UnitFinance}

// Valid reports whether u is a known office.
func (u Unit) Valid() bool { return u == UnitDukcapil || u == UnitDinsos || u == UnitFinance }

// StaffRole is the role that works in the office.
func (u Unit) StaffRole() Role {
	switch u {
	case UnitDukcapil:
		return RoleDukcapilClerk
	case UnitDinsos:
		return RoleDinsosOfficer
	case UnitFinance:
		return RoleTreasurer
	}
	return ""
}

// UnitOf is the office a staff role works in; false for a role in none.
func UnitOf(r Role) (Unit, bool) {
	for _, u := range AllUnits {
		if u.StaffRole() == r {
			return u, true
		}
	}
	return "", false
}

// ComplaintIdentity is how the complainant appears.
type ComplaintIdentity string

const (
	// IdentityNamed: name and a checked phone, seen by the staff handling it.
	IdentityNamed ComplaintIdentity = "named"
	// IdentityAnonymous: staff handling it never see who complained; a
	// name or phone given is kept for the complaint officer only.
	IdentityAnonymous ComplaintIdentity = "anonim"
)
