// Package outcomes records the measures a hub uses beside PAM to see whether people are doing
// better: the Clinical Frailty Scale, loneliness (the UCLA 3-item scale and the ONS single
// question) and wellbeing (ONS4). Each is dated and recorded by someone, and, like PAM, records
// are append-only: a mistaken one is marked entered in error, never deleted.
//
// Licensed measures (SWEMWBS, EQ-5D-5L, P3CEQ, howRu) are deliberately absent: their wording
// must not be embedded.
package outcomes

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"carehub/careplan"
)

// Measure names which outcome a record holds.
type Measure string

// The outcome measures carehub records.
const (
	MeasureFrailty    Measure = "frailty"
	MeasureLoneliness Measure = "loneliness"
	MeasureWellbeing  Measure = "wellbeing"
)

// Label is the measure's name as staff know it.
func (m Measure) Label() string {
	switch m {
	case MeasureFrailty:
		return "Clinical Frailty Scale"
	case MeasureLoneliness:
		return "Loneliness (UCLA 3-item)"
	case MeasureWellbeing:
		return "Wellbeing (ONS4)"
	}
	return string(m)
}

// Record is one dated outcome measurement. Exactly one of Frailty, Loneliness and Wellbeing is
// set, matching Measure.
type Record struct {
	ID         string          `json:"id"`
	PatientID  string          `json:"patientId"`
	Measure    Measure         `json:"measure"`
	TakenOn    careplan.Date   `json:"takenOn"`
	RecordedBy string          `json:"recordedBy"`
	Frailty    *Frailty        `json:"frailty,omitempty"`
	Loneliness *Loneliness     `json:"loneliness,omitempty"`
	Wellbeing  *Wellbeing      `json:"wellbeing,omitempty"`
	InError    *EnteredInError `json:"inError,omitempty"`
}

// EnteredInError marks a record that should not count, with why and who said so.
type EnteredInError struct {
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Counts reports whether the record counts in histories and reports.
func (r Record) Counts() bool { return r.InError == nil }

// Sentinel errors for outcome records.
var (
	ErrMeasure     = errors.New("an outcome record holds one measure: frailty, loneliness or wellbeing")
	ErrTakenOn     = errors.New("the date it was taken is needed, and cannot be in the future")
	ErrRecordedBy  = errors.New("say who recorded it")
	ErrFrailty     = errors.New("the Clinical Frailty Scale is scored 1 to 9")
	ErrLoneliness  = errors.New("each UCLA loneliness answer is 1 (hardly ever or never), 2 (some of the time) or 3 (often)")
	ErrLonelyOften = errors.New("choose how often the person feels lonely")
	ErrWellbeing   = errors.New("each ONS4 wellbeing answer is a whole number from 0 to 10")
)

// Validate checks that a record can be saved.
func (r Record) Validate(today careplan.Date) error {
	var errs []error
	if r.TakenOn.IsZero() || r.TakenOn.After(today) {
		errs = append(errs, ErrTakenOn)
	}
	if strings.TrimSpace(r.RecordedBy) == "" {
		errs = append(errs, ErrRecordedBy)
	}
	set := 0
	for _, present := range []bool{r.Frailty != nil, r.Loneliness != nil, r.Wellbeing != nil} {
		if present {
			set++
		}
	}
	switch {
	case set != 1:
		errs = append(errs, ErrMeasure)
	case r.Measure == MeasureFrailty && r.Frailty != nil:
		errs = append(errs, r.Frailty.validate())
	case r.Measure == MeasureLoneliness && r.Loneliness != nil:
		errs = append(errs, r.Loneliness.validate())
	case r.Measure == MeasureWellbeing && r.Wellbeing != nil:
		errs = append(errs, r.Wellbeing.validate())
	default:
		errs = append(errs, ErrMeasure)
	}
	return errors.Join(errs...)
}

// Summary is the record in a few words, for histories: "CFS 5: living with mild frailty".
func (r Record) Summary() string {
	switch {
	case r.Frailty != nil:
		return fmt.Sprintf("CFS %d: %s", r.Frailty.Score, r.Frailty.Label())
	case r.Loneliness != nil:
		return fmt.Sprintf("UCLA total %d of 9 (%s); feels lonely: %s", r.Loneliness.Total(), r.Loneliness.Band(), r.Loneliness.HowOften.Label())
	case r.Wellbeing != nil:
		w := r.Wellbeing
		return fmt.Sprintf("life satisfaction %d, worthwhile %d, happy %d, anxious %d", w.LifeSatisfaction, w.Worthwhile, w.Happy, w.Anxious)
	}
	return ""
}
