package evaluation

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/pam"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestBuildHandCohort checks every figure against the hand-made cohort (see handCohort).
func TestBuildHandCohort(t *testing.T) {
	r := Build(handCohort(), period())

	// In scope at Quantock Surgery: everyone but Gus = 8. Any PAM that counts in the period:
	// Ada, Bea, Cy, Dee, Eve, Fay = 6 (Hal has none, Ida's are in error). Any measure: the same 6.
	if r.InScope != 8 || r.WithPAM != 6 || r.WithAnyMeasure != 6 {
		t.Errorf("InScope %d, WithPAM %d, WithAnyMeasure %d; want 8, 6, 6", r.InScope, r.WithPAM, r.WithAnyMeasure)
	}

	a := r.Activation
	// A first and a later PAM: Ada, Bea, Cy, Dee, Eve = 5 (Fay has one).
	if a.People != 5 {
		t.Errorf("Activation.People = %d, want 5", a.People)
	}
	// Started at level 1 or 2: Ada (L1), Bea (L2), Cy (L1; his 31 Dec L1 is outside) = 3.
	// Moved higher: Ada 1→2 yes, Bea 2→2 no, Cy 1→3 yes = 2. 2 of 3 = 66.7%.
	if a.MovedUpFromLow != (Share{2, 3}) {
		t.Errorf("MovedUpFromLow = %v, want 2 of 3", a.MovedUpFromLow)
	}
	// Changes +4.5, +2.9, +20.0, +10.0, −10.0: sum 27.4, mean 27.4 / 5 = 5.48 points.
	if !near(a.MeanChangePoints, 5.48) {
		t.Errorf("MeanChangePoints = %v, want 5.48", a.MeanChangePoints)
	}
	// Gains of 3.0 or more: Ada 4.5, Cy 20.0, Dee 10.0 = 3 of 5 (Bea's 2.9 is short); all
	// within 12 months, so the same 3 of 5 within a year.
	if a.MeaningfulGain != (Share{3, 5}) || a.MeaningfulGainWithinYear != (Share{3, 5}) {
		t.Errorf("MeaningfulGain = %v, within a year %v; want 3 of 5 both", a.MeaningfulGain, a.MeaningfulGainWithinYear)
	}
	// First levels: L1 Ada, Cy; L2 Bea; L3 Dee; L4 Eve. Latest: L2 Ada, Bea; L3 Cy, Eve; L4 Dee.
	wantFirst := [4]Share{{2, 5}, {1, 5}, {1, 5}, {1, 5}}
	wantLatest := [4]Share{{0, 5}, {2, 5}, {2, 5}, {1, 5}}
	if a.FirstLevels != wantFirst || a.LatestLevels != wantLatest {
		t.Errorf("levels first %v latest %v; want %v and %v", a.FirstLevels, a.LatestLevels, wantFirst, wantLatest)
	}

	// Loneliness, first and later: Ada 7→5, Bea 6→6, Cy 4→3 (Fay has one) = 3 people.
	// Means 17/3 = 5.667 → 14/3 = 4.667. Lonely (6+) first Ada, Bea = 2 of 3; latest Bea = 1 of 3.
	l := r.Loneliness
	if l.People != 3 || !near(l.MeanFirst, 17.0/3) || !near(l.MeanLatest, 14.0/3) || l.LonelyFirst != (Share{2, 3}) || l.LonelyLatest != (Share{1, 3}) {
		t.Errorf("Loneliness = %+v", l)
	}
	// Wellbeing: Ada (4,5,3,7)→(6,6,5,5) and Dee (7,8,7,2)→(8,8,8,1). Means first
	// (5.5, 6.5, 5, 4.5), latest (7, 7, 6.5, 3).
	w := r.Wellbeing
	if w.People != 2 || w.First != (ONS4Means{5.5, 6.5, 5, 4.5}) || w.Latest != (ONS4Means{7, 7, 6.5, 3}) {
		t.Errorf("Wellbeing = %+v", w)
	}
	// Frailty: Ada 5→5, Eve 6→7: means 5.5 → 6.
	if f := r.Frailty; f.People != 2 || f.MeanFirst != 5.5 || f.MeanLatest != 6 {
		t.Errorf("Frailty = %+v", f)
	}
	if r.ServiceUse.Recorded {
		t.Error("service use reported with no contact logged")
	}
}

