package metrics_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/workflow"
)

// scrape reads /metrics with the request's headers and returns its status
// and body.
func scrape(t *testing.T, s *testserver.Server, header http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+"/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := s.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// families parses a scrape in Prometheus' text format.
func families(t *testing.T, body string) map[string]*dto.MetricFamily {
	t.Helper()
	p := expfmt.NewTextParser(model.LegacyValidation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse the scrape: %v\n%s", err, body)
	}
	return fams
}

// value is the value of the family's series with the labels (a counter's,
// a gauge's or a histogram's count); -1 when there is no such series.
func value(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f, ok := fams[name]
	if !ok {
		return -1
	}
series:
	for _, m := range f.Metric {
		have := map[string]string{}
		for _, l := range m.Label {
			have[l.GetName()] = l.GetValue()
		}
		for i := 0; i+1 < len(labels); i += 2 {
			if have[labels[i]] != labels[i+1] {
				continue series
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return -1
}

// After some traffic (claims filed, verified and paid in a batch, an action
// refused, an unknown URL with a NIK in it), a scrape from loopback serves
// every family the README lists, with the counts the traffic made, and no
// NIK, code or name anywhere in it.
func TestScrapeAfterTraffic(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		one := s.Verified(1)
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(one.ID, "approve"), domain.RoleDinsosOfficer, nil), http.StatusUnprocessableEntity, "documents_missing")
		two := s.File(2)
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(two.ID, "approve"), domain.RoleDinsosOfficer, nil),
			http.StatusConflict, "invalid_transition")
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(two.ID, "approve"), domain.RoleTreasurer, nil),
			http.StatusForbidden, "forbidden")
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(two.ID, "teleport"), domain.RoleDukcapilClerk, nil),
			http.StatusNotFound, "not_found")
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(999_999, "reject"), domain.RoleDukcapilClerk,
			map[string]string{"reason": "tidak ada"}), http.StatusNotFound, "not_found")
		// Two claims start payment in one batch: each counts.
		three, four := s.Approved(3), s.Approved(4)
		s.NewBatch(three, four)
		nik := fixture.ClaimInput(2).Deceased.NIK
		s.Do(http.MethodGet, "/api/v1/claims?q="+nik, domain.RoleAuditor, nil).Body.Close()
		s.Do(http.MethodGet, "/tidak-ada/"+nik, "", nil).Body.Close()
		s.Do(http.MethodGet, "/api/v1/claims/"+nik, domain.RoleAuditor, nil).Body.Close()
		// The verified claim has waited 3 hours for the officer when the
		// metrics are read, the filed one 3 hours for the clerk.
		s.Clock.Advance(3 * time.Hour)

		status, body := scrape(t, s, nil)
		if testing.Verbose() {
			t.Log(body)
		}
		if status != http.StatusOK {
			t.Fatalf("scrape from loopback: %d %s", status, body)
		}
		fams := families(t, body)
		for _, name := range []string{
			"santunan_http_requests_total", "santunan_http_request_duration_seconds",
			"santunan_workflow_transitions_total", "santunan_db_transaction_retries_total",
			"santunan_claims", "santunan_queue_oldest_claim_age_seconds",
			"go_sql_in_use_connections", "go_sql_idle_connections", "go_sql_open_connections",
			"go_build_info", "go_goroutines", "go_memstats_alloc_bytes", "process_cpu_seconds_total", "process_open_fds",
		} {
			if _, ok := fams[name]; !ok {
				t.Errorf("no %s in the scrape", name)
			}
		}
		for _, c := range []struct {
			name   string
			labels []string
			want   float64
		}{
			{"santunan_workflow_transitions_total", []string{"action", "submit", "outcome", "ok"}, 4},
			{"santunan_workflow_transitions_total", []string{"action", "verify_death", "outcome", "ok"}, 3},
			{"santunan_workflow_transitions_total", []string{"action", "approve", "outcome", "ok"}, 2},
			{"santunan_workflow_transitions_total", []string{"action", "approve", "outcome", "invalid_transition"}, 1},
			{"santunan_workflow_transitions_total", []string{"action", "approve", "outcome", "forbidden"}, 1},
			{"santunan_workflow_transitions_total", []string{"action", "approve", "outcome", "validation"}, 1},
			{"santunan_workflow_transitions_total", []string{"action", "reject", "outcome", "other"}, 1},
			{"santunan_workflow_transitions_total", []string{"action", "start_payment", "outcome", "ok"}, 2},
			{"santunan_workflow_transitions_total", []string{"action", "cancel", "outcome", "ok"}, 0},
			{"santunan_db_transaction_retries_total", []string{"sqlstate", "40001"}, 0},
			{"santunan_claims", []string{"status", "submitted"}, 1},
			{"santunan_claims", []string{"status", "death_verified"}, 1},
			{"santunan_claims", []string{"status", "disbursing"}, 2},
			{"santunan_claims", []string{"status", "paid"}, 0},
			{"santunan_queue_oldest_claim_age_seconds", []string{"queue", "dukcapil_clerk"}, 3 * 3600},
			{"santunan_queue_oldest_claim_age_seconds", []string{"queue", "dinsos_officer"}, 3 * 3600},
			{"santunan_queue_oldest_claim_age_seconds", []string{"queue", "treasurer"}, 3 * 3600},
			{"santunan_http_requests_total", []string{"route", "/api/v1/claims/:id/actions/:action", "method", "POST", "status_class", "4xx"}, 5},
			{"santunan_http_requests_total", []string{"route", "/api/v1/claims", "method", "POST", "status_class", "2xx"}, 4},
			{"santunan_http_requests_total", []string{"route", "unmatched", "method", "GET", "status_class", "4xx"}, 1},
			{"santunan_http_request_duration_seconds", []string{"route", "/api/v1/claims/:id", "method", "GET", "status_class", "4xx"}, 1},
		} {
			if got := value(fams, c.name, c.labels...); got != c.want {
				t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
			}
		}
		if got := value(fams, "santunan_queue_oldest_claim_age_seconds", "queue", "auditor"); got != -1 {
			t.Errorf("the auditor works no queue, yet has an age %v", got)
		}
		pools := []string{"write", "read"}
		if db.IsPostgres() {
			pools = []string{"shared"}
		}
		for _, p := range pools {
			if value(fams, "go_sql_max_open_connections", "db_name", p) <= 0 {
				t.Errorf("no statistics of the %s pool", p)
			}
		}

		// Nothing personal anywhere in the scrape: not in a label, not in
		// a help text.
		var personal []string
		for n := 1; n <= 4; n++ {
			in := fixture.ClaimInput(n)
			personal = append(personal, in.Deceased.NIK, in.Heir.NIK, in.Deceased.FullName, in.Heir.FullName,
				in.BankAccount.AccountNumber, in.BankAccount.AccountName, in.Heir.Phone, in.Deceased.KKNumber)
		}
		for _, c := range []testserver.Claim{one, two, three, four} {
			personal = append(personal, c.Code)
		}
		for _, u := range s.Users {
			personal = append(personal, u.FullName)
		}
		personal = append(personal, "teleport", "tidak-ada") // an unknown action, an unknown path
		for _, p := range personal {
			if strings.Contains(strings.ToLower(body), strings.ToLower(p)) {
				t.Errorf("the scrape holds %q", p)
			}
		}
	})
}

