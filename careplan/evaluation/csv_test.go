package evaluation

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/demo"
)

func testKey() []byte { return bytes.Repeat([]byte{0x5a}, 32) }

// readCSV writes the CSV and reads it back as rows keyed by pseudonym.
func readCSV(t *testing.T, people []Person, f Filter, key []byte) (string, [][]string) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, people, f, key); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	if !reflect.DeepEqual(rows[0], CSVHeader()) {
		t.Fatalf("header %q", rows[0])
	}
	for _, r := range rows[1:] {
		if len(r) != len(CSVHeader()) {
			t.Fatalf("row of %d cells: %q", len(r), r)
		}
	}
	return b.String(), rows[1:]
}

// TestCSVHandCohort checks the rows of the hand-made cohort: one per person in scope with a
// counting measure (Ada, Bea, Cy, Dee, Eve, Fay; not Gus, Hal or Ida), sorted by pseudonym.
func TestCSVHandCohort(t *testing.T) {
	people := handCohort()
	_, rows := readCSV(t, people, period(), testKey())
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6", len(rows))
	}
	for i := 1; i < len(rows); i++ {
		if rows[i-1][0] >= rows[i][0] {
			t.Error("rows are not sorted by pseudonym")
		}
	}
	byPseudonym := map[string][]string{}
	for _, r := range rows {
		byPseudonym[r[0]] = r
	}
	rowOf := func(p Person) []string { return byPseudonym[Pseudonym(testKey(), p.Entry)] }
	ada, fay, eve := people[0], people[5], people[4]
	// Ada: 44.0 L1 in Feb → 48.5 L2 in Aug, +4.5, meaningful, moved up from low; UCLA 7 → 5;
	// ONS4 (4,5,3,7) → (6,6,5,5); CFS 5 → 5. Born June 1950: 75 on 1 Jan 2026.
	want := []string{Pseudonym(testKey(), ada.Entry), "Quantock Surgery", "active", "70-79",
		"2026-02", "44.0", "1", "2026-08", "48.5", "2", "4.5", "yes", "yes",
		"7", "5", "4", "5", "3", "7", "6", "6", "5", "5", "5", "5"}
	if got := rowOf(ada); !reflect.DeepEqual(got, want) {
		t.Errorf("Ada's row\n got %q\nwant %q", got, want)
	}
	// Fay: one PAM and one UCLA: nothing later, so the latest and change cells are empty.
	want = []string{Pseudonym(testKey(), fay.Entry), "Quantock Surgery", "active", "70-79",
		"2026-05", "55.0", "2", "", "", "", "", "", "",
		"5", "", "", "", "", "", "", "", "", "", "", ""}
	if got := rowOf(fay); !reflect.DeepEqual(got, want) {
		t.Errorf("Fay's row\n got %q\nwant %q", got, want)
	}
	// Eve: 75.0 L4 → 65.0 L3 is a fall of 10.0 and she did not start low: "na".
	if got := rowOf(eve); got[2] != "discharged" || got[10] != "-10.0" || got[11] != "no" || got[12] != "na" || got[23] != "6" || got[24] != "7" {
		t.Errorf("Eve's row %q", got)
	}
}

// TestCSVHoldsNothingIdentifying writes the hand cohort and checks the raw text for every
// name, NHS number (raw and grouped), date of birth, full date and staff name it was given.
func TestCSVHoldsNothingIdentifying(t *testing.T) {
	people := handCohort()
	f := period()
	f.Practice = "" // everyone, Gus too
	text, rows := readCSV(t, people, f, testKey())
	if len(rows) != 7 {
		t.Fatalf("%d rows, want 7", len(rows))
	}
	var secrets []string
	for _, p := range people {
		e := p.Entry
		secrets = append(secrets, e.GivenName, e.FamilyName, e.PreferredName, string(e.NHSNumber), e.NHSNumber.Display(),
			e.KeyWorker, e.Coordinator, e.PatientID, e.DateOfBirth.String(), e.DateOfBirth.Display())
		for _, a := range p.Assessments {
			secrets = append(secrets, a.RecordedBy, a.CarerName)
			if a.InError != nil {
				secrets = append(secrets, a.InError.By, a.InError.Reason)
			}
		}
		for _, o := range p.Outcomes {
			secrets = append(secrets, o.RecordedBy)
		}
	}
	checkNoSecrets(t, text, secrets)
}

