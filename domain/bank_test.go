package domain

import (
	"strings"
	"testing"
)

func TestBankList(t *testing.T) {
	list := Banks()
	if len(list) == 0 {
		t.Fatal("no banks")
	}
	for i, b := range list {
		if len(b.Code) != 3 || !isDigits(b.Code) || b.Name == "" {
			t.Errorf("bad entry %+v", b)
		}
		// BankByCode binary-searches: the list must be strictly sorted.
		if i > 0 && list[i-1].Code >= b.Code {
			t.Errorf("not strictly sorted at %s, %s", list[i-1].Code, b.Code)
		}
	}
}

func TestBankByCode(t *testing.T) {
	// The banks the program must accept, by their real transfer codes.
	required := map[string]string{
		"002": "BRI", "008": "Mandiri", "009": "BNI", "011": "Danamon", "013": "Permata",
		"014": "BCA", "016": "Maybank", "019": "Panin", "022": "CIMB Niaga", "023": "UOB",
		"028": "OCBC", "031": "Citibank", "110": "BJB", "111": "DKI", "112": "DIY",
		"113": "Jateng", "114": "Jatim", "147": "Muamalat", "200": "BTN", "213": "BTPN",
		"426": "Mega", "451": "BSI", "725": "Jateng Syariah",
	}
	for code, part := range required {
		b, ok := BankByCode(code)
		if !ok || b.Code != code || !containsFold(b.Name, part) {
			t.Errorf("BankByCode(%q) = %+v, %v; want a bank named like %q", code, b, ok, part)
		}
	}
	for _, code := range []string{"", "999", "13", "0113", " 113", "abc"} {
		if b, ok := BankByCode(code); ok {
			t.Errorf("BankByCode(%q) = %+v, want unknown", code, b)
		}
	}
}

func TestBanksReturnsCopy(t *testing.T) {
	list := Banks()
	list[0] = Bank{"000", "changed"}
	if _, ok := BankByCode("002"); !ok || Banks()[0].Code != "002" {
		t.Error("modifying the result of Banks changed the bank list")
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
