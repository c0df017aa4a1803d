package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

type publicClaim struct {
	Code        string `json:"code"`
	Status      string `json:"status"`
	TrackingURL string `json:"tracking_url"`
}

// byCode finds a claim through the clerk's search.
func byCode(s *testserver.Server, code string) testserver.Claim {
	s.T.Helper()
	var page struct {
		Items []testserver.Claim `json:"items"`
	}
	s.Expect(s.Do(http.MethodGet, "/api/v1/claims?q="+code, domain.RoleDukcapilClerk, nil), http.StatusOK, &page)
	if len(page.Items) != 1 {
		s.T.Fatalf("claims with code %s: %d", code, len(page.Items))
	}
	return page.Items[0]
}

func TestOnlineApplicationFromPhoneToAccept(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		phone := testserver.Phone(1)
		token := s.PhoneToken(phone)
		var out publicClaim
		s.Expect(s.Apply(token, testserver.ApplicationBody(1), map[domain.DocumentKind][]byte{
			domain.DocumentAktaKematian: testserver.SampleJPEG, domain.DocumentKTPAhliWaris: testserver.SamplePDF,
		}), http.StatusCreated, &out)
		if out.Status != string(domain.StatusApplied) || !strings.HasSuffix(out.TrackingURL, "/lacak?kode="+out.Code) {
			t.Fatalf("answer %+v", out)
		}
		// The verified phone is the heir's; the clerk's queue has the claim.
		var queue struct {
			Items []testserver.Claim `json:"items"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/claims?status=applied", domain.RoleDukcapilClerk, nil), http.StatusOK, &queue)
		if len(queue.Items) != 1 || queue.Items[0].Code != out.Code || queue.Items[0].Heir.Phone != phone {
			t.Fatalf("intake %+v", queue.Items)
		}
		c := queue.Items[0]
		events := s.Events(c.ID)
		if len(events) != 3 || events[0].Action != "apply" || testserver.Count(events, "document_uploaded") != 2 {
			t.Fatalf("trail %+v", events)
		}
		for _, ev := range events {
			if ev.ActorUsername != "pemohon-daring" {
				t.Errorf("event %s by %q, want the online applicant", ev.Action, ev.ActorUsername)
			}
			for field, ch := range ev.Changes {
				if strings.Contains(ch["new"], phone) && field != "heir.phone" {
					t.Errorf("%s carries the phone", field)
				}
			}
		}
		// The heir agreed to messages: the claim's code reaches the verified phone.
		if msgs := s.Gateway.WaitFor(t, 2); !strings.Contains(s.Gateway.LastTo(t, phone), out.Code) {
			t.Fatalf("messages %+v: none with the code", msgs)
		}
		// The token was used once.
		s.ExpectError(s.Apply(token, testserver.ApplicationBody(2), nil), http.StatusUnauthorized, "phone_check_required")
		accepted := s.Act(c, domain.RoleDukcapilClerk, "accept", map[string]any{})
		if accepted.Status != string(domain.StatusSubmitted) {
			t.Fatalf("accepted: %s", accepted.Status)
		}
		// Another application, declined with a reason, ends rejected.
		var second publicClaim
		s.Expect(s.Apply(s.PhoneToken(testserver.Phone(2)), testserver.ApplicationBody(2), nil), http.StatusCreated, &second)
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(byCode(s, second.Code).ID, "decline"), domain.RoleDukcapilClerk,
			map[string]any{}), http.StatusUnprocessableEntity, "validation_failed")
		declined := s.Act(byCode(s, second.Code), domain.RoleDukcapilClerk, "decline", map[string]string{"reason": "Bukan warga Kendal."})
		if declined.Status != string(domain.StatusRejected) {
			t.Fatalf("declined: %s", declined.Status)
		}
	})
}

func TestOnlineApplicationRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		s.ExpectError(s.Apply("", testserver.ApplicationBody(1), nil), http.StatusUnauthorized, "phone_check_required")
		s.ExpectError(s.Apply("no-such-token", testserver.ApplicationBody(1), nil), http.StatusUnauthorized, "phone_check_required")

		token := s.PhoneToken(testserver.Phone(2))
		noConsent := testserver.ApplicationBody(1)
		noConsent["privacy_consent"] = false
		e := s.ExpectError(s.Apply(token, noConsent, map[domain.DocumentKind][]byte{
			domain.DocumentAktaKematian: testserver.SampleHTML}), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["consent"] == "" || e.Error.Fields["documents.akta_kematian"] == "" {
			t.Fatalf("fields %v", e.Error.Fields)
		}
		for _, bad := range testserver.BadTexts {
			body := testserver.ApplicationBody(1)
			body["heir"].(map[string]any)["full_name"] = "Siti" + bad.S
			resp := s.Apply(token, body, nil)
			if resp.StatusCode != http.StatusBadRequest {
				e := s.ExpectError(resp, http.StatusUnprocessableEntity, "validation_failed")
				if e.Error.Fields["heir.full_name"] == "" {
					t.Errorf("%s: fields %v", bad.Name, e.Error.Fields)
				}
			} else {
				resp.Body.Close()
			}
		}
		// A refused application leaves the session usable; the same death
		// twice is the engine's duplicate.
		s.Expect(s.Apply(token, testserver.ApplicationBody(1), nil), http.StatusCreated, nil)
		again := s.PhoneToken(testserver.Phone(3))
		s.ExpectError(s.Apply(again, testserver.ApplicationBody(1), nil), http.StatusConflict, "duplicate_claim")
	})
}

func TestPhoneCheckLimits(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		phone := testserver.Phone(4)
		var first testserver.PhoneCheck
		s.Expect(s.StartPhoneCheck("0812 0000 004"), http.StatusCreated, &first)
		if strings.Contains(first.PhoneMasked, "812000") || !strings.HasSuffix(first.PhoneMasked, "0004") {
			t.Fatalf("masked %q", first.PhoneMasked)
		}
		s.Expect(s.StartPhoneCheck(phone), http.StatusCreated, nil)
		s.Expect(s.StartPhoneCheck(phone), http.StatusCreated, nil)
		resp := s.StartPhoneCheck(phone)
		if resp.Header.Get("Retry-After") == "" {
			t.Error("no Retry-After")
		}
		s.ExpectError(resp, http.StatusTooManyRequests, "too_many_codes")
		s.Clock.Advance(15*time.Minute + time.Second)
		s.Expect(s.StartPhoneCheck(phone), http.StatusCreated, nil)

		// Five wrong codes end a check; the right one then is refused too.
		var ch testserver.PhoneCheck
		s.Expect(s.StartPhoneCheck(testserver.Phone(5)), http.StatusCreated, &ch)
		code := s.Codes.Next(t, testserver.Phone(5))
		wrong := "000000"
		if code == wrong {
			wrong = "111111"
		}
		for i := 1; i <= 5; i++ {
			want := domain.ViolationOTPWrong
			if i == 5 {
				want = domain.ViolationOTPAttempts
			}
			e := s.ExpectError(s.VerifyPhone(ch.CheckID, wrong), http.StatusUnprocessableEntity, "validation_failed")
			if e.Error.Fields["code"] == "" || !strings.Contains(e.Error.Fields["code"], map[string]string{
				domain.ViolationOTPWrong: "does not match", domain.ViolationOTPAttempts: "Too many"}[want]) {
				t.Fatalf("try %d: %v", i, e.Error.Fields)
			}
		}
		s.ExpectError(s.VerifyPhone(ch.CheckID, code), http.StatusUnprocessableEntity, "validation_failed")

		// Expiry by the test clock, and a code used twice.
		s.Expect(s.StartPhoneCheck(testserver.Phone(6)), http.StatusCreated, &ch)
		s.Clock.Advance(10 * time.Minute)
		e := s.ExpectError(s.VerifyPhone(ch.CheckID, s.Codes.Next(t, testserver.Phone(6))), http.StatusUnprocessableEntity, "validation_failed")
		if !strings.Contains(e.Error.Fields["code"], "expired") {
			t.Fatalf("expired: %v", e.Error.Fields)
		}
		s.Expect(s.StartPhoneCheck(testserver.Phone(7)), http.StatusCreated, &ch)
		code = s.Codes.Next(t, testserver.Phone(7))
		s.Expect(s.VerifyPhone(ch.CheckID, code), http.StatusOK, nil)
		e = s.ExpectError(s.VerifyPhone(ch.CheckID, code), http.StatusUnprocessableEntity, "validation_failed")
		if !strings.Contains(e.Error.Fields["code"], "already used") {
			t.Fatalf("used: %v", e.Error.Fields)
		}
		// A verified session ends after its time.
		token := s.PhoneToken(testserver.Phone(8))
		s.Clock.Advance(31 * time.Minute)
		s.ExpectError(s.Apply(token, testserver.ApplicationBody(9), nil), http.StatusUnauthorized, "phone_check_required")
		s.ExpectError(s.StartPhoneCheck("021 555 1234"), http.StatusUnprocessableEntity, "validation_failed")
	})
}

func TestPhoneChecksPerClientAreLimited(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		// As an operator would set it.
		s := testserver.Start(t, db, testserver.Env("SANTUNAN_PHONE_CHECK_RATE_PER_MINUTE", "2"))
		s.Expect(s.StartPhoneCheck(testserver.Phone(1)), http.StatusCreated, nil)
		s.Expect(s.StartPhoneCheck(testserver.Phone(2)), http.StatusCreated, nil)
		s.ExpectError(s.StartPhoneCheck(testserver.Phone(3)), http.StatusTooManyRequests, "rate_limited")
		s.ExpectError(s.VerifyPhone("x", "123456"), http.StatusTooManyRequests, "rate_limited")
	})
}

func TestReturnedClaimCorrectedOnline(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		c := s.File(1)
		other := s.File(2)
		s.Attach(other, "akta_kematian", testserver.PDF("other"))
		c = s.Act(c, domain.RoleDukcapilClerk, "return", map[string]string{"reason": "Foto KTP ahli waris tidak terbaca."})
		heirNIK := fixture.ClaimInput(1).Heir.NIK
		onFile := "+6281234567890"

		// An apply token does not correct; a correction token does not apply.
		applyToken := s.PhoneToken(testserver.Phone(1))
		s.ExpectError(s.Correct(applyToken, map[string]any{"code": c.Code}, nil), http.StatusUnauthorized, "phone_check_required")
		fixToken := s.FixToken(c.Code, heirNIK, onFile)
		s.ExpectError(s.Apply(fixToken, testserver.ApplicationBody(3), nil), http.StatusUnauthorized, "phone_check_required")

		// A session of one claim cannot touch another's documents.
		s.ExpectError(s.Correct(fixToken, map[string]any{"code": other.Code},
			map[domain.DocumentKind][]byte{domain.DocumentAktaKematian: testserver.SamplePNG}), http.StatusForbidden, "forbidden")
		if n := len(s.Events(other.ID)); n != 2 {
			t.Fatalf("other claim's trail has %d events", n)
		}
		// Only a returned claim is corrected; a wrong NIK is the same 404.
		s.ExpectError(s.Send(http.MethodPost, "/api/v1/public/corrections/phone-checks", "",
			map[string]string{"code": other.Code, "heir_nik": fixture.ClaimInput(2).Heir.NIK}), http.StatusConflict, "invalid_transition")
		s.ExpectError(s.Send(http.MethodPost, "/api/v1/public/corrections/phone-checks", "",
			map[string]string{"code": c.Code, "heir_nik": fixture.ClaimInput(2).Heir.NIK}), http.StatusNotFound, "not_found")

		heir := map[string]any{"nik": heirNIK, "full_name": "Siti Aminah Rahayu", "relationship": "spouse", "notify_consent": true}
		var out publicClaim
		s.Expect(s.Correct(fixToken, map[string]any{"code": c.Code, "heir": heir},
			map[domain.DocumentKind][]byte{domain.DocumentKTPAhliWaris: testserver.SampleJPEG}), http.StatusOK, &out)
		if out.Status != string(domain.StatusSubmitted) {
			t.Fatalf("status %s", out.Status)
		}
		events := s.Events(c.ID)
		last, doc := events[len(events)-1], events[len(events)-2]
		if last.Action != "resubmit" || last.ActorUsername != "pemohon-daring" || doc.Action != "document_uploaded" ||
			doc.ActorUsername != "pemohon-daring" || last.Changes["heir.full_name"]["new"] != "Siti Aminah Rahayu" {
			t.Fatalf("trail ends %+v, %+v", doc, last)
		}
		if got := s.Claim(c.ID).Heir.Phone; got != onFile {
			t.Fatalf("heir phone %s", got)
		}
		s.ExpectError(s.Correct(fixToken, map[string]any{"code": c.Code}, nil), http.StatusUnauthorized, "phone_check_required")
	})
}
