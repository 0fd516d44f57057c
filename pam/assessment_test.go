package pam

import (
	"errors"
	"testing"
	"time"

	"carehub/careplan"
)

// testToday is the fixed "today" of these tests.
func testToday() careplan.Date { return careplan.NewDate(2026, time.May, 1) }

func validAssessment() Assessment {
	return Assessment{
		ID: "a1", PatientID: "p1", Score: 552, Level: Level3, Instrument: PAM13,
		TakenOn: testToday().AddDays(-2), RecordedBy: "Sam Green", Source: "PAM online portal",
	}
}

func TestAssessmentValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *Assessment)
		err    error
	}{
		{"as recorded", func(a *Assessment) {}, nil},
		{"taken today", func(a *Assessment) { a.TakenOn = testToday() }, nil},
		{"mismatched level is still recorded", func(a *Assessment) { a.Level = Level4 }, nil},
		{"carer PAM with carer", func(a *Assessment) { a.Instrument, a.CarerName = CarerPAM, "Ffion Jones" }, nil},
		{"carer PAM without carer", func(a *Assessment) { a.Instrument = CarerPAM }, ErrCarerName},
		{"carer PAM with blank carer", func(a *Assessment) { a.Instrument, a.CarerName = CarerPAM, "  " }, ErrCarerName},
		{"taken tomorrow", func(a *Assessment) { a.TakenOn = testToday().AddDays(1) }, ErrTakenOn},
		{"no date", func(a *Assessment) { a.TakenOn = careplan.Date{} }, ErrTakenOn},
		{"no recorder", func(a *Assessment) { a.RecordedBy = " " }, ErrRecordedBy},
		{"unknown instrument", func(a *Assessment) { a.Instrument = "PAM-20" }, ErrInstrument},
		{"level 0", func(a *Assessment) { a.Level = 0 }, ErrLevel},
		{"score over 100", func(a *Assessment) { a.Score = 1001 }, ErrScore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAssessment()
			tt.change(&a)
			err := a.Validate(testToday())
			if tt.err == nil && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
		})
	}
}
