package pam

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"carehub/careplan"
)

// Instrument is the version of the licensed PAM questionnaire used.
type Instrument string

// PAM instruments.
const (
	PAM13    Instrument = "PAM-13"
	PAM10    Instrument = "PAM-10"
	CarerPAM Instrument = "Carer PAM"
)

// Instruments lists the PAM instruments carehub records.
func Instruments() []Instrument { return []Instrument{PAM13, PAM10, CarerPAM} }

// Assessment is one PAM result as the licensed tool reported it. Assessments are append-only:
// a mistaken one is marked entered in error, never deleted.
type Assessment struct {
	ID         string          `json:"id"`
	PatientID  string          `json:"patientId"`
	Score      Score           `json:"score"`
	Level      Level           `json:"level"` // as reported
	Instrument Instrument      `json:"instrument"`
	TakenOn    careplan.Date   `json:"takenOn"`
	RecordedBy string          `json:"recordedBy"`
	Source     string          `json:"source"`              // e.g. "PAM online portal", "paper form"
	CarerName  string          `json:"carerName,omitempty"` // for a Carer PAM: whose it is
	InError    *EnteredInError `json:"inError,omitempty"`
}

// EnteredInError marks an assessment that should not count, with why and who said so.
type EnteredInError struct {
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Sentinel errors for assessments.
var (
	ErrLevel         = errors.New("a PAM level is 1, 2, 3 or 4")
	ErrInstrument    = errors.New("the instrument is PAM-13, PAM-10 or Carer PAM")
	ErrTakenOn       = errors.New("the date the PAM was taken is needed, and cannot be in the future")
	ErrRecordedBy    = errors.New("say who recorded the PAM")
	ErrCarerName     = errors.New("a Carer PAM belongs to a named carer")
	ErrLevelMismatch = errors.New("the reported level does not match the published cut points for this score")
)

// Validate checks that an assessment can be recorded. A level that disagrees with the cut
// points is not an error here: see CrossCheck.
func (a Assessment) Validate(today careplan.Date) error {
	var errs []error
	if !a.Score.Valid() {
		errs = append(errs, ErrScore)
	}
	if !a.Level.Valid() {
		errs = append(errs, ErrLevel)
	}
	switch a.Instrument {
	case PAM13, PAM10:
	case CarerPAM:
		if strings.TrimSpace(a.CarerName) == "" {
			errs = append(errs, ErrCarerName)
		}
	default:
		errs = append(errs, ErrInstrument)
	}
	if a.TakenOn.IsZero() || a.TakenOn.After(today) {
		errs = append(errs, ErrTakenOn)
	}
	if strings.TrimSpace(a.RecordedBy) == "" {
		errs = append(errs, ErrRecordedBy)
	}
	return errors.Join(errs...)
}

// CrossCheck compares the reported level with the published cut points. A mismatch is worth
// asking the recorder to confirm, but the level is kept as reported.
func (a Assessment) CrossCheck() error {
	want := ExpectedLevel(a.Score)
	if want == a.Level {
		return nil
	}
	return fmt.Errorf("score %s is usually %s, but %s was reported: %w", a.Score, want, a.Level, ErrLevelMismatch)
}

// Counts reports whether the assessment counts in trends and reports.
func (a Assessment) Counts() bool { return a.InError == nil }

// OfCarer reports whether this is a Carer PAM: about the named carer, never the person.
func (a Assessment) OfCarer() bool { return a.Instrument == CarerPAM }
