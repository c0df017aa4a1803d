package testserver

import (
	"net/http"
	"time"

	"santunan/domain"
)

// The reports' seeded month: claims moved through the stages on known days
// of March 2026, across weekends and the Nyepi and Lebaran holidays of
// 18-24 March, so that every working-day figure of the month's report is
// known. Steps are taken at 09:00 WIB on the day named, in time order.
//
//	F  Kendal     filed Fri 27 Feb, verified Mon 2 Mar (1), approved Tue 10 Mar (6); approved now
//	A  Kendal     filed Mon 2 Mar, verified Wed 4 (2), approved Fri 6 (2), paid Tue 10 (2); 6 end to end
//	D  Plantungan filed Mon 2 Mar, rejected Fri 6 (verify 4)
//	G  Kendal     applied online Fri 6 Mar, accepted Mon 9 (intake 1); submitted now
//	B  Plantungan filed Fri 13 Mar, verified Tue 17 (2), approved Wed 25 (1: Lebaran), paid Fri 27 (2); 5 end to end
//	C  Kendal     filed Tue 17 Mar, returned Wed 25 (verify 1), resubmitted Thu 26, verified Mon 30 (verify 2); death_verified now
//
// The clock ends on Tue 31 Mar 2026, 10:00 WIB (ReportToday).
const (
	// ReportKecamatanKendal and ReportKecamatanPlantungan are the two
	// kecamatan of the seeded claims (village 3324151001 Candiroto and
	// 3324012001 Blumah).
	ReportKecamatanKendal     = "332415"
	ReportKecamatanPlantungan = "332401"
)

// ReportStart is where a server for the seeded month starts its clock
// (At(ReportStart)): the first filing, Fri 27 Feb 2026 09:00 WIB.
var ReportStart = wib(2026, time.February, 27, 9)

// ReportToday is the clock when SeedReportMonth returns.
var ReportToday = wib(2026, time.March, 31, 10)

func wib(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, domain.Jakarta())
}

// ReportClaims are the seeded claims by their letter.
type ReportClaims map[string]Claim

// SeedReportMonth files and moves the seeded month's claims through the
// API (the server must start At(ReportStart)), and leaves the clock at
// ReportToday with every role's token fresh.
func (s *Server) SeedReportMonth() ReportClaims {
	s.T.Helper()
	out := ReportClaims{}
	reason := map[string]any{"reason": "Berkas belum lengkap"}
	day := func(m time.Month, d int) { s.T.Helper(); s.MoveClock(wib(2026, m, d, 9)) }
	file := func(n int, village string) Claim {
		s.T.Helper()
		body := ClaimBody(n)
		deceased := body["deceased"].(map[string]string)
		deceased["date_of_death"], deceased["village_code"] = "2026-02-20", village
		var c Claim
		s.Expect(s.Do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, body), http.StatusCreated, &c)
		return c
	}
	pay := func(c Claim, sent time.Month, sentDay int) {
		s.T.Helper()
		b := s.NewBatch(c)
		day(sent, sentDay)
		s.SendTransferFile(b.ID)
		s.ApplyResults(b, nil)
	}
	kendal, plantungan := "3324151001", "3324012001"

	day(time.February, 27)
	out["F"] = file(101, kendal)
	day(time.March, 2)
	out["F"] = s.Verify(out["F"], 101)
	out["A"] = file(102, kendal)
	out["D"] = file(103, plantungan)
	day(time.March, 4)
	out["A"] = s.Verify(out["A"], 102)
	day(time.March, 6)
	out["A"] = s.Approve(out["A"])
	out["D"] = s.Act(out["D"], domain.RoleDukcapilClerk, "reject", reason)
	out["G"] = s.applyOnline(104)
	day(time.March, 9)
	out["G"] = s.Act(out["G"], domain.RoleDukcapilClerk, "accept", map[string]any{})
	b := s.NewBatch(out["A"])
	day(time.March, 10)
	s.SendTransferFile(b.ID)
	s.ApplyResults(b, nil)
	out["F"] = s.Approve(out["F"])
	day(time.March, 13)
	out["B"] = file(105, plantungan)
	day(time.March, 17)
	out["B"] = s.Verify(out["B"], 105)
	out["C"] = file(106, kendal)
	day(time.March, 25)
	out["B"] = s.Approve(out["B"])
	out["C"] = s.Act(out["C"], domain.RoleDukcapilClerk, "return", reason)
	day(time.March, 26)
	out["C"] = s.Act(out["C"], domain.RoleDukcapilClerk, "resubmit", map[string]any{})
	pay(out["B"], time.March, 27)
	day(time.March, 30)
	out["C"] = s.Verify(s.Claim(out["C"].ID), 106)
	s.MoveClock(ReportToday)
	for k, c := range out {
		out[k] = s.Claim(c.ID)
	}
	return out
}

// applyOnline files fixture claim n as the heir online (phone check, the
// papers as photos), dead on 20 February 2026 in the fixture's village.
func (s *Server) applyOnline(n int) Claim {
	s.T.Helper()
	photos := map[domain.DocumentKind][]byte{}
	for _, k := range append(append([]domain.DocumentKind{}, VerifyDocuments...), ApproveDocuments...) {
		photos[k] = SampleJPEG
	}
	body := ApplicationBody(n)
	body["deceased"].(map[string]string)["date_of_death"] = "2026-02-20"
	var filed struct {
		Code string `json:"code"`
	}
	s.Expect(s.Apply(s.PhoneToken(Phone(n)), body, photos), http.StatusCreated, &filed)
	var page struct {
		Items []Claim `json:"items"`
	}
	s.Expect(s.Do(http.MethodGet, "/api/v1/claims?q="+filed.Code, domain.RoleDukcapilClerk, nil), http.StatusOK, &page)
	if len(page.Items) != 1 {
		s.T.Fatalf("claims with code %s: %d", filed.Code, len(page.Items))
	}
	return page.Items[0]
}

// MoveClock sets the clock to t and logs every role in again, as staff
// would after days away: tokens last SANTUNAN_TOKEN_TTL.
func (s *Server) MoveClock(t time.Time) {
	s.T.Helper()
	s.Clock.Set(t)
	for role := range s.Tokens {
		s.Tokens[role] = s.Login(string(role), Password)
	}
}
