package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// reviewGoal is one goal in the review: achieved, continuing, changed (with new words) or
// dropped, and a note.
type reviewGoal struct {
	w *reviewWizard
	i int

	decision *widget.RadioGroup
	words    *kit.Entry
	note     *kit.Entry
	root     fyne.CanvasObject
}

func newReviewGoal(w *reviewWizard, i int, g careplan.Goal) *reviewGoal {
	r := &reviewGoal{w: w, i: i}
	var opts []string
	for _, d := range careplan.GoalDecisions() {
		opts = append(opts, string(d))
	}
	r.decision = widget.NewRadioGroup(opts, nil)
	r.decision.Horizontal = true
	r.decision.Required = true
	r.decision.SetSelected(string(w.rev.Goals[i].Decision))
	r.decision.OnChanged = r.onDecision
	r.words = lineEntry(w.rev.Goals[i].NewWords, "The goal in the person's new words", r.onWords)
	// Disabled rather than hidden: the field keeps its place, so choosing "changed" does not
	// move the rest of the page under the user's pointer.
	if w.rev.Goals[i].Decision != careplan.GoalChanged {
		r.words.Disable()
	}
	r.note = lineEntry("", "A note: how it went", r.onNote)
	words := kit.Para(fmt.Sprintf("%s · “%s”", g.Domain, g.InMyWords))
	words.TextStyle.Italic = true
	r.root = container.NewVBox(words, kit.Quiet(goalScores(g)), r.decision,
		kit.Grid(kit.Field{Name: "New words", Widget: r.words}, kit.Field{Name: "Note", Widget: r.note}))
	return r
}

func (r *reviewGoal) onDecision(s string) {
	r.w.rev.Goals[r.i].Decision = careplan.GoalDecision(s)
	if s == string(careplan.GoalChanged) {
		r.words.Enable()
	} else {
		r.words.Disable()
	}
}

func (r *reviewGoal) onWords(s string) { r.w.rev.Goals[r.i].NewWords = s }
func (r *reviewGoal) onNote(s string)  { r.w.rev.Goals[r.i].Note = s }

// reviewAction is one open action in the review: done, rolled over to a new date, or dropped.
type reviewAction struct {
	w *reviewWizard
	i int

	decision *widget.RadioGroup
	due      *kit.Entry
	problem  *widget.Label
	root     fyne.CanvasObject
}

func newReviewAction(w *reviewWizard, i int, a careplan.Action) *reviewAction {
	r := &reviewAction{w: w, i: i}
	var opts []string
	for _, d := range careplan.ActionDecisions() {
		opts = append(opts, string(d))
	}
	r.decision = widget.NewRadioGroup(opts, nil)
	r.decision.Horizontal = true
	r.decision.Required = true
	r.decision.SetSelected(string(w.rev.Actions[i].Decision))
	r.decision.OnChanged = r.onDecision
	r.due = lineEntry(kit.DateText(w.rev.Actions[i].NewDue), "New date DD/MM/YYYY", r.onDue)
	r.problem = kit.NewProblemLabel()
	what := kit.Para(a.What + " (" + a.Owner.Who() + ")")
	what.TextStyle.Bold = true
	due := "No date set"
	if !a.Due.IsZero() {
		due = "Due " + a.Due.Display()
		if a.Overdue(w.today) {
			due += " · overdue"
		}
	}
	r.root = container.NewVBox(what, kit.Quiet(due), r.decision,
		container.NewBorder(nil, nil, widget.NewLabel("Roll over to"), nil, r.due), r.problem)
	return r
}

func (r *reviewAction) onDecision(s string) {
	r.w.rev.Actions[r.i].Decision = careplan.ActionDecision(s)
	if s == string(careplan.ActionRollOver) {
		r.due.Enable()
	} else {
		r.due.Disable()
	}
}

func (r *reviewAction) onDue(s string) {
	if strings.TrimSpace(s) == "" {
		r.w.rev.Actions[r.i].NewDue = careplan.Date{}
		return
	}
	d, err := careplan.ParseDate(s)
	if err != nil {
		kit.SetProblem(r.problem, "Write the date as DD/MM/YYYY")
		return
	}
	kit.SetProblem(r.problem, "")
	r.w.rev.Actions[r.i].NewDue = d
}
