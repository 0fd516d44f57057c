package careplan

import (
	"errors"
	"testing"
	"time"
)

func TestCheckEligibility(t *testing.T) {
	const (
		diabetes = "44054006"
		copd     = "13645005"
		heart    = "84114007"
	)
	tests := []struct {
		name       string
		conditions []string
		judgement  *ClinicalJudgement
		ok         bool
	}{
		{"three conditions", []string{diabetes, copd, heart}, nil, true},
		{"three conditions and a judgement", []string{diabetes, copd, heart}, &ClinicalJudgement{Reason: "x", By: "Dr Rees"}, true},
		{"two without judgement", []string{diabetes, copd}, nil, false},
		{"two with reason but no one named", []string{diabetes, copd}, &ClinicalJudgement{Reason: "frequent A&E visits"}, false},
		{"two with who but no reason", []string{diabetes, copd}, &ClinicalJudgement{By: "Dr Rees"}, false},
		{"two with blank reason", []string{diabetes, copd}, &ClinicalJudgement{Reason: "  ", By: "Dr Rees"}, false},
		{"two with reason and who", []string{diabetes, copd}, &ClinicalJudgement{Reason: "frequent A&E visits, lives alone", By: "Dr Rees"}, true},
		{"duplicate does not count twice", []string{diabetes, copd, copd}, nil, false},
		{"none", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckEligibility(tt.conditions, tt.judgement)
			if tt.ok && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !tt.ok && !errors.Is(err, ErrTooFewConditions) {
				t.Fatalf("error = %v, want ErrTooFewConditions", err)
			}
		})
	}
}

func TestNominationValidate(t *testing.T) {
	born := NewDate(1950, time.March, 3)
	today := NewDate(2026, time.May, 1)
	tests := []struct {
		name string
		on   Date
		err  error
	}{
		{"no nomination form", Date{}, nil},
		{"ordinary", NewDate(2026, time.April, 1), nil},
		{"today", today, nil},
		{"before birth", NewDate(1949, time.January, 1), ErrNominationBeforeDOB},
		{"tomorrow", today.AddDays(1), ErrNominationInFuture},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Nomination{On: tt.on}.Validate(born, today)
			if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
		})
	}
}
