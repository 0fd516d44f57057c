package app

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"carehub/careplan/evaluation"
	"carehub/store"
)

// reportPeriod covers the demo hub's whole history up to the tests' today.
var reportPeriod = []string{"--from", "2023-01-01", "--to", "23/11/2026"}

func TestReportPrintsTheFigures(t *testing.T) {
	db := demoStore(t, "60")
	code, out, stderr := run(t, "pw-for-tests", append([]string{"report", "--db", db}, reportPeriod...)...)
	if code != 0 {
		t.Fatalf("report exited %d: %s", code, stderr)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^Evaluation report: 1 Jan 2023 to 23 Nov 2026$`),
		regexp.MustCompile(`(?m)^People in scope: 60$`),
		regexp.MustCompile(`(?m)^People with any PAM in the period: [1-9]\d*$`),
		regexp.MustCompile(`(?m)^People with a first and a later PAM: [1-9]\d*$`),
		regexp.MustCompile(`moved to a higher level: \d+ of [1-9]\d* \(\d+\.\d%\)`),
		regexp.MustCompile(`Mean change, latest minus first: [+-]\d+\.\d points`),
		regexp.MustCompile(`Level 4 +\d+ of \d+`),
		regexp.MustCompile(`Mean total: first \d\.\d, latest \d\.\d`),
		regexp.MustCompile(`Life satisfaction: first \d+\.\d, latest \d+\.\d`),
		regexp.MustCompile(`(?m)^Service use \(the hub's own contacts log; hospital and GP use are not recorded in carehub\)$`),
		regexp.MustCompile(`(?m)^  [1-9]\d* contacts, [1-9]\d* minutes: \d+\.\d contacts and \d+ minutes per person per month$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("the report does not match %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "NaN") {
		t.Errorf("NaN in the report:\n%s", out)
	}
	checkReportAudited(t, db, "evaluation 2023-01-01..2026-11-23 summary")

	code, out, _ = run(t, "pw-for-tests", append([]string{"report", "--db", db, "--practice", "No Such Surgery"}, reportPeriod...)...)
	if code != 0 || !strings.Contains(out, "People in scope: 0") || !strings.Contains(out, "No one in scope has a first and a later PAM") {
		t.Errorf("report for an unknown practice: exit %d\n%s", code, out)
	}
}

// checkReportAudited checks the store's last audit entry is the one report event.
func checkReportAudited(t *testing.T, db, detail string) {
	t.Helper()
	st, err := store.Open(db, "pw-for-tests", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	audit, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	reports := 0
	var last store.AuditEntry
	for _, e := range audit {
		if e.Action == store.AuditReport && strings.HasPrefix(e.Detail, "evaluation") {
			reports++
			last = e
		}
	}
	if reports != 1 || last.Action != store.AuditReport || last.Detail != detail || last.User != "Demo Administrator" {
		t.Errorf("%d report events; the last audit entry is %+v, want a report %q", reports, last, detail)
	}
}

func TestReportCSVIsPseudonymised(t *testing.T) {
	db := demoStore(t, "60")
	dir := t.TempDir()
	path := filepath.Join(dir, "evaluation.csv")
	code, out, stderr := run(t, "pw-for-tests", append([]string{"report", "--db", db, "--csv", path}, reportPeriod...)...)
	if code != 0 {
		t.Fatalf("report --csv exited %d: %s", code, stderr)
	}
	m := regexp.MustCompile(`^(\d+) rows written to `).FindStringSubmatch(out)
	if m == nil || strings.Count(out, "\n") != 1 {
		t.Fatalf("want one line saying how many rows, got %q", out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := strconv.Atoi(m[1]); n < 10 || len(rows) != n+1 || strings.Join(rows[0], ",") != strings.Join(evaluation.CSVHeader(), ",") {
		t.Fatalf("the CSV has %d lines for %s rows; header %q", len(rows), m[1], rows[0])
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the CSV's mode is %v (%v), want 0600", info.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("report left %d files in the folder, want only the CSV", len(entries))
	}
	raw, _ := os.ReadFile(path)
	if m := regexp.MustCompile(`\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}`).Find(raw); m != nil {
		t.Errorf("the CSV holds a full date %q", m)
	}

	// Every NHS number and name carehub list shows must be absent. Practice names are made of
	// place names, so names are looked for outside the practice column.
	var rest strings.Builder
	for _, r := range rows[1:] {
		r[1] = ""
		rest.WriteString(strings.Join(r, ",") + "\n")
	}
	_, list, _ := run(t, "pw-for-tests", "list", "--db", db)
	line := regexp.MustCompile(`^(999 \d{3} \d{4})\s+(.+?)\s{2,}\S+\s{2,}(.+)$`)
	checked := 0
	for _, l := range strings.Split(strings.TrimSpace(list), "\n") {
		p := line.FindStringSubmatch(l)
		if p == nil {
			t.Fatalf("cannot read list line %q", l)
		}
		nhs := p[1]
		for _, secret := range []string{nhs, strings.ReplaceAll(nhs, " ", "")} {
			if strings.Contains(string(raw), secret) {
				t.Errorf("the CSV holds NHS number %q", secret)
			}
		}
		for _, secret := range append(strings.Fields(p[2]), p[3]) {
			if secret != "(no key worker)" && strings.Contains(rest.String(), secret) {
				t.Errorf("the CSV holds %q from the list", secret)
			}
		}
		checked++
	}
	if checked != 60 {
		t.Errorf("checked %d people, want 60", checked)
	}
	checkReportAudited(t, db, "evaluation 2023-01-01..2026-11-23 csv")

	missing := filepath.Join(dir, "no-such-folder", "evaluation.csv")
	code, _, stderr = run(t, "pw-for-tests", append([]string{"report", "--db", db, "--csv", missing}, reportPeriod...)...)
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "cannot write to") {
		t.Errorf("CSV into a missing folder: exit %d, %q", code, stderr)
	}
}

func TestReportBadCommandLinesGetOneClearLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no dates", []string{"report", "--db", db}, "report needs --from"},
		{"no end", []string{"report", "--db", db, "--from", "2026-01-01"}, "report needs --to"},
		{"from not a date", []string{"report", "--db", db, "--from", "abc", "--to", "2026-01-01"}, `report --from: "abc" is not a date`},
		{"to not a date", []string{"report", "--db", db, "--from", "2026-01-01", "--to", "31/02/2026"}, "report --to"},
		{"from after to", []string{"report", "--db", db, "--from", "2026-06-02", "--to", "2026-06-01"}, "ends before it starts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := run(t, "pw", c.args...)
			if code != 2 || out != "" {
				t.Fatalf("exit %d, output %q; want 2 and nothing", code, out)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("want one line mentioning %q, got %q", c.want, stderr)
			}
		})
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a refused report left a store file behind")
	}
}
