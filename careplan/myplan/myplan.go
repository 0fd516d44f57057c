// Package myplan is the patient's own view of their care plan, as their tablet shows it: the
// same order as the printed copy (what to do if I become unwell and who to call first), then
// about me, my goals, my next review and my PAM trend in plain words. It also holds the rules
// for a goal check-in, the patient's own word on how a goal is going. It imports neither fyne
// nor bbolt.
package myplan

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"carehub/careplan"
	"carehub/pam"
)

// Call is one row of "who to call" (careplan.WhoToCall, the printed plan's rule too).
type Call = careplan.Call

// View is everything the tablet shows, in the order it shows it.
type View struct {
	Name        string          // the person's name, as they are addressed
	Status      careplan.Status // where they are on the pathway: the overdue rule needs it
	Agreed      bool            // false when no version has been agreed yet
	Contingency careplan.Contingency
	WhoToCall   []Call
	AboutMe     string
	WhatMatters string
	Goals       []careplan.Goal // active goals only
	Review      careplan.Date
	AgreedWith  string        // who agreed this version with the person
	AgreedOn    careplan.Date // when: the tablet says which plan it shows, so an old one is noticed
	PAMTrend    string        // one or two plain sentences; "" when no PAM has been recorded
	Ahead       []string      // Planning ahead, one line per recorded answer, as printed
}

// Build makes the tablet's view from the person's record, their latest agreed plan (zero when
// none), their PAM assessments and their key worker's staff record (zero when none), whose
// name and phone head "who to call". Only an agreed version is shown: a draft is still being
// written with the key worker.
func Build(p careplan.Patient, agreed careplan.Plan, assessments []pam.Assessment, keyWorker careplan.StaffMember) View {
	v := View{Name: p.FullName(), Status: p.Status, Agreed: agreed.State == careplan.PlanAgreed}
	if !v.Agreed {
		v.WhoToCall = careplan.WhoToCall(careplan.Plan{}, p, keyWorker)
		v.PAMTrend = Trend(assessments)
		return v
	}
	v.Contingency = agreed.Contingency
	v.WhoToCall = careplan.WhoToCall(agreed, p, keyWorker)
	v.AboutMe, v.WhatMatters = agreed.AboutMe, agreed.WhatMatters
	for _, g := range agreed.Goals {
		if !g.Closed() {
			v.Goals = append(v.Goals, g)
		}
	}
	for _, e := range agreed.Ahead.Recorded() {
		line := e.Label + ": " + e.Item.Answer
		if told := e.Item.Told(); told != "" {
			line += " (" + told + ")"
		}
		v.Ahead = append(v.Ahead, line)
	}
	v.Review = agreed.ReviewDate
	if a := agreed.Agreement; a != nil {
		v.AgreedWith, v.AgreedOn = a.By, a.On
	}
	v.PAMTrend = Trend(assessments)
	return v
}

// ReviewOverdue reports an agreed plan whose review is overdue by careplan.ReviewOverdue, the
// rule the caseload, the summary and the printed plan use: the hub may well have agreed a
// newer plan that has not reached the tablet, so the person is told to ask.
func (v View) ReviewOverdue(today careplan.Date) bool {
	return v.Agreed && careplan.ReviewOverdue(v.Review, v.Status, today)
}

// Trend says how the person's PAM has moved, in plain words. carehub records scores from the
// licensed tool and never computes one.
func Trend(all []pam.Assessment) string {
	h := pam.History(all) // the person's own: never a Carer PAM
	if len(h) == 0 {
		return ""
	}
	last := h[len(h)-1]
	level := fmt.Sprintf("level %d: %s", last.Level, last.Level.PlainWords()) // the person's own view: neutral words
	if len(h) == 1 {
		return fmt.Sprintf("Your PAM score was %s (%s). It is your first, so there is nothing to compare yet.", last.Score, level)
	}
	ch := pam.Between(h[0], last)
	switch {
	case ch.Points > 0:
		return fmt.Sprintf("Your latest PAM score was %s (%s). That is %s points higher than your first: well done.", last.Score, level, ch.Points)
	case ch.Points < 0:
		return fmt.Sprintf("Your latest PAM score was %s (%s). That is %s points lower than your first; talk it over with your key worker.", last.Score, level, -ch.Points)
	}
	return fmt.Sprintf("Your latest PAM score was %s (%s), the same as your first.", last.Score, level)
}

// Scale is how a goal is going, in the patient's own judgement: 1 (not well) to 5 (very well).
type Scale int

// The ends of the scale.
const (
	ScaleLow  Scale = 1
	ScaleHigh Scale = 5
)

// Words says a point on the scale as the tablet's buttons do.
func (s Scale) Words() string {
	switch s {
	case 1:
		return "Not well"
	case 2:
		return "A little"
	case 3:
		return "OK"
	case 4:
		return "Well"
	case 5:
		return "Very well"
	}
	return ""
}

// maxNote keeps a check-in's note short, so it is a note, not a record.
const maxNote = 280

// Errors a check-in can have.
var (
	ErrScale    = errors.New("choose how the goal is going, from not well to very well")
	ErrNoteLong = fmt.Errorf("keep the note to %d letters or fewer", maxNote)
	ErrNoGoal   = errors.New("a check-in must be about one of your goals")
)

// CheckIn is the patient's word on how one goal is going, made on their tablet. The hub sees
// it after the next sync.
type CheckIn struct {
	ID        string    `json:"id"`
	PatientID string    `json:"patientId"`
	GoalID    string    `json:"goalId"`
	Scale     Scale     `json:"scale"`
	Note      string    `json:"note,omitempty"`
	At        time.Time `json:"at"`
}

// Validate checks a check-in can be saved.
func (c CheckIn) Validate() error {
	if c.PatientID == "" || c.GoalID == "" {
		return ErrNoGoal
	}
	if c.Scale < ScaleLow || c.Scale > ScaleHigh {
		return ErrScale
	}
	if utf8.RuneCountInString(c.Note) > maxNote {
		return ErrNoteLong
	}
	return nil
}
