package domain

import (
	"slices"
	"strings"
)

// Bank is a bank that can receive a transfer, identified by its 3-digit
// kode bank (the sandi used for interbank transfers and BI-FAST).
type Bank struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// banks is sorted by code (BankByCode searches it). It keeps to banks an
// heir in Kendal plausibly holds an account with: the state banks, the large
// private and digital banks, every regional development bank (BPD) and the
// main syariah banks. Add a bank here when a real claim needs one; the
// treasurer's bank must be able to transfer to it.
var banks = []Bank{
	{"002", "Bank Rakyat Indonesia (BRI)"},
	{"008", "Bank Mandiri"},
	{"009", "Bank Negara Indonesia (BNI)"},
	{"011", "Bank Danamon"},
	{"013", "Bank Permata"},
	{"014", "Bank Central Asia (BCA)"},
	{"016", "Maybank Indonesia"},
	{"019", "Panin Bank"},
	{"022", "CIMB Niaga"},
	{"023", "UOB Indonesia"},
	{"028", "OCBC NISP"},
	{"031", "Citibank"},
	{"037", "Bank Artha Graha Internasional"},
	{"046", "Bank DBS Indonesia"},
	{"050", "Standard Chartered Bank"},
	{"110", "Bank BJB"},
	{"111", "Bank DKI"},
	{"112", "Bank BPD DIY"},
	{"113", "Bank Jateng"},
	{"114", "Bank Jatim"},
	{"115", "Bank Jambi"},
	{"116", "Bank Aceh Syariah"},
	{"117", "Bank Sumut"},
	{"118", "Bank Nagari"},
	{"119", "Bank Riau Kepri Syariah"},
	{"120", "Bank Sumsel Babel"},
	{"121", "Bank Lampung"},
	{"122", "Bank Kalsel"},
	{"123", "Bank Kalbar"},
	{"124", "Bank Kaltimtara"},
	{"125", "Bank Kalteng"},
	{"126", "Bank Sulselbar"},
	{"127", "Bank SulutGo"},
	{"128", "Bank NTB Syariah"},
	{"129", "Bank BPD Bali"},
	{"130", "Bank NTT"},
	{"131", "Bank Maluku Malut"},
	{"132", "Bank Papua"},
	{"133", "Bank Bengkulu"},
	{"134", "Bank Sulteng"},
	{"135", "Bank Sultra"},
	{"137", "Bank Banten"},
	{"147", "Bank Muamalat"},
	{"153", "Bank Sinarmas"},
	{"200", "Bank Tabungan Negara (BTN)"},
	{"213", "SMBC Indonesia (d/h BTPN)"},
	{"425", "Bank BJB Syariah"},
	{"426", "Bank Mega"},
	{"441", "KB Bank (d/h Bukopin)"},
	{"451", "Bank Syariah Indonesia (BSI)"},
	{"484", "Bank KEB Hana Indonesia"},
	{"490", "Bank Neo Commerce"},
	{"494", "Bank Raya Indonesia"},
	{"501", "Bank Digital BCA (blu)"},
	{"503", "Bank Nationalnobu"},
	{"506", "Bank Mega Syariah"},
	{"517", "Bank Panin Dubai Syariah"},
	{"535", "SeaBank Indonesia"},
	{"536", "BCA Syariah"},
	{"542", "Bank Jago"},
	{"547", "Bank BTPN Syariah"},
	{"564", "Bank Mandiri Taspen"},
	{"567", "Allo Bank"},
	{"725", "Bank Jateng Syariah"},
}

// Banks returns the accepted banks sorted by code. The slice is a copy, so
// a caller sorting it for a dropdown cannot disturb BankByCode.
func Banks() []Bank { return slices.Clone(banks) }

// BankByCode finds an accepted bank by its 3-digit code.
func BankByCode(code string) (Bank, bool) {
	i, ok := slices.BinarySearchFunc(banks, code, func(b Bank, c string) int { return strings.Compare(b.Code, c) })
	if !ok {
		return Bank{}, false
	}
	return banks[i], true
}
