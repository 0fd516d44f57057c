package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/caseload"
	"carehub/ui/kit"
)

// dashboardScreen is the hub dashboard: the enrolment funnel against the hub's target, with
// nominations per month and per practice. The figures come from the caseload already in
// memory, so they are worked out at once; only the target is read from (and saved to) the
// store, in the worker.
type dashboardScreen struct {
	tools  *enrolTools
	work   worker
	today  careplan.Date
	funnel caseload.Funnel
	onBack func()

	target        int
	targetEntry   *kit.Entry
	targetProblem *widget.Label
	setTarget     *widget.Button
	headline      *widget.Label
	chart         *funnelChart
	months        *monthChart
	content       *fyne.Container
	root          fyne.CanvasObject
}

func newDashboardScreen(tools *enrolTools, work worker, today careplan.Date, ix *caseload.Index, onBack func()) *dashboardScreen {
	if ix == nil {
		ix = caseload.New(nil)
	}
	d := &dashboardScreen{tools: tools, work: work, today: today, funnel: ix.BuildFunnel(today), onBack: onBack,
		target: caseload.DefaultTarget}
	d.targetEntry = kit.NewTextEntry()
	d.targetEntry.SetText(strconv.Itoa(d.target))
	d.targetProblem = kit.NewProblemLabel()
	d.setTarget = widget.NewButton("Set target", d.onSetTarget)
	d.headline = widget.NewLabel("")
	d.headline.TextStyle.Bold = true
	d.headline.Wrapping = fyne.TextWrapWord
	d.content = container.NewVBox()
	title := widget.NewLabel("Hub dashboard")
	title.SizeName = theme.SizeNameSubHeadingText
	title.TextStyle.Bold = true
	back := widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), d.onBackTapped)
	targetRow := container.NewHBox(widget.NewLabel("Enrolment target"), container.New(&fixedWidthLayout{w: 110}, d.targetEntry), d.setTarget)
	top := container.NewBorder(nil, nil, container.NewHBox(back, title), targetRow)
	d.root = container.NewBorder(container.NewVBox(top, d.targetProblem), nil, nil, nil,
		container.NewVScroll(container.NewPadded(d.content)))
	d.show()
	return d
}

func (d *dashboardScreen) onBackTapped() { d.onBack() }

// load reads the hub's target in the worker.
func (d *dashboardScreen) load() {
	var (
		n   int
		err error
	)
	d.work.run(func() { n, err = d.tools.enrol.EnrolmentTarget() }, func() { d.targetRead(n, err) })
}

func (d *dashboardScreen) targetRead(n int, err error) {
	if err != nil {
		kit.SetProblem(d.targetProblem, fmt.Sprintf("The target could not be read: %v", err))
		return
	}
	d.target = n
	d.targetEntry.SetText(strconv.Itoa(n))
	d.show()
}

// onSetTarget saves a new target: a whole number of people.
func (d *dashboardScreen) onSetTarget() {
	n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(d.targetEntry.Text), ",", ""))
	if err != nil || n < 1 || n > 100_000 {
		kit.SetProblem(d.targetProblem, "Write the target as a whole number of people, from 1 to 100,000.")
		return
	}
	kit.SetProblem(d.targetProblem, "")
	d.setTarget.Disable()
	d.work.run(func() { err = d.tools.enrol.SetEnrolmentTarget(n) }, func() { d.targetSaved(n, err) })
}

func (d *dashboardScreen) targetSaved(n int, err error) {
	d.setTarget.Enable()
	if err != nil {
		kit.SetProblem(d.targetProblem, fmt.Sprintf("The target could not be saved: %v", err))
		return
	}
	d.targetRead(n, nil)
}

// show draws the funnel, the months and the practices.
func (d *dashboardScreen) show() {
	f := d.funnel
	pct := 0
	if d.target > 0 {
		pct = f.Active * 100 / d.target
	}
	d.headline.SetText(fmt.Sprintf("%s enrolled (ever active; %s since left) against a target of %s: %d%%. %s nominated in all; %s died.",
		thousands(f.Active), thousands(f.ActiveSinceLeft), thousands(d.target), pct, thousands(f.Nominated), thousands(f.Died)))
	d.chart = newFunnelChart([]funnelStage{
		{"Nominated", f.Nominated, false}, {"Contacted", f.Contacted, false}, {"Consented", f.Consented, false},
		{"Active", f.Active, false}, {"Discharged", f.Discharged, true}, {"Declined", f.Declined, true},
		{"Withdrew", f.Withdrew, true},
	}, d.target)
	d.months = newMonthChart(f.Months)
	note := kit.Quiet("Each stage counts everyone who reached it: someone active now was also nominated, contacted and consented. Active counts everyone who was ever active, from their status history, including people who have since left. Discharged, declined and withdrew are exits: withdrew is consent to join taken back, counted apart from discharge.")
	d.content.Objects = []fyne.CanvasObject{
		d.headline,
		kit.Section("Enrolment funnel", d.chart, note),
		widget.NewSeparator(),
		kit.Section(fmt.Sprintf("Nominations per month (last %d months)", caseload.MonthsShown), d.months),
		widget.NewSeparator(),
		kit.Section("By practice", practiceTable(f.Practices)),
	}
	d.content.Refresh()
}

// practiceTable lists each practice's nominations and how many are active now.
func practiceTable(all []caseload.PracticeCount) fyne.CanvasObject {
	if len(all) == 0 {
		return kit.Quiet("No nominations yet.")
	}
	rows := make([][]*widget.Label, 0, len(all))
	for _, p := range all {
		rows = append(rows, []*widget.Label{kit.Para(orNotRecorded(p.Practice)), kit.Para(thousands(p.Nominated)), kit.Para(thousands(p.Active))})
	}
	return kit.Table([]float32{3, 1, 1}, []string{"Practice", "Nominated", "Active now"}, rows)
}

// fixedWidthLayout gives its content a fixed width, so a short entry does not shrink to nothing
// in a row of buttons.
type fixedWidthLayout struct{ w float32 }

var _ fyne.Layout = (*fixedWidthLayout)(nil)

func (l *fixedWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *fixedWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = fyne.Max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.w, h)
}
