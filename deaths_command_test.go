package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"santunan/domain"
)

func TestDeathsImportCommand(t *testing.T) {
	getenv := env(t)
	today := domain.DateOf(time.Now().In(domain.Jakarta()))
	died, registered := today.AddDays(-20), today.AddDays(-18)
	file := filepath.Join(t.TempDir(), "siak.csv")
	body := "nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on\n" +
		fmt.Sprintf("3324150101500001,Ahmad Fauzi,L,%s,3324-KM-0001,3324151001,%s\n", died, registered) +
		fmt.Sprintf("3324150101500002,Ahmad Fauzi,L,%s,3324-KM-0002,3324999999,%s\n", died, registered)
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, getenv, "", "deaths", "import", file)
	if code != 1 || !strings.Contains(stdout, "2 lines, 1 new, 0 unchanged, 1 refused") ||
		!strings.Contains(stdout, "line 3: village_code: village_unknown") {
		t.Fatalf("first import: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	good := strings.SplitAfter(body, "\n")
	code, stdout, _ = runCmd(t, getenv, good[0]+good[1], "deaths", "import", "-")
	if code != 0 || !strings.Contains(stdout, "1 lines, 0 new, 1 unchanged, 0 refused") {
		t.Fatalf("stdin import: exit %d, stdout %q", code, stdout)
	}
	if code, _, stderr := runCmd(t, getenv, "", "deaths", "import", filepath.Join(t.TempDir(), "none.csv")); code != 1 || !strings.Contains(stderr, "open register file") {
		t.Fatalf("missing file: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCmd(t, getenv, "a,b\n", "deaths", "import", "-"); code != 1 || !strings.Contains(stderr, "invalid register file: The first line must be the header") {
		t.Fatalf("bad header: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCmd(t, getenv, "", "deaths", "export"); code != 1 || !strings.Contains(stderr, "usage") {
		t.Fatalf("bad usage: exit %d, %q", code, stderr)
	}
}
