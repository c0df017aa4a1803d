package domain

import (
	"errors"
	"maps"
	"reflect"
	"strings"
	"testing"
)

func testRules() ClaimRules {
	return ClaimRules{Areas: testAreas, RegencyCode: "3324", WindowDays: 90, Today: testToday, SubmittedOn: testToday}
}

// validInput is a correct claim as a clerk types it: untidy but valid.
func validInput() ClaimInput {
	return ClaimInput{
		Deceased: DeceasedInput{
			NIK:          " 3324150101500001 ",
			FullName:     "  Slamet   Riyadi ",
			DateOfDeath:  "2026-11-20",
			PlaceOfDeath: "RSUD dr. H. Soewondo Kendal",
			KKNumber:     "3324151203150003",
			Address:      "Jl. Pemuda No. 5\nRT 02/RW 03",
			VillageCode:  "3324151001",
		},
		Heir: HeirInput{
			NIK:          "3324154505800002",
			FullName:     "Siti Aminah",
			Relationship: "spouse",
			Phone:        "0812-3456-7890",
		},
		BankAccount: BankAccountInput{
			BankCode:      "113",
			AccountNumber: "1-234-567-890",
			AccountName:   "Siti Aminah",
		},
	}
}

func TestValidateClaimValid(t *testing.T) {
	got, err := testRules().ValidateClaim(validInput())
	if err != nil {
		t.Fatalf("ValidateClaim: %v", err)
	}
	want := ClaimData{
		Deceased: Deceased{
			NIK: "3324150101500001", FullName: "Slamet Riyadi", DateOfDeath: Date{2026, 11, 20},
			PlaceOfDeath: "RSUD dr. H. Soewondo Kendal", KKNumber: "3324151203150003",
			Address: "Jl. Pemuda No. 5 RT 02/RW 03", VillageCode: "3324151001",
		},
		Heir:        Heir{NIK: "3324154505800002", FullName: "Siti Aminah", Relationship: RelationshipSpouse, Phone: "+6281234567890"},
		BankAccount: BankAccount{BankCode: "113", AccountNumber: "1234567890", AccountName: "Siti Aminah"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ValidateClaim =\n%+v\nwant\n%+v", got, want)
	}
}

func TestValidateClaimOutsideRegencyWarns(t *testing.T) {
	in := validInput()
	in.Deceased.NIK = "3374010101500001" // issued in Kota Semarang
	got, err := testRules().ValidateClaim(in)
	if err != nil {
		t.Fatalf("a NIK from outside the regency must be accepted: %v", err)
	}
	if !reflect.DeepEqual(got.Warnings, []string{WarningNIKOutsideRegency}) {
		t.Errorf("Warnings = %v, want [%s]", got.Warnings, WarningNIKOutsideRegency)
	}
	// Only the deceased's NIK matters: an heir living elsewhere is normal.
	in = validInput()
	in.Heir.NIK = "3374014505800002"
	got, err = testRules().ValidateClaim(in)
	if err != nil || len(got.Warnings) != 0 {
		t.Errorf("heir from outside the regency: %v, warnings %v; want no error, no warnings", err, got.Warnings)
	}
}

// fieldErrors runs ValidateClaim and returns its violations, failing the
// test if the error is not a *ValidationError.
func fieldErrors(t *testing.T, r ClaimRules, in ClaimInput) FieldErrors {
	t.Helper()
	data, err := r.ValidateClaim(in)
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrValidation) {
		t.Fatalf("error %v is not a *ValidationError", err)
	}
	if !reflect.DeepEqual(data, ClaimData{}) {
		t.Errorf("invalid claim returned data %+v", data)
	}
	return ve.Fields
}

