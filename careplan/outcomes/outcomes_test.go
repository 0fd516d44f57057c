package outcomes

import (
	"errors"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

var today = careplan.NewDate(2026, time.November, 23)

func frailty(score int) Record {
	return Record{Measure: MeasureFrailty, TakenOn: today, RecordedBy: "Sam Green", Frailty: &Frailty{Score: score}}
}

func TestFrailtyIsScoredOneToNineWithItsLabels(t *testing.T) {
	cases := []struct {
		score int
		label string
		err   error
	}{
		{0, "not a CFS score", ErrFrailty},
		{1, "very fit", nil},
		{4, "living with very mild frailty", nil},
		{5, "living with mild frailty", nil},
		{9, "terminally ill", nil},
		{10, "not a CFS score", ErrFrailty},
	}
	for _, c := range cases {
		r := frailty(c.score)
		if err := r.Validate(today); !errors.Is(err, c.err) || (c.err == nil && err != nil) {
			t.Errorf("CFS %d: Validate = %v, want %v", c.score, err, c.err)
		}
		if got := r.Frailty.Label(); got != c.label {
			t.Errorf("CFS %d: label %q, want %q", c.score, got, c.label)
		}
	}
}

func TestLonelinessTotalsThreeToNineAndNeedsEveryAnswer(t *testing.T) {
	cases := []struct {
		name    string
		l       Loneliness
		total   int
		band    string
		wantErr error
	}{
		{"least lonely", Loneliness{1, 1, 1, Never}, 3, "not lonely", nil},
		{"just under the cut-off", Loneliness{2, 2, 1, Occasionally}, 5, "not lonely", nil},
		{"at the cut-off", Loneliness{2, 2, 2, SomeOfTheTime}, 6, "lonely", nil},
		{"most lonely", Loneliness{3, 3, 3, OftenAlways}, 9, "lonely", nil},
		{"an answer of 0", Loneliness{0, 2, 2, Never}, 4, "not lonely", ErrLoneliness},
		{"an answer of 4", Loneliness{4, 2, 2, Never}, 8, "lonely", ErrLoneliness},
		{"how often not answered", Loneliness{1, 1, 1, ""}, 3, "not lonely", ErrLonelyOften},
	}
	for _, c := range cases {
		r := Record{Measure: MeasureLoneliness, TakenOn: today, RecordedBy: "Sam", Loneliness: &c.l}
		err := r.Validate(today)
		if (c.wantErr == nil) != (err == nil) || (c.wantErr != nil && !errors.Is(err, c.wantErr)) {
			t.Errorf("%s: Validate = %v, want %v", c.name, err, c.wantErr)
		}
		if c.l.Total() != c.total || c.l.Band() != c.band {
			t.Errorf("%s: total %d (%s), want %d (%s)", c.name, c.l.Total(), c.l.Band(), c.total, c.band)
		}
	}
}

func TestWellbeingAnswersAreZeroToTenAndBandedSeparately(t *testing.T) {
	ok := Record{Measure: MeasureWellbeing, TakenOn: today, RecordedBy: "Sam", Wellbeing: &Wellbeing{7, 8, 6, 3}}
	if err := ok.Validate(today); err != nil {
		t.Errorf("valid ONS4: %v", err)
	}
	bad := ok
	bad.Wellbeing = &Wellbeing{7, 8, 11, 3}
	if err := bad.Validate(today); !errors.Is(err, ErrWellbeing) {
		t.Errorf("an answer of 11: %v", err)
	}
	for answer, want := range map[int]string{0: "low", 4: "low", 5: "medium", 6: "medium", 7: "high", 8: "high", 9: "very high", 10: "very high"} {
		if got := PositiveBand(answer); got != want {
			t.Errorf("PositiveBand(%d) = %q, want %q", answer, got, want)
		}
	}
	for answer, want := range map[int]string{0: "very low", 1: "very low", 2: "low", 3: "low", 4: "medium", 5: "medium", 6: "high", 10: "high"} {
		if got := AnxietyBand(answer); got != want {
			t.Errorf("AnxietyBand(%d) = %q, want %q", answer, got, want)
		}
	}
	if s := ok.Summary(); strings.Contains(s, "total") {
		t.Errorf("ONS4 must never be totalled: %q", s)
	}
}

func TestARecordHoldsExactlyTheMeasureItNames(t *testing.T) {
	both := frailty(5)
	both.Wellbeing = &Wellbeing{5, 5, 5, 5}
	mislabelled := frailty(5)
	mislabelled.Measure = MeasureWellbeing
	empty := Record{Measure: MeasureFrailty, TakenOn: today, RecordedBy: "Sam"}
	for name, r := range map[string]Record{"two measures": both, "mislabelled": mislabelled, "none": empty} {
		if err := r.Validate(today); !errors.Is(err, ErrMeasure) {
			t.Errorf("%s: Validate = %v, want ErrMeasure", name, err)
		}
	}
}

func TestDateAndRecorderAreRequired(t *testing.T) {
	future := frailty(3)
	future.TakenOn = today.AddDays(1)
	if err := future.Validate(today); !errors.Is(err, ErrTakenOn) {
		t.Errorf("future date: %v", err)
	}
	undated := frailty(3)
	undated.TakenOn = careplan.Date{}
	if err := undated.Validate(today); !errors.Is(err, ErrTakenOn) {
		t.Errorf("no date: %v", err)
	}
	anonymous := frailty(3)
	anonymous.RecordedBy = "  "
	if err := anonymous.Validate(today); !errors.Is(err, ErrRecordedBy) {
		t.Errorf("no recorder: %v", err)
	}
}

func TestEnteredInErrorDoesNotCount(t *testing.T) {
	r := frailty(6)
	if !r.Counts() {
		t.Error("a plain record should count")
	}
	r.InError = &EnteredInError{Reason: "wrong patient", By: "Sam", At: today.Time()}
	if r.Counts() {
		t.Error("a record entered in error still counts")
	}
}
