package deathregister

import (
	"time"

	"santunan/domain"
)

// recordRow is the death_records table.
type recordRow struct {
	ID                 int64  `gorm:"primaryKey"`
	NIK                string `gorm:"column:nik"`
	FullName           string
	Sex                string
	DateOfDeath        time.Time
	DeathCertificateNo string
	VillageCode        string
	RegisteredOn       time.Time
	Source             string
	ImportID           *int64
	CreatedAt          time.Time
}

func (recordRow) TableName() string { return "death_records" }

const recordColumns = "id, nik, full_name, sex, date_of_death, death_certificate_no, village_code, registered_on, source, import_id, created_at"

func (r recordRow) record() domain.DeathRecord {
	return domain.DeathRecord{
		ID: r.ID, NIK: r.NIK, FullName: r.FullName, Sex: domain.Sex(r.Sex),
		DateOfDeath: domain.DateOf(r.DateOfDeath.UTC()), DeathCertificateNo: r.DeathCertificateNo,
		VillageCode: r.VillageCode, RegisteredOn: domain.DateOf(r.RegisteredOn.UTC()), Source: r.Source,
		CreatedAt: r.CreatedAt.UTC(),
	}
}

// importRow is the death_register_imports table.
type importRow struct {
	ID            int64 `gorm:"primaryKey"`
	ActorID       int64
	ActorUsername string
	ActorRole     string
	Via           string
	SHA256        string `gorm:"column:sha256"`
	Lines         int
	Inserted      int
	Unchanged     int
	Refused       int
	Finished      bool
	StartedAt     time.Time
	FinishedAt    *time.Time
}

func (importRow) TableName() string { return "death_register_imports" }