func TestValidateClaimReportsEveryField(t *testing.T) {
	in := ClaimInput{
		Deceased: DeceasedInput{
			NIK:          "3324 1501 0150 0001",
			FullName:     "Slamet 2",
			DateOfDeath:  "20-11-2026",
			PlaceOfDeath: strings.Repeat("x", 201),
			KKNumber:     "332415120315",
			Address:      "Jl. Pemuda\x00",
			VillageCode:  "3319012001", // Kudus: outside the regency
		},
		Heir: HeirInput{
			NIK:          "9999994505800002",
			FullName:     strings.Repeat("a", 101),
			Relationship: "cousin",
			Phone:        "0294381234",
		},
		BankAccount: BankAccountInput{BankCode: "999", AccountNumber: "12345", AccountName: "..."},
	}
	want := FieldErrors{
		FieldDeceasedNIK:              ViolationNIKNotDigits,
		FieldDeceasedFullName:         ViolationNameInvalid,
		FieldDeceasedDateOfDeath:      ViolationDateInvalid,
		FieldDeceasedPlaceOfDeath:     ViolationTooLong,
		FieldDeceasedKKNumber:         ViolationKKLength,
		FieldDeceasedAddress:          ViolationInvalidCharacters,
		FieldDeceasedVillageCode:      ViolationVillageUnknown,
		FieldHeirNIK:                  ViolationNIKKecamatanUnknown,
		FieldHeirFullName:             ViolationNameTooLong,
		FieldHeirRelationship:         ViolationRelationshipInvalid,
		FieldHeirPhone:                ViolationPhoneInvalid,
		"bank_account.bank_code":      ViolationBankUnknown,
		"bank_account.account_number": ViolationAccountNumberInvalid,
		"bank_account.account_name":   ViolationNameInvalid,
	}
	if got := fieldErrors(t, testRules(), in); !maps.Equal(got, want) {
		t.Errorf("violations =\n%v\nwant\n%v", got, want)
	}
}

func TestValidateClaimEmpty(t *testing.T) {
	got := fieldErrors(t, testRules(), ClaimInput{})
	if len(got) != 14 {
		t.Errorf("got %d violations, want one for each of the 14 fields: %v", len(got), got)
	}
	for field, code := range got {
		if code != ViolationRequired {
			t.Errorf("%s = %q, want %q", field, code, ViolationRequired)
		}
	}
}

