package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// goalCard is one goal in the editor: its words, domain and scores, its actions, and a line to
// add another action with Enter. It edits the editor's plan at goal index gi.
type goalCard struct {
	e  *planEditor
	gi int

	domain     *widget.Select
	words      *kit.Entry
	importance *kit.Entry
	confidence *kit.Entry
	problem    *widget.Label
	remove     *widget.Button
	actions    []*actionRow
	newAction  *kit.Entry
	root       fyne.CanvasObject
}

func newGoalCard(e *planEditor, gi int) *goalCard {
	g := e.plan.Goals[gi]
	c := &goalCard{e: e, gi: gi}
	c.domain = widget.NewSelect(domainNames(), nil)
	c.domain.SetSelected(string(g.Domain))
	c.domain.OnChanged = c.onDomain
	c.words = lineEntry(g.InMyWords, "The goal in the person's own words", c.onWords)
	c.importance = lineEntry(careplan.ScoreBox(g.Importance), "0-10", c.onImportance)
	c.confidence = lineEntry(careplan.ScoreBox(g.Confidence), "0-10", c.onConfidence)
	c.problem = kit.NewProblemLabel()
	c.newAction = kit.NewTextEntry()
	c.newAction.SetPlaceHolder("A new action — press Enter to add")
	c.newAction.OnSubmitted = c.onNewAction

	scores := container.NewHBox(widget.NewLabel("Importance"), kit.FixedWidth(56, c.importance),
		widget.NewLabel("Confidence"), kit.FixedWidth(56, c.confidence))
	head := container.NewBorder(nil, nil, c.domain, scores, c.words)
	rows := container.NewVBox()
	for ai := range g.Actions {
		r := newActionRow(e, gi, ai)
		c.actions = append(c.actions, r)
		rows.Add(r.root)
	}
	title := kit.Subheading(fmt.Sprintf("Goal %d", gi+1), widget.MediumImportance)
	if g.Closed() {
		title.SetText(fmt.Sprintf("Goal %d · %s at review on %s", gi+1, g.Outcome.Decision, g.Outcome.On.Display()))
	}
	shade := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	shade.CornerRadius = theme.Padding()
	c.remove = widget.NewButtonWithIcon("Remove goal", theme.DeleteIcon(), c.onRemove)
	body := container.NewVBox(container.NewBorder(nil, nil, nil, c.remove, title), head, c.problem, rows, c.newAction)
	c.root = container.NewStack(shade, container.NewPadded(body))
	return c
}

func (c *goalCard) goal() *careplan.Goal { return &c.e.plan.Goals[c.gi] }

func (c *goalCard) onDomain(s string) {
	c.e.beginEdit()
	c.goal().Domain = careplan.Domain(s)
	c.e.edited()
}

func (c *goalCard) onWords(s string) {
	c.e.beginEdit()
	c.goal().InMyWords = s
	c.e.edited()
}

func (c *goalCard) onImportance(s string) {
	c.onScore(s, func(g *careplan.Goal, n *int) { g.Importance = n })
}
func (c *goalCard) onConfidence(s string) {
	c.onScore(s, func(g *careplan.Goal, n *int) { g.Confidence = n })
}

// onScore takes a 0-10 score, or a blank box as "not scored yet"; anything else is shown as a
// problem and not saved.
func (c *goalCard) onScore(s string, set func(*careplan.Goal, *int)) {
	n, err := careplan.ParseScore(s)
	if err != nil {
		kit.SetProblem(c.problem, "Importance and confidence are scored 0 to 10")
		return
	}
	kit.SetProblem(c.problem, "")
	c.e.beginEdit()
	set(c.goal(), n)
	c.e.edited()
}

func (c *goalCard) onNewAction(s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	c.e.addAction(c.gi, strings.TrimSpace(s))
}

// ownerChoices are how the kinds of action owner are offered, in the plan's words.
func ownerChoices() []string {
	return []string{"Me", "Key worker", "Carer", "Service"}
}

func ownerKindOf(choice string) careplan.OwnerKind {
	switch choice {
	case "Key worker":
		return careplan.OwnerKeyWorker
	case "Carer":
		return careplan.OwnerCarer
	case "Service":
		return careplan.OwnerService
	}
	return careplan.OwnerPatient
}

func ownerChoice(k careplan.OwnerKind) string {
	switch k {
	case careplan.OwnerKeyWorker:
		return "Key worker"
	case careplan.OwnerCarer:
		return "Carer"
	case careplan.OwnerService:
		return "Service"
	}
	return "Me"
}

func statusChoices() []string {
	return []string{string(careplan.ActionOpen), string(careplan.ActionDone), string(careplan.ActionDropped)}
}

