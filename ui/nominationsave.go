package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// nhsProblemText says what is wrong with an NHS number, in words for whoever typed it.
func nhsProblemText(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, careplan.ErrNHSNumberRequired):
		return "Write the person's NHS number."
	case errors.Is(err, careplan.ErrNHSNumberDigits):
		return "An NHS number has only digits (spaces are fine)."
	case errors.Is(err, careplan.ErrNHSNumberLength):
		return "An NHS number has 10 digits."
	case errors.Is(err, careplan.ErrNHSNumberCheck):
		return "This NHS number's check digit is wrong: check it has been copied correctly."
	case errors.Is(err, careplan.ErrNHSNumberRepeated):
		return "One digit repeated is a placeholder, not a real NHS number: type the person's own."
	}
	return kit.Sentence(err.Error())
}

// typedDateProblem checks a date while it is typed: nothing while it is unfinished, the
// future message for a finished date after today.
func typedDateProblem(typed string, today careplan.Date, future string) string {
	d, err := careplan.ParseDate(typed)
	if err == nil && d.After(today) {
		return future
	}
	return ""
}

// read builds the patient from the form, with a problem for each field that is wrong. It only
// returns ok when everything is right, so nothing is ever saved half.
func (s *nominationScreen) read() (careplan.Patient, bool) {
	p, problems := s.check()
	s.showProblems(problems)
	return p, len(problems) == 0
}

// recheck keeps up with a nomination being put right after a Save found problems: each
// message clears as soon as its field is right ("dated before the person was born" once
// either date is fixed, "2 chosen" once a third condition is).
func (s *nominationScreen) recheck() {
	if !s.problem.Visible() {
		return
	}
	_, problems := s.check()
	kit.Settle(problems, s.problemLabels()...)
	still := s.notSame.Visible() && !s.notSame.Checked
	for _, l := range s.problemLabels() {
		still = still || l.Visible()
	}
	if !still {
		kit.SetProblem(s.problem, "")
	}
	kit.Relayout(s.form)
	kit.Relayout(s.root)
}

// check builds the patient from the form with what is wrong with it, showing nothing.
func (s *nominationScreen) check() (careplan.Patient, map[*widget.Label]string) {
	problems := map[*widget.Label]string{}
	need := func(e *kit.Entry, l *widget.Label, text string) string {
		v := strings.TrimSpace(e.Text)
		if v == "" {
			problems[l] = text
		}
		return v
	}
	var p careplan.Patient
	p.Nomination.Practice.Name = need(s.practice, s.practiceProblem, "Write the name of the nominating practice.")
	if code, err := careplan.ParseODSCode(s.ods.Text); err != nil {
		problems[s.odsProblem] = "An ODS code is a letter and five digits, such as L85016."
	} else {
		p.Nomination.Practice.ODSCode = code
	}
	p.Nomination.Clinician = need(s.clinician, s.clinicianProb, "Write who nominated the person.")
	p.Nomination.Reason = need(s.reason, s.reasonProblem, "Write why the practice nominated the person.")
	var msg string
	if p.Nomination.On, msg = kit.ReadDate(s.nominatedOn.Text, "date of the nomination"); msg != "" {
		problems[s.nominatedOnProb] = msg
	}
	n, err := careplan.ParseNHSNumber(s.nhs.Text)
	if err != nil {
		problems[s.nhsProblem] = nhsProblemText(err)
	}
	p.NHSNumber = n
	p.GivenName = need(s.given, s.givenProblem, "Write the person's given name.")
	p.FamilyName = need(s.family, s.familyProb, "Write the person's family name.")
	if p.DateOfBirth, msg = kit.ReadDate(s.born.Text, "date of birth"); msg != "" {
		problems[s.bornProblem] = msg
	}
	p.Contact = careplan.ContactDetails{Address: strings.TrimSpace(s.address.Text),
		Postcode: strings.ToUpper(strings.TrimSpace(s.postcode.Text)), Phone: strings.TrimSpace(s.phone.Text)}
	p.Conditions = append([]string(nil), s.conditions.chosen...)
	if len(p.Conditions) < careplan.MinConditions {
		p.Nomination.Judgement = &careplan.ClinicalJudgement{
			Reason: strings.TrimSpace(s.judgeWhy.Text), By: strings.TrimSpace(s.judgeBy.Text),
		}
	}
	p = careplan.NewNomination(p)
	s.explain(p.Validate(s.today), problems)
	if s.existingID != "" {
		problems[s.nhsProblem] = "This person is already on the hub: open their record instead."
	}
	if s.notSame.Visible() && !s.notSame.Checked {
		problems[s.lookalike] = s.lookalikeMsg + " Tick the box once you have checked."
	}
	return p, problems
}