func TestValidateClaimRules(t *testing.T) {
	tests := []struct {
		name   string
		rules  func(*ClaimRules)
		modify func(*ClaimInput)
		want   FieldErrors // nil: valid
	}{
		{
			name:   "heir turns 17 on the filing day",
			modify: func(in *ClaimInput) { in.Heir.NIK = "3324152811090001" }, // born 2009-11-28
		},
		{
			name:   "heir turns 17 the day after filing",
			modify: func(in *ClaimInput) { in.Heir.NIK = "3324152911090001" }, // born 2009-11-29
			want:   FieldErrors{FieldHeirNIK: ViolationHeirTooYoung},
		},
		{
			// On resubmit the age is still taken on the original filing
			// day: 17 today, but 16 when the claim was filed.
			name:   "heir age counts on the original filing day",
			rules:  func(r *ClaimRules) { r.SubmittedOn = Date{2026, 11, 1} },
			modify: func(in *ClaimInput) { in.Heir.NIK = "3324151011090001" }, // born 2009-11-10
			want:   FieldErrors{FieldHeirNIK: ViolationHeirTooYoung},
		},
		{
			name:   "heir same as deceased",
			modify: func(in *ClaimInput) { in.Heir.NIK = "3324150101500001" },
			want:   FieldErrors{FieldHeirNIK: ViolationHeirSameAsDeceased},
		},
		{
			name:   "heir same as deceased, typed with spaces around",
			modify: func(in *ClaimInput) { in.Heir.NIK = "3324150101500001  " },
			want:   FieldErrors{FieldHeirNIK: ViolationHeirSameAsDeceased},
		},
		{
			name:   "death 90 days before filing",
			modify: func(in *ClaimInput) { in.Deceased.DateOfDeath = "2026-08-30" },
		},
		{
			name:   "death 91 days before filing",
			modify: func(in *ClaimInput) { in.Deceased.DateOfDeath = "2026-08-29" },
			want:   FieldErrors{FieldDeceasedDateOfDeath: ViolationDateOutsideWindow},
		},
		{
			name:   "resubmit 3 months later keeps the window of the filing day",
			rules:  func(r *ClaimRules) { r.SubmittedOn = Date{2026, 9, 1} },
			modify: func(in *ClaimInput) { in.Deceased.DateOfDeath = "2026-06-03" },
		},
		{
			name:   "death tomorrow",
			modify: func(in *ClaimInput) { in.Deceased.DateOfDeath = "2026-11-29" },
			want:   FieldErrors{FieldDeceasedDateOfDeath: ViolationDateInFuture},
		},
		{
			name: "death before the birth in the NIK",
			modify: func(in *ClaimInput) {
				in.Deceased.NIK = "3324151511260001" // born 2026-11-15
				in.Deceased.DateOfDeath = "2026-11-14"
			},
			want: FieldErrors{FieldDeceasedDateOfDeath: ViolationDateBeforeBirth},
		},
		{
			// Serial 0000 makes the NIK invalid; its birth date (15 Nov)
			// must not be used to call the date of death impossible.
			name: "invalid deceased NIK skips the birth check",
			modify: func(in *ClaimInput) {
				in.Deceased.NIK = "3324151511260000"
				in.Deceased.DateOfDeath = "2026-11-14"
			},
			want: FieldErrors{FieldDeceasedNIK: ViolationNIKSerialZero},
		},
		{
			name:   "village of Kendal in another regency's program",
			rules:  func(r *ClaimRules) { r.RegencyCode = "3319" },
			modify: func(in *ClaimInput) {},
			want:   FieldErrors{FieldDeceasedVillageCode: ViolationVillageUnknown},
		},
		{
			name:   "unknown KK kecamatan",
			modify: func(in *ClaimInput) { in.Deceased.KKNumber = "9999991203150003" },
			want:   FieldErrors{FieldDeceasedKKNumber: ViolationKKKecamatanUnknown},
		},
		{
			name:   "relationship is case-sensitive",
			modify: func(in *ClaimInput) { in.Heir.Relationship = "Spouse" },
			want:   FieldErrors{FieldHeirRelationship: ViolationRelationshipInvalid},
		},
		{
			name:   "bank code with spaces",
			modify: func(in *ClaimInput) { in.BankAccount.BankCode = " 451 " },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testRules()
			if tt.rules != nil {
				tt.rules(&r)
			}
			in := validInput()
			tt.modify(&in)
			if got := fieldErrors(t, r, in); !maps.Equal(got, tt.want) {
				t.Errorf("violations = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestValidateBankAccount(t *testing.T) {
	r := testRules()
	got, errs := r.ValidateBankAccount(BankAccountInput{BankCode: "451", AccountNumber: "7123 456 789", AccountName: " Siti  Aminah "})
	want := BankAccount{BankCode: "451", AccountNumber: "7123456789", AccountName: "Siti Aminah"}
	if errs != nil || got != want {
		t.Errorf("ValidateBankAccount = %+v, %v; want %+v, nil", got, errs, want)
	}
	got, errs = r.ValidateBankAccount(BankAccountInput{BankCode: "", AccountNumber: "12", AccountName: "Siti 1"})
	wantErrs := FieldErrors{FieldBankCode: ViolationRequired, FieldAccountNumber: ViolationAccountNumberInvalid, FieldAccountName: ViolationNameInvalid}
	if !maps.Equal(errs, wantErrs) || got != (BankAccount{}) {
		t.Errorf("ValidateBankAccount = %+v, %v; want zero, %v", got, errs, wantErrs)
	}
}

func TestInputOfRoundTrip(t *testing.T) {
	r := testRules()
	data, err := r.ValidateClaim(validInput())
	if err != nil {
		t.Fatal(err)
	}
	again, err := r.ValidateClaim(InputOf(data.Deceased, data.Heir, data.BankAccount))
	if err != nil || !reflect.DeepEqual(again, data) {
		t.Errorf("validating InputOf(data) = %+v, %v; want %+v", again, err, data)
	}
}

func FuzzValidateClaim(f *testing.F) {
	v := validInput()
	f.Add(v.Deceased.NIK, v.Deceased.FullName, v.Deceased.DateOfDeath, v.Deceased.PlaceOfDeath, v.Deceased.KKNumber,
		v.Deceased.Address, v.Deceased.VillageCode, v.Heir.NIK, v.Heir.FullName, v.Heir.Relationship, v.Heir.Phone,
		v.BankAccount.BankCode, v.BankAccount.AccountNumber, v.BankAccount.AccountName)
	f.Add("3374010101500001", "A", "2026-08-30", "x", "3324151203150003", "y", "3324012001",
		"3324152811090001", "B", "child", "+6281234567890", "002", "123456", "C")
	f.Add("", "", "", "", "", "", "", "", "", "", "", "", "", "")
	known := map[string]bool{
		FieldDeceasedNIK: true, FieldDeceasedFullName: true, FieldDeceasedDateOfDeath: true,
		FieldDeceasedPlaceOfDeath: true, FieldDeceasedKKNumber: true, FieldDeceasedAddress: true,
		FieldDeceasedVillageCode: true, FieldHeirNIK: true, FieldHeirFullName: true,
		FieldHeirRelationship: true, FieldHeirPhone: true, "bank_account.bank_code": true,
		"bank_account.account_number": true, "bank_account.account_name": true,
	}
	f.Fuzz(func(t *testing.T, dNIK, dName, dDate, dPlace, dKK, dAddr, dVillage, hNIK, hName, hRel, hPhone, bCode, bNumber, bName string) {
		in := ClaimInput{
			Deceased:    DeceasedInput{dNIK, dName, dDate, dPlace, dKK, dAddr, dVillage},
			Heir:        HeirInput{NIK: hNIK, FullName: hName, Relationship: hRel, Phone: hPhone},
			BankAccount: BankAccountInput{bCode, bNumber, bName},
		}
		r := testRules()
		data, err := r.ValidateClaim(in)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("error %v is not a non-empty *ValidationError", err)
			}
			for field, code := range ve.Fields {
				if !known[field] || !isKnownViolation(code) {
					t.Fatalf("unexpected violation %s=%q", field, code)
				}
			}
			return
		}
		d, h := data.Deceased, data.Heir
		nik, code := ParseNIK(d.NIK, testAreas, testToday)
		if code != "" {
			t.Fatalf("accepted deceased NIK %q: %s", d.NIK, code)
		}
		if d.DateOfDeath.After(testToday) || d.DateOfDeath.Before(nik.BirthDate) || d.DateOfDeath.Before(testToday.AddDays(-r.WindowDays)) {
			t.Fatalf("accepted date of death %v (born %v)", d.DateOfDeath, nik.BirthDate)
		}
		heirNIK, code := ParseNIK(h.NIK, testAreas, testToday)
		if code != "" || h.NIK == d.NIK || testToday.YearsSince(heirNIK.BirthDate) < MinHeirAge {
			t.Fatalf("accepted heir NIK %q", h.NIK)
		}
		if !h.Relationship.Valid() || !strings.HasPrefix(h.Phone, "+628") || !testAreas.VillageInRegency(d.VillageCode, "3324") {
			t.Fatalf("accepted %+v", data)
		}
		if _, ok := BankByCode(data.BankAccount.BankCode); !ok {
			t.Fatalf("accepted bank %q", data.BankAccount.BankCode)
		}
		wantWarning := nik.RegencyCode() != "3324"
		if gotWarning := len(data.Warnings) == 1 && data.Warnings[0] == WarningNIKOutsideRegency; gotWarning != wantWarning || len(data.Warnings) > 1 {
			t.Fatalf("warnings %v for deceased NIK %s", data.Warnings, d.NIK)
		}
		// Normalised data is a fixed point: stored claims re-validate to
		// themselves on resubmit.
		again, err := r.ValidateClaim(InputOf(d, h, data.BankAccount))
		if err != nil || !reflect.DeepEqual(again, data) {
			t.Fatalf("re-validating %+v gave %+v, %v", data, again, err)
		}
	})
}