func checkNoSecrets(t *testing.T, text string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			t.Errorf("the CSV holds %q", s)
		}
	}
	for _, full := range []*regexp.Regexp{regexp.MustCompile(`\d{4}-\d{2}-\d{2}`), regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{4}`)} {
		if m := full.FindString(text); m != "" {
			t.Errorf("the CSV holds a full date %q", m)
		}
	}
	if m := regexp.MustCompile(`\b\d{3} ?\d{3} ?\d{4}\b`).FindString(text); m != "" {
		t.Errorf("the CSV holds something shaped like an NHS number: %q", m)
	}
}

// TestCSVDemoHubHoldsNothingIdentifying runs a synthetic hub of 1,500 people, with its real
// mix of names, staff and dates, through the CSV: every cell but the practice must be one of
// the CSV's own shapes, and no person's or staff member's name may appear anywhere.
func TestCSVDemoHubHoldsNothingIdentifying(t *testing.T) {
	today := careplan.NewDate(2026, time.November, 23)
	g := demo.New(5, today)
	people := demoPeople(g, 1500)
	f := Filter{From: today.AddMonths(-24), To: today}
	text, rows := readCSV(t, people, f, testKey())
	if len(rows) < 500 {
		t.Fatalf("only %d rows from 1,500 demo people", len(rows))
	}
	shapes := []*regexp.Regexp{
		regexp.MustCompile(`^[0-9a-f]{32}$`), // pseudonym
		regexp.MustCompile(`^(nominated|contacted|consented|active|discharged|declined|withdrew|died)$`), // status
		regexp.MustCompile(`^(under 40|[4-8]0-[4-8]9|90\+|withheld)$`),                                   // age band (withheld: a small cell)
		regexp.MustCompile(`^\d{4}-\d{2}$`),                                                              // month
		regexp.MustCompile(`^-?\d{1,3}(\.\d)?$`),                                                         // score, level, change, answers
		regexp.MustCompile(`^(yes|no|na|)$`),
	}
	practices := map[string]bool{OtherPractices: true} // small cells are merged into "other practices"
	for _, p := range people {
		practices[p.Entry.Practice] = true
	}
	for _, r := range rows {
		if !practices[r[1]] {
			t.Fatalf("practice cell %q is not a practice", r[1])
		}
		for i, cell := range r {
			if i == 1 {
				continue
			}
			ok := false
			for _, s := range shapes {
				ok = ok || s.MatchString(cell)
			}
			if !ok {
				t.Fatalf("column %s holds %q", CSVHeader()[i], cell)
			}
		}
	}
	// Practice names are made of place names, and some places share a name with a family, so
	// names are looked for everywhere but the practice column (whose cells were checked above).
	var b strings.Builder
	for _, r := range rows {
		r[1] = ""
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	var secrets []string
	for _, p := range people {
		e := p.Entry
		secrets = append(secrets, e.FamilyName, e.GivenName, string(e.NHSNumber), e.NHSNumber.Display(), e.KeyWorker, e.Coordinator)
	}
	for _, m := range g.Staff() {
		secrets = append(secrets, m.Name)
	}
	checkNoSecrets(t, b.String(), secrets)
	checkNoSecrets(t, text, nil) // and no full date or NHS-number shape anywhere
}

func TestPseudonym(t *testing.T) {
	e := entry("Ada", "9990000018")
	a, b := Pseudonym(testKey(), e), Pseudonym(testKey(), e)
	other := Pseudonym(bytes.Repeat([]byte{1}, 32), e)
	if a != b || a == other || len(a) != 32 {
		t.Errorf("pseudonyms %q %q %q", a, b, other)
	}
	moved := e
	moved.Practice, moved.GivenName, moved.PatientID = "Elsewhere", "Adah", "another id"
	if Pseudonym(testKey(), moved) != a {
		t.Error("the pseudonym depends on more than the NHS number")
	}
	if err := WriteCSV(&bytes.Buffer{}, handCohort(), period(), testKey()[:16]); !errors.Is(err, ErrPseudonymKey) {
		t.Errorf("a short key: %v", err)
	}
	if err := WriteCSV(&bytes.Buffer{}, handCohort(), period(), nil); !errors.Is(err, ErrPseudonymKey) {
		t.Errorf("no key: %v", err)
	}
}

func TestAgeBand(t *testing.T) {
	f := Filter{From: day(2026, time.January, 1)}
	for _, c := range []struct {
		dob  careplan.Date
		want string
	}{
		{day(1987, time.January, 2), "under 40"}, // 38
		{day(1986, time.January, 1), "40-49"},    // 40 on the day
		{day(1950, time.June, 14), "70-79"},
		{day(1936, time.January, 2), "80-89"}, // 89, a day short of 90
		{day(1936, time.January, 1), "90+"},
		{careplan.Date{}, ""},
	} {
		if got := ageBand(c.dob, f); got != c.want {
			t.Errorf("born %v: %q, want %q", c.dob, got, c.want)
		}
	}
}

// demoPeople makes n synthetic people as the app would hand them to the report.
func demoPeople(g *demo.Generator, n int) []Person {
	out := make([]Person, n)
	for i := range out {
		p := g.Next()
		out[i] = Person{Entry: p.CaseloadEntry(), Assessments: p.Assessments, Outcomes: p.Outcomes}
	}
	return out
}
