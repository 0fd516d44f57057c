package careplan

import (
	"errors"
	"strings"
)

// The agreement rules, decided here once. The agree dialog, the review wizard, the plan
// service and the command line ask ReadyToAgree; Plan.Agree refuses a version that breaks
// them. A plan already agreed (on this laptop or another, before these rules) is not checked
// again: sync and the store take agreed versions as they were agreed (Validate).

// The parts of a plan the agreement rules speak about, named as the plan editor names them.
const (
	FieldAgreedOn    = "Agreed on"
	FieldAgreedBy    = "Agreed with the person by"
	FieldReviewDate  = "Review date"
	FieldWhatMatters = "What matters to me"
	FieldGoals       = "Goals"
	FieldRedWhoCall  = "Contingency plan, red (emergency): who to call"
)

// Why a version cannot be agreed, in words a key worker understands.
var (
	ErrAgreedOnMissing    = errors.New("say on which day the plan was agreed")
	ErrAgreedInFuture     = errors.New("a plan cannot be agreed on a day still to come")
	ErrReviewNotAfter     = errors.New("the review date must be after the day the plan is agreed")
	ErrNoWhatMatters      = errors.New("write down what matters to the person: it is the heart of the plan")
	ErrNoGoals            = errors.New("add at least one goal, in the person's own words")
	ErrNoEmergencyContact = errors.New("say who to call in an emergency before the plan is agreed: it is what a carer or paramedic reads first")
)

// FieldProblem is one reason a plan cannot be agreed, with the part of the plan it is about,
// so a screen can show it beside that part and the command line can name it.
type FieldProblem struct {
	Field string // one of the Field... names
	Err   error  // the sentinel, for errors.Is
}

// Error writes "Review date: the review date must be after …".
func (f FieldProblem) Error() string { return f.Field + ": " + f.Err.Error() }

// Unwrap gives the sentinel, so errors.Is(err, ErrNoGoals) holds.
func (f FieldProblem) Unwrap() error { return f.Err }

// ReadyToAgree checks what the planning conversation must have covered before a version is
// agreed with the person on the day on, today being today: agreed today or earlier; a review
// date after the day agreed; what matters to the person and at least one goal written; and who
// to call in an emergency (the red part of the contingency plan). Each problem is a
// FieldProblem; all of them are returned together.
func ReadyToAgree(p Plan, on, today Date) error {
	var errs []error
	problem := func(field string, err error) { errs = append(errs, FieldProblem{Field: field, Err: err}) }
	switch {
	case on.IsZero():
		problem(FieldAgreedOn, ErrAgreedOnMissing)
	case on.After(today):
		problem(FieldAgreedOn, ErrAgreedInFuture)
	}
	switch {
	case p.ReviewDate.IsZero():
		problem(FieldReviewDate, ErrReviewDate)
	case !on.IsZero() && !p.ReviewDate.After(on):
		problem(FieldReviewDate, ErrReviewNotAfter)
	}
	if strings.TrimSpace(p.WhatMatters) == "" {
		problem(FieldWhatMatters, ErrNoWhatMatters)
	}
	if len(p.Goals) == 0 {
		problem(FieldGoals, ErrNoGoals)
	}
	if strings.TrimSpace(p.Contingency.Red.WhoToCall) == "" {
		problem(FieldRedWhoCall, ErrNoEmergencyContact)
	}
	return errors.Join(errs...)
}

// AgreedOnProblem splits a ReadyToAgree error into the problems about the plan and the one
// about the day agreed, if any, so a form can show the last beside its date field.
func AgreedOnProblem(err error) (rest []error, onDay error) {
	for _, e := range splitJoined(err) {
		var fp FieldProblem
		if errors.As(e, &fp) && fp.Field == FieldAgreedOn {
			onDay = fp
			continue
		}
		rest = append(rest, e)
	}
	return rest, onDay
}

// splitJoined undoes errors.Join one level, so each problem can be placed on its own.
func splitJoined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, splitJoined(e)...)
		}
		return out
	}
	return []error{err}
}
