package domain

// Valid reports whether r is one of Relationships.
func (r Relationship) Valid() bool {
	for _, v := range Relationships {
		if v == r {
			return true
		}
	}
	return false
}