// actionRow is one action under a goal: what, who, by when, and where it stands.
type actionRow struct {
	e      *planEditor
	gi, ai int

	what    *kit.Entry
	owner   *widget.Select
	name    *kit.Entry
	due     *kit.Entry
	status  *widget.Select
	doneOn  *kit.Entry
	remove  *widget.Button
	problem *widget.Label
	root    fyne.CanvasObject
}

func newActionRow(e *planEditor, gi, ai int) *actionRow {
	a := e.plan.Goals[gi].Actions[ai]
	r := &actionRow{e: e, gi: gi, ai: ai}
	r.what = lineEntry(a.What, "What will be done", r.onWhat)
	r.owner = widget.NewSelect(ownerChoices(), nil)
	r.owner.SetSelected(ownerChoice(a.Owner.Kind))
	r.owner.OnChanged = r.onOwner
	r.name = lineEntry(a.Owner.Name, "Name (carer, service…)", r.onName)
	r.due = lineEntry(kit.DateText(a.Due), "By DD/MM/YYYY", r.onDue)
	r.status = widget.NewSelect(statusChoices(), nil)
	r.status.SetSelected(string(a.Status))
	r.status.OnChanged = r.onStatus
	r.doneOn = lineEntry(kit.DateText(a.DoneOn), "Done on", r.onDoneOn)
	r.showDoneOn(a.Status)
	r.problem = kit.NewProblemLabel()
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), r.onRemove)
	line := container.NewBorder(nil, nil, nil, r.remove,
		container.New(&kit.Columns{Weights: []float32{3.2, 1.3, 1.6, 1.3, 1.1, 1.3}},
			r.what, r.owner, r.name, r.due, r.status, r.doneOn))
	r.root = container.NewVBox(line, r.problem)
	return r
}

// onRemove takes a goal out of the draft, and out of any signposting linked to it. Goals the
// person has finished with are better marked at review, so the history keeps them; removing
// is for a goal written by mistake.
func (c *goalCard) onRemove() { c.e.removeGoal(c.gi) }

// onRemove takes an action out of the draft; one that will not happen is better dropped.
func (r *actionRow) onRemove() { r.e.removeAction(r.gi, r.ai) }

func (r *actionRow) action() *careplan.Action { return &r.e.plan.Goals[r.gi].Actions[r.ai] }

func (r *actionRow) onWhat(s string) {
	r.e.beginEdit()
	r.action().What = s
	r.e.edited()
}

func (r *actionRow) onOwner(s string) {
	r.e.beginEdit()
	r.action().Owner.Kind = ownerKindOf(s)
	r.e.edited()
}

func (r *actionRow) onName(s string) {
	r.e.beginEdit()
	r.action().Owner.Name = strings.TrimSpace(s)
	r.e.edited()
}

func (r *actionRow) onDue(s string) {
	d, ok := r.date(s)
	if !ok {
		return
	}
	r.e.beginEdit()
	r.action().Due = d
	r.e.edited()
}

// onStatus marks an action open, done or dropped. Marking it done fills in today unless a
// date is already there; an overdue action can still be marked done.
func (r *actionRow) onStatus(s string) {
	r.e.beginEdit()
	a := r.action()
	a.Status = careplan.ActionStatus(s)
	if a.Status == careplan.ActionDone && a.DoneOn.IsZero() {
		a.DoneOn = r.e.today
		r.doneOn.OnChanged = nil
		r.doneOn.SetText(kit.DateText(a.DoneOn))
		r.doneOn.OnChanged = r.onDoneOn
	}
	if a.Status != careplan.ActionDone {
		a.DoneOn = careplan.Date{}
	}
	r.showDoneOn(a.Status)
	r.e.edited()
}

// showDoneOn lets the done date be typed only for an action that is done. It is disabled, not
// hidden, so the row keeps its shape.
func (r *actionRow) showDoneOn(s careplan.ActionStatus) {
	if s == careplan.ActionDone {
		r.doneOn.Enable()
	} else {
		r.doneOn.Disable()
	}
}

func (r *actionRow) onDoneOn(s string) {
	d, ok := r.date(s)
	if !ok {
		return
	}
	r.e.beginEdit()
	r.action().DoneOn = d
	r.e.edited()
}

// date reads a typed date; blank is no date. A date not yet readable shows a problem.
func (r *actionRow) date(s string) (careplan.Date, bool) {
	if strings.TrimSpace(s) == "" {
		kit.SetProblem(r.problem, "")
		return careplan.Date{}, true
	}
	d, err := careplan.ParseDate(s)
	if err != nil {
		kit.SetProblem(r.problem, "Write dates as DD/MM/YYYY")
		return d, false
	}
	kit.SetProblem(r.problem, "")
	return d, true
}