// explain turns Validate's errors into problems next to their fields; problems already found
// from the typed text come first and are kept.
func (s *nominationScreen) explain(err error, problems map[*widget.Label]string) {
	add := func(l *widget.Label, text string) {
		if _, ok := problems[l]; !ok {
			problems[l] = text
		}
	}
	if errors.Is(err, careplan.ErrBirthInFuture) {
		add(s.bornProblem, "The date of birth cannot be in the future.")
	}
	if errors.Is(err, careplan.ErrNominationInFuture) {
		add(s.nominatedOnProb, "The nomination cannot be dated in the future.")
	}
	if errors.Is(err, careplan.ErrNominationBeforeDOB) {
		add(s.nominatedOnProb, "The nomination is dated before the person was born: check both dates.")
	}
	if errors.Is(err, careplan.ErrTooFewConditions) {
		add(s.conditions.problem, fmt.Sprintf("%d chosen: three or more long-term conditions, or a clinical-judgement reason below.", len(s.conditions.chosen)))
		if strings.TrimSpace(s.judgeWhy.Text) == "" {
			add(s.judgeWhyP, "Write the clinical-judgement reason for taking the person on.")
		}
		if strings.TrimSpace(s.judgeBy.Text) == "" {
			add(s.judgeByP, "Write who made the clinical judgement.")
		}
	}
}

// problemLabels are every field's problem, to clear the ones that are now right.
func (s *nominationScreen) problemLabels() []*widget.Label {
	return []*widget.Label{s.practiceProblem, s.odsProblem, s.clinicianProb, s.nominatedOnProb, s.reasonProblem,
		s.nhsProblem, s.givenProblem, s.familyProb, s.bornProblem, s.conditions.problem, s.judgeWhyP, s.judgeByP}
}

func (s *nominationScreen) showProblems(problems map[*widget.Label]string) {
	for _, l := range s.problemLabels() {
		kit.SetProblem(l, problems[l])
	}
	if text, ok := problems[s.lookalike]; ok {
		kit.SetProblem(s.lookalike, text)
	}
	if len(problems) > 0 {
		kit.SetProblem(s.problem, "Nothing has been saved: put right what is marked in red below.")
	}
	kit.Relayout(s.form)
	kit.Relayout(s.root)
}

// onSave saves a whole, valid nomination in the worker; a problem saves nothing.
func (s *nominationScreen) onSave() {
	kit.SetProblem(s.problem, "")
	p, ok := s.read()
	if !ok {
		return
	}
	s.save.Disable()
	var (
		duplicateOf string
		err         error
	)
	s.work.run(func() { duplicateOf, err = s.tools.enrol.Nominate(&p) }, func() { s.saved(p, duplicateOf, err) })
}

// saved opens the new record, or the existing one when the store found the NHS number taken
// (someone else may have added them since the caseload was read).
func (s *nominationScreen) saved(p careplan.Patient, duplicateOf string, err error) {
	s.save.Enable()
	switch {
	case err != nil:
		kit.SetProblem(s.problem, fmt.Sprintf("The nomination could not be saved: %v", err))
		kit.Relayout(s.form)
	case duplicateOf != "":
		s.onOpen(duplicateOf)
	default:
		if s.tools.onChanged != nil {
			s.tools.onChanged() // the caseload and its queues gain the new person
		}
		s.onOpen(p.ID)
	}
}
