package kit

import (
	"testing"
	"time"

	"carehub/careplan"
)

func TestReadDate(t *testing.T) {
	tests := []struct {
		typed   string
		want    careplan.Date
		problem string
	}{
		{"02/03/2026", careplan.NewDate(2026, time.March, 2), ""},
		{"2026-03-02", careplan.NewDate(2026, time.March, 2), ""},
		{"  ", careplan.Date{}, "Write the date of the contact."},
		{"31/02/2026", careplan.Date{}, "Write the date as DD/MM/YYYY or YYYY-MM-DD."},
		{"tomorrow", careplan.Date{}, "Write the date as DD/MM/YYYY or YYYY-MM-DD."},
	}
	for _, tt := range tests {
		got, problem := ReadDate(tt.typed, "date of the contact")
		if got != tt.want || problem != tt.problem {
			t.Errorf("ReadDate(%q) = %v, %q; want %v, %q", tt.typed, got, problem, tt.want, tt.problem)
		}
	}
}

func TestDateEntryShowsTheDayAsTyped(t *testing.T) {
	e := DateEntry(careplan.NewDate(2026, time.March, 2))
	if e.Text != "02/03/2026" || e.PlaceHolder != "DD/MM/YYYY" {
		t.Errorf("date entry shows %q (hint %q)", e.Text, e.PlaceHolder)
	}
	if e := DateEntry(careplan.Date{}); e.Text != "" {
		t.Errorf("no date shows %q", e.Text)
	}
	// What the field shows reads back as the same day.
	day := careplan.NewDate(2025, time.December, 31)
	if got, problem := ReadDate(DateText(day), "date"); got != day || problem != "" {
		t.Errorf("%s read back as %v (%q)", DateText(day), got, problem)
	}
}