// A transaction of the wired services that PostgreSQL aborts with a
// serialization failure is run again, and the scrape counts the retry.
// (SQLite has one writer: its transactions never conflict.)
func TestScrapeCountsTransactionRetries(t *testing.T) {
	db := testdb.Postgres(t)
	s := testserver.Start(t, db)
	if err := db.Write.Exec("CREATE TABLE retry_probe (id int PRIMARY KEY, n int NOT NULL); INSERT INTO retry_probe VALUES (1, 0)").Error; err != nil {
		t.Fatal(err)
	}
	attempts := 0
	err := s.Services.Engine.InTx(context.Background(), func(tx *workflow.Tx) error {
		attempts++
		if err := tx.DB().Exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").Error; err != nil {
			return err
		}
		var n int
		if err := tx.DB().Raw("SELECT n FROM retry_probe WHERE id = 1").Scan(&n).Error; err != nil {
			return err
		}
		if attempts == 1 {
			// Another connection changes the row after this snapshot.
			if err := db.Write.Exec("UPDATE retry_probe SET n = n + 10 WHERE id = 1").Error; err != nil {
				return err
			}
		}
		return tx.DB().Exec("UPDATE retry_probe SET n = ? WHERE id = 1", n+1).Error
	})
	if err != nil || attempts != 2 {
		t.Fatalf("%v after %d attempts, want success after 2", err, attempts)
	}
	_, body := scrape(t, s, nil)
	fams := families(t, body)
	if got := value(fams, "santunan_db_transaction_retries_total", "sqlstate", "40001"); got != 1 {
		t.Fatalf("retries 40001 = %v, want 1", got)
	}
}
