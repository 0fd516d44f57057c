package ui

import (
	"fmt"

	"carehub/careplan/devices"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// conflictsScreen lists the records two devices changed in the same fields and lets a
// coordinator choose, field by field, which device's value to keep. The merge has already
// kept one value so every device agrees; this screen only confirms or reverses it.
type conflictsScreen struct {
	conflicts Conflicts
	work      worker
	onBack    func()
	onChanged func() // a record changed: the caseload and conflict count are stale

	items  []devices.Conflict
	detail *conflictDetail // the conflict shown; nil when none is

	back    *widget.Button
	count   *widget.Label
	problem *widget.Label
	list    *widget.List
	body    *fyne.Container // loading, the empty message, or the list beside the detail
	side    *fyne.Container // the detail, or a hint to choose a conflict
	split   *container.Split
	top     *fyne.Container // the bar, laid out again as the count changes
	root    fyne.CanvasObject
}

func newConflictsScreen(c Conflicts, work worker, onBack, onChanged func()) *conflictsScreen {
	s := &conflictsScreen{conflicts: c, work: work, onBack: onBack, onChanged: onChanged}
	s.back = widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	s.count = widget.NewLabel("")
	s.problem = kit.NewProblemLabel()
	s.list = widget.NewList(s.length, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.side = container.NewStack()
	s.split = container.NewHSplit(s.list, s.side)
	s.split.Offset = 0.28
	s.body = container.NewStack()
	title := kit.Subheading("Conflicts: the same record changed on two devices", widget.MediumImportance)
	s.top = container.NewVBox(container.NewHBox(s.back, title, s.count), s.problem)
	s.root = container.NewBorder(s.top, nil, nil, nil, s.body)
	return s
}

func (s *conflictsScreen) onBackTapped() { s.onBack() }

// load reads the conflicts still to resolve.
func (s *conflictsScreen) load() {
	s.showBody(kit.CentredMessage("Reading conflicts…", widget.MediumImportance))
	var (
		items []devices.Conflict
		err   error
	)
	s.work.run(func() { items, err = s.conflicts.Conflicts() }, func() { s.loaded(items, err) })
}

func (s *conflictsScreen) loaded(items []devices.Conflict, err error) {
	if err != nil {
		s.showBody(kit.CentredMessage(fmt.Sprintf("The conflicts could not be read: %s", kit.OneLine(err)), widget.DangerImportance))
		return
	}
	s.items = items
	s.detail = nil
	s.count.SetText(conflictCount(len(items)))
	kit.Relayout(s.top)
	if len(items) == 0 {
		s.showBody(kit.CentredMessage("No conflicts: every device's changes have merged.", widget.SuccessImportance))
		return
	}
	s.showBody(s.split)
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.Select(0) // show the first at once; the heading says whose it is
}

func conflictCount(n int) string {
	if n == 1 {
		return "1 to resolve"
	}
	return fmt.Sprintf("%s to resolve", thousands(n))
}

func (s *conflictsScreen) showBody(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

func (s *conflictsScreen) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.items) {
		return
	}
	kit.SetProblem(s.problem, "")
	s.detail = newConflictDetail(s.items[id], s.onSave)
	s.side.Objects = []fyne.CanvasObject{s.detail.root}
	s.side.Refresh()
}

// onSave resolves the conflict shown with the sides chosen, then reads the list again.
func (s *conflictsScreen) onSave() {
	d := s.detail
	if d == nil {
		return
	}
	id, keep := d.conflict.ID, d.choices()
	d.save.Disable()
	s.list.Hide() // no other conflict can be opened half way through saving this one
	var err error
	s.work.run(func() { err = s.conflicts.ResolveConflict(id, keep) }, func() {
		s.list.Show()
		if err != nil {
			d.save.Enable()
			kit.SetProblem(s.problem, "The choice was not saved: "+kit.OneLine(err))
			return
		}
		s.onChanged()
		s.load()
	})
}

func (s *conflictsScreen) length() int { return len(s.items) }

func (s *conflictsScreen) newRow() fyne.CanvasObject { return newConflictLine() }

func (s *conflictsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(s.items) {
		return
	}
	o.(*conflictLine).show(s.items[id])
}

// conflictLine is one conflict in the list: whose record, what it is, and when.
type conflictLine struct {
	widget.BaseWidget
	patient, what, when *widget.Label
}

var _ fyne.Widget = (*conflictLine)(nil)

func newConflictLine() *conflictLine {
	l := &conflictLine{patient: kit.Bold(""), what: widget.NewLabel(""), when: widget.NewLabel("")}
	for _, lb := range []*widget.Label{l.patient, l.what, l.when} {
		lb.Truncation = fyne.TextTruncateEllipsis
	}
	l.when.TextStyle.Italic = true
	l.ExtendBaseWidget(l)
	return l
}

func (l *conflictLine) show(c devices.Conflict) {
	l.patient.SetText(whoseRecord(c))
	l.what.SetText(c.What)
	l.when.SetText(whenText(latest(c.Ours.When, c.Theirs.When)))
}

// CreateRenderer stacks the line's three labels.
func (l *conflictLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(l.patient, l.what, l.when))
}

// whoseRecord names the person a conflict is about, or says it is the hub's own record.
func whoseRecord(c devices.Conflict) string {
	if c.Patient == "" {
		return "Hub record (not about one person)"
	}
	return c.Patient
}
