package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/caseload"
	"carehub/ui/kit"
)

// Choices that filter nothing (allPractices is the evaluation screen's).
const (
	wholeHub      = "Whole hub"
	allConditions = "All conditions"
	// myCaseload is the signed-in key worker's own people, offered when their account is
	// linked to their staff record.
	myCaseload = "My caseload"
)

// queuePanel adds the hub's work to the caseload screen: the queues with their counts down the
// left, and a row of choices over the list — whose caseload ("My caseload" for a key worker whose
// account is linked to their staff record, or any key worker by name), practice, condition and order — with the
// buttons to nominate, see the dashboard and edit the staff list and the directory of community
// services. Every choice only changes the caseload screen's query and calls its refilter, so
// search, filters and queues always agree.
type queuePanel struct {
	screen   *caseloadScreen
	today    func() careplan.Date
	order    caseload.Order
	optionIx *caseload.Index // the index the choices were last filled from
	countIx  *caseload.Index // the index and filters the counts were last worked out for
	countQ   caseload.Query
	mine     string // the signed-in key worker's name on the caseload ("" offers no "My caseload")

	me         *widget.Select
	practice   *widget.Select
	condition  *widget.Select
	sort       *widget.Select
	nominate   *widget.Button
	dashboard  *widget.Button
	staff      *widget.Button
	services   *widget.Button // nil when the panel was made without a Services screen to open
	everyone   *widget.Button
	queues     map[caseload.Queue]*widget.Button
	queueOrder []caseload.Queue
	choices    *fyne.Container
	side       *fyne.Container
}

// addQueues puts the queue panel on a caseload screen, rebuilding its root around the old bar
// and body, and hooking the panel into every search. A nil onServices leaves out the Services
// button.
func addQueues(s *caseloadScreen, today func() careplan.Date, onNominate, onDashboard, onStaff, onServices func()) *queuePanel {
	q := &queuePanel{screen: s, today: today, queues: map[caseload.Queue]*widget.Button{}, queueOrder: caseload.Queues()}
	q.me = widget.NewSelect([]string{wholeHub}, q.onMeChosen)
	q.me.SetSelected(wholeHub)
	q.practice = widget.NewSelect([]string{allPractices}, q.onPracticeChosen)
	q.practice.SetSelected(allPractices)
	conditions := []string{allConditions}
	for _, c := range careplan.Conditions() {
		conditions = append(conditions, c.Term)
	}
	q.condition = widget.NewSelect(conditions, q.onConditionChosen)
	q.condition.SetSelected(allConditions)
	var orders []string
	for _, o := range caseload.Orders() {
		orders = append(orders, o.Label())
	}
	q.sort = widget.NewSelect(orders, q.onSortChosen)
	q.sort.SetSelectedIndex(0)
	q.nominate = widget.NewButtonWithIcon("Nominate…", theme.ContentAddIcon(), onNominate)
	q.nominate.Importance = widget.HighImportance
	q.dashboard = widget.NewButtonWithIcon("Dashboard", theme.GridIcon(), onDashboard)
	q.staff = widget.NewButtonWithIcon("Staff", theme.AccountIcon(), onStaff)
	buttons := container.NewHBox(q.nominate, q.dashboard, q.staff)
	if onServices != nil {
		q.services = widget.NewButtonWithIcon("Services", theme.HomeIcon(), onServices)
		buttons.Add(q.services)
	}

	q.everyone = widget.NewButton("Everyone", q.onEveryone)
	q.everyone.Alignment = widget.ButtonAlignLeading
	side := []fyne.CanvasObject{kit.Subheading("Work queues", widget.MediumImportance), q.everyone}
	for _, k := range q.queueOrder {
		k := k
		b := widget.NewButton(k.Label(), func() { q.onQueue(k) })
		b.Alignment = widget.ButtonAlignLeading
		q.queues[k] = b
		side = append(side, b)
	}
	// Printing and the report are work on the caseload too: beside the queues they leave the
	// search box the bar's width, which on a 1024-pixel screen it needs.
	for _, b := range []*widget.Button{s.print, s.report} {
		if b != nil {
			s.right.Remove(b)
			b.Alignment = widget.ButtonAlignLeading
			side = append(side, b)
		}
	}
	q.side = container.NewVBox(side...)
	// The choices share the width left by the buttons, so none is squeezed to nothing.
	q.choices = container.NewBorder(nil, nil, nil, buttons,
		container.NewGridWithColumns(4, q.me, q.practice, q.condition, q.sort))
	s.queues = q
	s.root = container.NewBorder(container.NewVBox(s.bar, q.choices), nil, container.NewPadded(q.side), nil, s.body)
	q.showSelected()
	return q
}

