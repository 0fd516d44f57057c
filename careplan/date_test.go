package careplan

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		err  bool
	}{
		{"2026-03-03", NewDate(2026, time.March, 3), false},
		{"03/03/2026", NewDate(2026, time.March, 3), false},
		{"3/3/2026", NewDate(2026, time.March, 3), false},
		{" 01/02/2026 ", NewDate(2026, time.February, 1), false}, // UK order: 1 February
		{"29/02/2024", NewDate(2024, time.February, 29), false},
		{"29/02/2025", Date{}, true},
		{"2026-13-01", Date{}, true},
		{"03/13/2026", Date{}, true}, // US order is not accepted
		{"2026/03/03", Date{}, true},
		{"yesterday", Date{}, true},
		{"", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.err {
			if !errors.Is(err, ErrBadDate) {
				t.Errorf("ParseDate(%q) error = %v, want ErrBadDate", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestAgeOn(t *testing.T) {
	born := NewDate(1950, time.June, 15)
	leap := NewDate(1948, time.February, 29)
	tests := []struct {
		name string
		born Date
		on   Date
		want int
	}{
		{"day before birthday", born, NewDate(2026, time.June, 14), 75},
		{"on birthday", born, NewDate(2026, time.June, 15), 76},
		{"day after birthday", born, NewDate(2026, time.June, 16), 76},
		{"earlier month", born, NewDate(2026, time.January, 31), 75},
		{"later month", born, NewDate(2026, time.December, 1), 76},
		{"leap day, 28 Feb in a common year", leap, NewDate(2026, time.February, 28), 77},
		{"leap day, 1 Mar in a common year", leap, NewDate(2026, time.March, 1), 78},
		{"leap day, on a leap day", leap, NewDate(2028, time.February, 29), 80},
	}
	for _, tt := range tests {
		if got := tt.born.AgeOn(tt.on); got != tt.want {
			t.Errorf("%s: AgeOn = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := NewDate(2026, time.January, 31)
	if got := d.AddMonths(1); got != NewDate(2026, time.March, 3) {
		t.Errorf("31 Jan + 1 month = %v (the calendar rolls over)", got)
	}
	if got := d.DaysUntil(NewDate(2026, time.March, 1)); got != 29 {
		t.Errorf("DaysUntil = %d, want 29", got)
	}
	if got := d.DaysUntil(d.AddDays(-10)); got != -10 {
		t.Errorf("DaysUntil backwards = %d, want -10", got)
	}
	if !d.Before(d.AddDays(1)) || d.After(d) || d.Before(d) {
		t.Error("Before/After wrong")
	}
	if got := d.Display(); got != "31 Jan 2026" {
		t.Errorf("Display = %q", got)
	}
	if got := (Date{}).Display(); got != "not recorded" {
		t.Errorf("zero Display = %q", got)
	}
	evening := time.Date(2026, time.May, 1, 23, 30, 0, 0, time.FixedZone("BST", 3600))
	if got := DateOf(evening); got != NewDate(2026, time.May, 1) {
		t.Errorf("DateOf keeps the local day: got %v", got)
	}
	if !DateOf(time.Time{}).IsZero() {
		t.Error("DateOf zero time is not zero")
	}
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		Review Date `json:"review"`
	}
	for _, d := range []Date{{}, NewDate(2026, time.July, 4)} {
		b, err := json.Marshal(rec{d})
		if err != nil {
			t.Fatal(err)
		}
		var back rec
		if err := json.Unmarshal(b, &back); err != nil || back.Review != d {
			t.Errorf("%s round-trips to %v, %v", b, back.Review, err)
		}
	}
	var r rec
	if err := json.Unmarshal([]byte(`{"review":"04/07/2026"}`), &r); !errors.Is(err, ErrBadDate) {
		t.Errorf("stored dates are YYYY-MM-DD only: error = %v", err)
	}
}

// "Today" is the day in England, whatever zone the machine or the time value is in.
func TestDateOfIsTheDayInEngland(t *testing.T) {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		at   time.Time
		want Date
	}{
		{"summer, 23:30 UTC is 00:30 BST the next day", time.Date(2026, time.July, 1, 23, 30, 0, 0, time.UTC), NewDate(2026, time.July, 2)},
		{"summer, 22:59 UTC is 23:59 BST the same day", time.Date(2026, time.July, 1, 22, 59, 0, 0, time.UTC), NewDate(2026, time.July, 1)},
		{"winter, 23:30 UTC is 23:30 GMT", time.Date(2026, time.January, 15, 23, 30, 0, 0, time.UTC), NewDate(2026, time.January, 15)},
		{"clocks go forward: 00:30 UTC on 29 March", time.Date(2026, time.March, 29, 0, 30, 0, 0, time.UTC), NewDate(2026, time.March, 29)},
		{"clocks go back: 23:30 UTC on 24 October is 00:30 BST on 25", time.Date(2026, time.October, 24, 23, 30, 0, 0, time.UTC), NewDate(2026, time.October, 25)},
		{"a New York evening is already tomorrow in England", time.Date(2026, time.May, 1, 21, 0, 0, 0, newYork), NewDate(2026, time.May, 2)},
	}
	for _, tt := range tests {
		if got := DateOf(tt.at); got != tt.want {
			t.Errorf("%s: DateOf = %v, want %v", tt.name, got, tt.want)
		}
	}
	if z, _ := UKTime(time.Date(2026, time.July, 1, 23, 30, 0, 0, time.UTC)).Zone(); z != "BST" {
		t.Errorf("UKTime zone in July = %s, want BST", z)
	}
}
