package careplan

import (
	"errors"
	"testing"
	"time"
)

// validPatient is a person the hub could save as they are; tests change one thing at a time.
func validPatient() Patient {
	return Patient{
		ID:          "p1",
		NHSNumber:   "9449305552",
		GivenName:   "Siân",
		FamilyName:  "O'Brien",
		DateOfBirth: NewDate(1948, time.February, 29),
		Conditions:  []string{"44054006", "13645005", "84114007"},
		Status:      StatusNominated,
		Nomination: Nomination{
			On:        NewDate(2026, time.January, 12),
			Practice:  Practice{Name: "Example Surgery", ODSCode: "L85999"},
			Clinician: "Dr Rees",
			Reason:    "three LTCs, two admissions this winter",
		},
	}
}

func TestPatientValidate(t *testing.T) {
	today := NewDate(2026, time.May, 1)
	tests := []struct {
		name   string
		change func(p *Patient)
		err    error // nil: valid
	}{
		{"as recorded", func(p *Patient) {}, nil},
		{"born today", func(p *Patient) { p.DateOfBirth = today; p.Nomination.On = today }, nil},
		{"future date of birth", func(p *Patient) { p.DateOfBirth = today.AddDays(1); p.Nomination.On = Date{} }, ErrBirthInFuture},
		{"no date of birth", func(p *Patient) { p.DateOfBirth = Date{} }, ErrBirthRequired},
		{"nomination before birth", func(p *Patient) { p.Nomination.On = NewDate(1940, time.June, 1) }, ErrNominationBeforeDOB},
		{"nomination in future", func(p *Patient) { p.Nomination.On = today.AddDays(7) }, ErrNominationInFuture},
		{"unknown SNOMED code", func(p *Patient) { p.Conditions = append(p.Conditions, "12345") }, ErrUnknownCondition},
		{"no family name", func(p *Patient) { p.FamilyName = " " }, ErrNameRequired},
		{"bad NHS number", func(p *Patient) { p.NHSNumber = "9449305553" }, ErrNHSNumberCheck},
		{"missing NHS number", func(p *Patient) { p.NHSNumber = "" }, ErrNHSNumberRequired},
		{"unknown status", func(p *Patient) { p.Status = "admitted" }, ErrBadStatus},
		{"two conditions, no judgement", func(p *Patient) { p.Conditions = p.Conditions[:2] }, ErrTooFewConditions},
		{"two conditions with judgement", func(p *Patient) {
			p.Conditions = p.Conditions[:2]
			p.Nomination.Judgement = &ClinicalJudgement{Reason: "lives alone, frequent falls", By: "Dr Rees"}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPatient()
			tt.change(&p)
			err := p.Validate(today)
			if tt.err == nil && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
		})
	}
}

func TestPatientValidateReportsEveryProblem(t *testing.T) {
	p := validPatient()
	p.GivenName = ""
	p.Conditions = []string{"12345"}
	err := p.Validate(NewDate(2026, time.May, 1))
	for _, want := range []error{ErrNameRequired, ErrUnknownCondition, ErrTooFewConditions} {
		if !errors.Is(err, want) {
			t.Errorf("error %v does not mention %v", err, want)
		}
	}
}

func TestNames(t *testing.T) {
	p := validPatient()
	if got := p.FullName(); got != "Siân O'Brien" {
		t.Errorf("FullName = %q", got)
	}
	if got := p.SortName(); got != "O'Brien, Siân" {
		t.Errorf("SortName = %q", got)
	}
	e := CaseloadEntryFor(p, &Plan{ReviewDate: NewDate(2026, time.June, 1)})
	if e.SortName() != p.SortName() || e.ReviewDate != NewDate(2026, time.June, 1) || e.NHSNumber != p.NHSNumber {
		t.Errorf("CaseloadEntryFor = %+v", e)
	}
	if e := CaseloadEntryFor(p, nil); !e.ReviewDate.IsZero() {
		t.Errorf("no plan but review date %s", e.ReviewDate)
	}
}