// searched runs after every search of the caseload screen: it fills the choices once the
// caseload has loaded, orders the matches, and recounts the queues for the caseload in view.
func (q *queuePanel) searched(shown []int) {
	ix := q.screen.index
	if ix != q.optionIx {
		q.optionIx = ix
		q.fillChoices(ix)
	}
	ix.Sort(shown, q.order)
	// The counts ignore the typed text and the queue shown, so a keystroke never recounts
	// 30,000 people: only a change of filter, day or caseload does.
	filters := q.screen.query
	filters.Text, filters.Queue, filters.Today = "", caseload.QueueNone, q.today()
	if ix == q.countIx && filters == q.countQ {
		return
	}
	q.countIx, q.countQ = ix, filters
	counts := ix.CountQueues(filters, filters.Today)
	for _, k := range q.queueOrder {
		q.queues[k].SetText(fmt.Sprintf("%s (%s)", k.Label(), thousands(counts[k])))
	}
}

// fillChoices offers the key workers and practices on the caseload.
func (q *queuePanel) fillChoices(ix *caseload.Index) {
	q.me.SetOptions(q.whoseOptions(keyWorkersIn(ix)))
	q.practice.SetOptions(append([]string{allPractices}, namesIn(ix, func(e careplan.CaseloadEntry) string { return e.Practice })...))
}

// whoseOptions are the "whose caseload" choices: the whole hub, the signed-in key worker's own,
// then every key worker by name.
func (q *queuePanel) whoseOptions(keyWorkers []string) []string {
	out := []string{wholeHub}
	if q.mine != "" {
		out = append(out, myCaseload)
	}
	return append(out, keyWorkers...)
}

// startOnMine makes the caseload open on the signed-in key worker's own people: the list a
// key worker works from every day, with the whole hub one choice away.
func (q *queuePanel) startOnMine(name string) {
	if name == "" {
		return
	}
	q.mine = name
	q.me.SetOptions(q.whoseOptions(nil))
	q.me.SetSelected(myCaseload)
}

func (q *queuePanel) onMeChosen(name string) {
	q.screen.query.KeyWorker = ""
	switch name {
	case wholeHub:
	case myCaseload:
		q.screen.query.KeyWorker = q.mine
	default:
		q.screen.query.KeyWorker = name
	}
	q.screen.refilter()
}

func (q *queuePanel) onPracticeChosen(name string) {
	q.screen.query.Practice = ""
	if name != allPractices {
		q.screen.query.Practice = name
	}
	q.screen.refilter()
}

func (q *queuePanel) onConditionChosen(string) {
	q.screen.query.Condition = ""
	if i := q.condition.SelectedIndex(); i > 0 {
		q.screen.query.Condition = careplan.Conditions()[i-1].Code
	}
	q.screen.refilter()
}

func (q *queuePanel) onSortChosen(string) {
	q.order = caseload.Order(max(q.sort.SelectedIndex(), 0))
	q.screen.refilter()
}

func (q *queuePanel) onEveryone() { q.choose(caseload.QueueNone) }

// onQueue shows a queue; tapping the queue already shown goes back to everyone.
func (q *queuePanel) onQueue(k caseload.Queue) {
	if q.screen.query.Queue == k {
		k = caseload.QueueNone
	}
	q.choose(k)
}

func (q *queuePanel) choose(k caseload.Queue) {
	q.screen.query.Queue = k
	q.screen.query.Today = q.today()
	q.showSelected()
	q.screen.refilter()
}

// showSelected marks the queue being shown.
func (q *queuePanel) showSelected() {
	q.everyone.Importance = widget.LowImportance
	if q.screen.query.Queue == caseload.QueueNone {
		q.everyone.Importance = widget.HighImportance
	}
	q.everyone.Refresh()
	for k, b := range q.queues {
		b.Importance = widget.LowImportance
		if k == q.screen.query.Queue {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}
