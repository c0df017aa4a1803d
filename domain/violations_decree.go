package domain

// ViolationDateBeforeProgramme: a decree dated before the santunan kematian
// programme began (payments/decree.go says when).
const ViolationDateBeforeProgramme = "date_before_programme"
