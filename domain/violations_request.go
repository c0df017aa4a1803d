package domain

// ViolationInvalidValue is for request values that are not one of the
// accepted ones (an unknown status filter, a malformed paging cursor).
const ViolationInvalidValue = "invalid_value"
