package testserver

import (
	"context"
	"net/http"
	"time"

	"santunan/complaints"
	"santunan/domain"
	"santunan/survey"
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
// Complaints (anonymous, through the complaints service):
//
//	K1 pelayanan_lambat, Kendal: filed Mon 2 Mar, verified Wed 4 (2), assigned Thu 5, answered Mon 9 (2 from
//	   assignment), confirmed Tue 10: closed
//	K2 pungli, Plantungan: filed Fri 13 Mar, verified and assigned Wed 25 (3: Lebaran); assigned now
//	K3 data_salah, no desa: filed Mon 30 Mar; received now
//	K4 pelayanan_lambat, Kendal: filed Mon 16 Mar, never verified (due Thu 26), escalated by the sweep on Fri 27
//
// SKM: A's heir answers on Wed 11 Mar with 4 on every element, B's on Mon
// 30 Mar with 3: the index of March is 87.50 (band B) over 2 answers.
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

// ReportClaims are the seeded claims by their letter, and K4, the escalated
// complaint (its id and code only).
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
	officer := s.Users[domain.RoleComplaintOfficer].Actor()
	complain := func(cat domain.ComplaintCategory, village string) complaints.Complaint {
		s.T.Helper()
		c, err := s.Services.Complaints.File(context.Background(), complaints.Filing{Category: cat, Identity: domain.IdentityAnonymous,
			Text: "Pengaduan untuk laporan bulanan yang diuji.", VillageCode: village})
		if err != nil {
			s.T.Fatalf("file a complaint: %v", err)
		}
		return c
	}
	act := func(c complaints.Complaint, actor domain.Actor, a domain.ComplaintAction, in complaints.ActInput) complaints.Complaint {
		s.T.Helper()
		c, err := s.Services.Complaints.Act(context.Background(), actor, c.ID, a, in)
		if err != nil {
			s.T.Fatalf("complaint %s: %v", a, err)
		}
		return c
	}
	answerSurvey := func(c Claim, score int) {
		s.T.Helper()
		tok, ok, err := s.Services.Survey.Offer(context.Background(), c.Code)
		if err != nil || !ok {
			s.T.Fatalf("survey offer of %s: %v %v", c.Code, ok, err)
		}
		var a survey.Answer
		for i := range a.Scores {
			a.Scores[i] = score
		}
		if err := s.Services.Survey.Answer(context.Background(), tok, a); err != nil {
			s.T.Fatalf("survey answer: %v", err)
		}
	}
	var k1, k2 complaints.Complaint

	day(time.February, 27)
	out["F"] = file(101, kendal)
	day(time.March, 2)
	out["F"] = s.Verify(out["F"], 101)
	out["A"] = file(102, kendal)
	out["D"] = file(103, plantungan)
	k1 = complain(domain.CategorySlowService, kendal)
	day(time.March, 4)
	out["A"] = s.Verify(out["A"], 102)
	k1 = act(k1, officer, domain.ComplaintActionVerify, complaints.ActInput{})
	day(time.March, 5)
	k1 = act(k1, officer, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitDinsos, UnitName: "Bidang Linjamsos"})
	day(time.March, 6)
	out["A"] = s.Approve(out["A"])
	out["D"] = s.Act(out["D"], domain.RoleDukcapilClerk, "reject", reason)
	out["G"] = s.applyOnline(104)
	day(time.March, 9)
	out["G"] = s.Act(out["G"], domain.RoleDukcapilClerk, "accept", map[string]any{})
	b := s.NewBatch(out["A"])
	k1 = act(k1, s.Users[domain.RoleDinsosOfficer].Actor(), domain.ComplaintActionAnswer,
		complaints.ActInput{Answer: "Klaim sudah kami proses dan dibayar besok."})
	day(time.March, 10)
	s.SendTransferFile(b.ID)
	s.ApplyResults(b, nil)
	out["F"] = s.Approve(out["F"])
	if _, err := s.Services.Complaints.Confirm(context.Background(), k1.Code); err != nil {
		s.T.Fatalf("confirm: %v", err)
	}
	day(time.March, 11)
	answerSurvey(out["A"], 4)
	day(time.March, 13)
	out["B"] = file(105, plantungan)
	k2 = complain(domain.CategoryExtortion, plantungan)
	day(time.March, 16)
	k4 := complain(domain.CategorySlowService, kendal)
	day(time.March, 17)
	out["B"] = s.Verify(out["B"], 105)
	out["C"] = file(106, kendal)
	day(time.March, 25)
	out["B"] = s.Approve(out["B"])
	out["C"] = s.Act(out["C"], domain.RoleDukcapilClerk, "return", reason)
	k2 = act(k2, officer, domain.ComplaintActionVerify, complaints.ActInput{})
	act(k2, officer, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitDinsos})
	day(time.March, 26)
	out["C"] = s.Act(out["C"], domain.RoleDukcapilClerk, "resubmit", map[string]any{})
	pay(out["B"], time.March, 27)
	if n, _, err := s.Services.Complaints.Sweep(context.Background()); err != nil || n != 1 {
		s.T.Fatalf("the sweep of 27 March escalated %d (%v), want K4", n, err)
	}
	out["K4"] = Claim{ID: k4.ID, Code: k4.Code}
	day(time.March, 30)
	out["C"] = s.Verify(s.Claim(out["C"].ID), 106)
	complain(domain.CategoryWrongData, "")
	answerSurvey(out["B"], 3)
	s.MoveClock(ReportToday)
	for k, c := range out {
		if k != "K4" {
			out[k] = s.Claim(c.ID)
		}
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
