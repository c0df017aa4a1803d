// Package stresstest holds the randomized stress test of the whole service
// (stress_test.go): many goroutines take random allowed and refused actions
// through the JSON API, on the production wiring, for a bounded time, and
// then the invariants that matter most are checked from the outside: no
// answer is a 5xx, every acknowledged change is there afterwards, the audit
// trail verifies, the budget adds up, and no claim is paid twice or paid
// without having been sent to the bank. It has only tests.
package stresstest