// TestBuildFilters: the key worker narrows to Dee alone; no practice brings Gus in.
func TestBuildFilters(t *testing.T) {
	f := period()
	f.KeyWorker = " sam green "
	r := Build(handCohort(), f)
	if r.InScope != 1 || r.Activation.People != 1 || !near(r.Activation.MeanChangePoints, 10) || r.Activation.MovedUpFromLow != (Share{0, 0}) {
		t.Errorf("Sam Green's caseload: %+v", r)
	}

	f = period()
	f.Practice = ""
	r = Build(handCohort(), f)
	// Gus joins: 6 people; low starters 4 of whom 3 moved up; changes sum 27.4 + 30.0 = 57.4,
	// mean 57.4 / 6 = 9.5667.
	if r.InScope != 9 || r.Activation.People != 6 || r.Activation.MovedUpFromLow != (Share{3, 4}) || !near(r.Activation.MeanChangePoints, 57.4/6) {
		t.Errorf("every practice: %+v", r.Activation)
	}

	if r := Build(handCohort(), Filter{Practice: "Nowhere Surgery"}); r.InScope != 0 || r.Activation.People != 0 {
		t.Errorf("unknown practice: %+v", r)
	}
}

// TestBoundaries builds a one-person report for each edge case.
func TestBoundaries(t *testing.T) {
	jan, jul := day(2026, time.January, 10), day(2026, time.July, 10)
	f := Filter{From: day(2026, time.January, 1), To: day(2026, time.December, 31)}
	pam10 := func(a pam.Assessment) pam.Assessment { a.Instrument = pam.PAM10; return a }
	cases := []struct {
		name       string
		from       careplan.Date // zero: the period's own From
		pams       []pam.Assessment
		people     int
		meaningful Share
		withinYear Share
		movedUp    Share
		meanChange float64
	}{
		{"+3.0 is meaningful", careplan.Date{}, []pam.Assessment{pam13(500, 2, jan), pam13(530, 2, jul)}, 1, Share{1, 1}, Share{1, 1}, Share{0, 1}, 3},
		{"+2.9 is not", careplan.Date{}, []pam.Assessment{pam13(500, 2, jan), pam13(529, 2, jul)}, 1, Share{0, 1}, Share{0, 1}, Share{0, 1}, 2.9},
		{"-3.0 is not", careplan.Date{}, []pam.Assessment{pam13(530, 2, jan), pam13(500, 2, jul)}, 1, Share{0, 1}, Share{0, 1}, Share{0, 1}, -3},
		{"level 2 to 3 moved up", careplan.Date{}, []pam.Assessment{pam13(551, 2, jan), pam13(552, 3, jul)}, 1, Share{0, 1}, Share{0, 1}, Share{1, 1}, 0.1},
		{"level 3 to 4 is not a low starter", careplan.Date{}, []pam.Assessment{pam13(600, 3, jan), pam13(700, 4, jul)}, 1, Share{1, 1}, Share{1, 1}, Share{0, 0}, 10},
		{"level as reported, not by cut points", careplan.Date{}, []pam.Assessment{pam13(500, 1, jan), pam13(500, 2, jul)}, 1, Share{0, 1}, Share{0, 1}, Share{1, 1}, 0},
		{"PAM-10 counts", careplan.Date{}, []pam.Assessment{pam10(pam13(400, 1, jan)), pam13(450, 1, jul)}, 1, Share{1, 1}, Share{1, 1}, Share{0, 1}, 5},
		{"in error ignored", careplan.Date{}, []pam.Assessment{pam13(400, 1, jan), inError(pam13(700, 4, jul))}, 0, Share{}, Share{}, Share{}, 0},
		{"Carer PAM ignored", careplan.Date{}, []pam.Assessment{pam13(400, 1, jan), carerPAM(700, 4, jul)}, 0, Share{}, Share{}, Share{}, 0},
		{"before From ignored", careplan.Date{}, []pam.Assessment{pam13(400, 1, day(2025, time.December, 31)), pam13(700, 4, jul)}, 0, Share{}, Share{}, Share{}, 0},
		{"after To ignored", careplan.Date{}, []pam.Assessment{pam13(400, 1, jan), pam13(700, 4, day(2027, time.January, 1))}, 0, Share{}, Share{}, Share{}, 0},
		{"latest more than a year on", day(2025, time.January, 1), []pam.Assessment{pam13(400, 1, day(2025, time.January, 2)), pam13(450, 1, day(2026, time.March, 1))}, 1, Share{1, 1}, Share{0, 0}, Share{0, 1}, 5},
		{"first and latest, not the middle", careplan.Date{}, []pam.Assessment{pam13(400, 1, jan), pam13(900, 4, day(2026, time.April, 1)), pam13(420, 1, jul)}, 1, Share{0, 1}, Share{0, 1}, Share{0, 1}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := f
			if !c.from.IsZero() {
				f.From = c.from
			}
			a := Build([]Person{{Entry: entry("Ada", "9990000018"), Assessments: c.pams}}, f).Activation
			if a.People != c.people || a.MeaningfulGain != c.meaningful || a.MeaningfulGainWithinYear != c.withinYear ||
				a.MovedUpFromLow != c.movedUp || !near(a.MeanChangePoints, c.meanChange) {
				t.Errorf("got %+v", a)
			}
		})
	}
}

