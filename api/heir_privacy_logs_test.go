package api_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// The heir's side leaves no NIK, phone or account number in the server's
// log, river's job rows, the notifications' last_error or /metrics, even
// when the gateway refuses and echoes the phone.
func TestHeirSideLeavesNoPersonalDataInLogsJobsOrMetrics(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		logs := &lockedBuffer{}
		s := testserver.Start(t, db, testserver.Log(logs))
		phone := testserver.Phone(3)
		in := fixture.ClaimInput(3)
		digits := strings.TrimPrefix(phone, "+62")
		s.Gateway.FailNext(1, http.StatusBadGateway, "no route to +62 "+digits[:3]+" "+digits[3:7]+" "+digits[7:])
		token := s.PhoneToken(phone)
		var filed publicClaim
		s.Expect(s.Apply(token, testserver.ApplicationBody(3), map[domain.DocumentKind][]byte{
			domain.DocumentAktaKematian: testserver.SampleJPEG}), http.StatusCreated, &filed)
		s.Gateway.WaitFor(t, 2)
		// Wrong and right NIKs on the public routes.
		for _, nik := range []string{in.Heir.NIK, "3324150101500009"} {
			resp := s.Send(http.MethodPost, "/api/v1/public/track", "", map[string]string{"code": filed.Code, "heir_nik": nik})
			_ = resp.Body.Close()
		}
		mresp := s.Send(http.MethodGet, "/metrics", "", nil)
		metricsText, _ := io.ReadAll(mresp.Body)
		_ = mresp.Body.Close()

		var jobs []string
		if err := db.Read.Raw(`SELECT CAST(args AS TEXT) || ' ' || COALESCE(CAST(errors AS TEXT), '') FROM river_job`).Scan(&jobs).Error; err != nil {
			t.Fatal(err)
		}
		var lastErrors []string
		_ = db.Read.Raw(`SELECT last_error FROM notifications`).Scan(&lastErrors).Error
		places := map[string]string{
			"log": logs.String(), "metrics": string(metricsText),
			"river_job": strings.Join(jobs, "\n"), "last_error": strings.Join(lastErrors, "\n"),
		}
		secrets := map[string]string{"phone": digits[2:], "heir NIK": in.Heir.NIK, "deceased NIK": in.Deceased.NIK,
			"account": in.BankAccount.AccountNumber}
		for where, text := range places {
			for what, secret := range secrets {
				if strings.Contains(strings.ReplaceAll(text, " ", ""), secret) {
					t.Errorf("%s carries the %s %s", where, what, secret)
				}
			}
		}
		if len(jobs) == 0 || !strings.Contains(places["last_error"], "no route") {
			t.Fatalf("no river jobs (%d) or no gateway refusal read: %q", len(jobs), places["last_error"])
		}
	})
}
