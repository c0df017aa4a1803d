package domain

// Rupiah is an amount of money in whole rupiah. Rupiah has no minor unit in
// practice, so integers avoid every rounding question.
type Rupiah int64

// DefaultBenefit is the santunan kematian amount set by Perbup Kendal 20/2021.
const DefaultBenefit Rupiah = 1_000_000
