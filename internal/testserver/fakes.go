package testserver

import (
	"context"
	"errors"
	"sync"

	"santunan/deathregister"
	"santunan/internal/fixture"
)

// FakeDukcapil stands in for Dukcapil's web service (outside our walls)
// behind deathregister.RegistryClient: an answer per NIK, and a count of
// the questions asked. Wire it with Registry.
type FakeDukcapil struct {
	mu      sync.Mutex
	answers map[string]fakeAnswer
	asked   int
}

type fakeAnswer struct {
	rec deathregister.RegistryRecord
	err error
}

// NewFakeDukcapil returns a service that knows no death yet.
func NewFakeDukcapil() *FakeDukcapil { return &FakeDukcapil{answers: map[string]fakeAnswer{}} }

// Knows makes the service answer rec for its NIK.
func (f *FakeDukcapil) Knows(rec deathregister.RegistryRecord) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.answers[rec.NIK] = fakeAnswer{rec: rec}
}

// Fails makes the service fail with err when asked about nik.
func (f *FakeDukcapil) Fails(nik string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.answers[nik] = fakeAnswer{err: err}
}

// LookupDeath implements deathregister.RegistryClient.
func (f *FakeDukcapil) LookupDeath(_ context.Context, nik string) (deathregister.RegistryRecord, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	a, ok := f.answers[nik]
	if !ok {
		return deathregister.RegistryRecord{}, false, nil
	}
	return a.rec, a.err == nil, a.err
}

// Questions is how many lookups the service answered.
func (f *FakeDukcapil) Questions() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.asked
}

// DukcapilRecord is the service's record of fixture claim n's deceased.
func DukcapilRecord(n int, died, certificateNo string) deathregister.RegistryRecord {
	return deathregister.RegistryRecord{NIK: fixture.ClaimInput(n).Deceased.NIK, FullName: "Ahmad Fauzi", Sex: "L",
		DateOfDeath: died, DeathCertificateNo: certificateNo, VillageCode: "3324151001", RegisteredOn: "2026-11-22"}
}

// ErrBankDown is what FakeBank answers for an account it was told fails.
var ErrBankDown = errors.New("bank inquiry: connection refused")

// FakeBank stands in for a bank's account-name inquiry (outside our walls)
// behind payments.AccountInquirer: a holder's name per bank and account,
// and a count of the questions asked. Wire it with Inquirer.
type FakeBank struct {
	mu     sync.Mutex
	names  map[string]string
	failed map[string]bool
	asked  int
}

// NewFakeBank returns a bank that knows no account yet.
func NewFakeBank() *FakeBank { return &FakeBank{names: map[string]string{}, failed: map[string]bool{}} }

// Holds makes the bank answer name for the account.
func (b *FakeBank) Holds(bankCode, account, name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.names[bankCode+"/"+account] = name
}

// Fails makes the bank fail with ErrBankDown for the account.
func (b *FakeBank) Fails(bankCode, account string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failed[bankCode+"/"+account] = true
}

// Inquire implements payments.AccountInquirer. An account the bank does
// not know has an empty name.
func (b *FakeBank) Inquire(_ context.Context, bankCode, account string) (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.asked++
	if b.failed[bankCode+"/"+account] {
		return "", ErrBankDown
	}
	return b.names[bankCode+"/"+account], nil
}

// Questions is how many inquiries the bank answered.
func (b *FakeBank) Questions() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.asked
}