func TestFilterValidate(t *testing.T) {
	if err := (Filter{From: day(2026, 5, 2), To: day(2026, 5, 1)}).Validate(); !errors.Is(err, ErrPeriod) {
		t.Errorf("from after to: %v", err)
	}
	for _, f := range []Filter{{From: day(2026, 5, 1), To: day(2026, 5, 1)}, {}, {From: day(2026, 5, 1)}} {
		if err := f.Validate(); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
	}
}

// TestEmptyReport: a report with nobody in it has no NaN anywhere and says so in words.
func TestEmptyReport(t *testing.T) {
	r := Build(nil, period())
	if !reflect.DeepEqual(r.Activation, Activation{FirstLevels: [4]Share{}, LatestLevels: [4]Share{}}) {
		t.Errorf("empty activation = %+v", r.Activation)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"People in scope: 0", "No one in scope has a first and a later PAM", "No contacts logged in the period"} {
		if !strings.Contains(out, want) {
			t.Errorf("empty report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "NaN") {
		t.Errorf("NaN in the empty report:\n%s", out)
	}
}

func TestWriteTextHandCohort(t *testing.T) {
	var b strings.Builder
	if err := Build(handCohort(), period()).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Evaluation report: 1 Jan 2026 to 23 Nov 2026",
		"Practice: Quantock Surgery. Key worker: all.",
		"People in scope: 8",
		"People with any PAM in the period: 6",
		"People with a first and a later PAM: 5",
		"moved to a higher level: 2 of 3 (66.7%)",
		"Mean change, latest minus first: +5.5 points",
		"Gain of 3.0 points or more: 3 of 5 (60.0%)",
		"Level 1   2 of 5 (40.0%)   0 of 5",
		"Mean total: first 5.7, latest 4.7",
		"Lonely (total 6 or more): first 2 of 3 (66.7%), latest 1 of 3 (33.3%)",
		"Anxious yesterday (lower is better): first 4.5, latest 3.0",
		"Mean score: first 5.5, latest 6.0",
		"Service use (the hub's own contacts log; hospital and GP use are not recorded in carehub)",
		"No contacts logged in the period",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestShare(t *testing.T) {
	for _, c := range []struct {
		s    Share
		want string
		pct  float64
	}{{Share{2, 3}, "2 of 3 (66.7%)", 200.0 / 3}, {Share{0, 0}, "0 of 0", 0}, {Share{5, 5}, "5 of 5 (100.0%)", 100}} {
		if c.s.String() != c.want || !near(c.s.Percent(), c.pct) {
			t.Errorf("%#v: %q %v", c.s, c.s.String(), c.s.Percent())
		}
	}
}
