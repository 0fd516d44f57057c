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

// allStatuses is the status filter's first option, which filters nothing.
const allStatuses = "All statuses"

// caseloadScreen lists everyone on the hub's caseload, with search as you type and a status
// filter. The list is virtual: it makes rows only for what is on screen, so 30,000 people
// scroll as smoothly as 20.
type caseloadScreen struct {
	records  Records
	work     worker
	today    func() careplan.Date
	loadDemo func(patients int, progress func(done, total int)) error
	onOpen   func(patientID string)
	onPrint  func() // nil: no batch printing button
	onReport func() // nil: no evaluation report button

	index    *caseload.Index
	searcher *caseload.Searcher
	query    caseload.Query
	shown    []int // positions in index, in the order the list shows them

	search *kit.Entry
	status *widget.Select
	count  *widget.Label
	print  *widget.Button  // batch printing; nil without onPrint
	report *widget.Button  // the evaluation report; nil without onReport
	bar    *fyne.Container // title, search, filter and count
	title  *widget.Label   // "Caseload", after the hub's logo and name when they are known
	right  *fyne.Container // filter, count and buttons

	account         *fyne.Container // who is signed in, with the buttons for their role
	usersButton     *widget.Button  // only for an administrator
	lockButton      *widget.Button
	auditButton     *widget.Button // only for coordinators and administrators
	syncButton      *widget.Button // only for those who sync devices
	conflictsButton *widget.Button // only for those who resolve conflicts

	settingsButton *widget.Button
	list           *caseloadList
	body           *fyne.Container // holds whichever of loading, list, empty panel or problem applies

	demo         *widget.Button
	demoProgress *widget.ProgressBar
	demoProblem  *widget.Label

	queues *queuePanel // work queues and filters; nil until the session adds them

	root fyne.CanvasObject
}

func newCaseloadScreen(r Records, work worker, today func() careplan.Date,
	loadDemo func(int, func(int, int)) error, onOpen func(string), onPrint, onReport func()) *caseloadScreen {
	s := &caseloadScreen{records: r, work: work, today: today, loadDemo: loadDemo, onOpen: onOpen, onPrint: onPrint, onReport: onReport}

	s.search = kit.NewTextEntry()
	s.search.SetPlaceHolder("Search by name or NHS number")
	s.search.OnChanged = s.onSearchChanged
	s.search.OnSubmitted = s.onSearchSubmitted
	s.search.OnDown = s.onSearchDown

	options := []string{allStatuses}
	for _, st := range careplan.Statuses() {
		options = append(options, st.Label())
	}
	s.status = widget.NewSelect(options, s.onStatusChosen)
	s.status.SetSelectedIndex(0)

	s.count = widget.NewLabel("")
	s.list = newCaseloadList(s.listLength, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected

	title := widget.NewLabel("Caseload")
	title.SizeName = theme.SizeNameSubHeadingText
	title.TextStyle.Bold = true
	right := container.NewHBox(s.status, s.count)
	s.title, s.right = title, right
	if onPrint != nil {
		s.print = widget.NewButtonWithIcon("Print plans…", theme.DocumentPrintIcon(), s.onPrintTapped)
		s.print.Disable() // until the caseload has loaded
		right.Add(s.print)
	}
	if onReport != nil {
		s.report = widget.NewButtonWithIcon("Evaluation report", theme.DocumentIcon(), s.onReportTapped)
		s.report.Disable() // until the caseload has loaded
		right.Add(s.report)
	}
	s.bar = container.NewBorder(nil, nil, title, right, s.search)
	s.body = container.NewStack()
	s.root = container.NewBorder(s.bar, nil, nil, nil, s.body)
	return s
}

// load reads the caseload and builds its search index off the UI goroutine: decrypting 30,000
// entries takes long enough to freeze the window.
func (s *caseloadScreen) load() {
	s.showBody(kit.CentredMessage("Loading caseload…", widget.MediumImportance))
	s.setSearchable(false)
	var (
		ix  *caseload.Index
		err error
	)
	s.work.run(func() {
		var entries []careplan.CaseloadEntry
		if entries, err = s.records.Caseload(); err == nil {
			ix = caseload.New(entries)
		}
	}, func() { s.loaded(ix, err) })
}

// loaded runs on the UI goroutine with the caseload's index.
func (s *caseloadScreen) loaded(ix *caseload.Index, err error) {
	if err != nil {
		s.setCount("")
		s.showBody(kit.CentredMessage(fmt.Sprintf("The caseload could not be read: %v", err), widget.DangerImportance))
		return
	}
	s.index = ix
	s.searcher = ix.NewSearcher()
	if ix.Len() == 0 {
		s.setCount("")
		s.showBody(s.emptyPanel())
		return
	}
	s.setSearchable(true)
	s.showBody(container.NewBorder(caseloadHeader(), nil, nil, nil, s.list))
	s.refilter()
}

func (s *caseloadScreen) onSearchChanged(text string) {
	s.query.Text = text
	s.refilter()
}

func (s *caseloadScreen) onStatusChosen(string) {
	s.query.Status = ""
	if i := s.status.SelectedIndex(); i > 0 {
		s.query.Status = careplan.Statuses()[i-1]
	}
	s.refilter()
}

// refilter runs the current search. It stays on the UI goroutine because the index is in
// memory and answers in milliseconds, which keeps the results in step with each keystroke.
func (s *caseloadScreen) refilter() {
	if s.searcher == nil {
		return
	}
	s.shown = s.searcher.Search(s.query)
	if s.queues != nil {
		s.queues.searched(s.shown) // orders the matches and recounts the queues
	}
	s.setCount(peopleCount(len(s.shown), s.index.Len()))
	s.list.UnselectAll()
	s.list.ScrollToTop()
	s.list.Refresh()
}

// setCount changes the count, making room for it in the bar as it gets longer or shorter.
func (s *caseloadScreen) setCount(text string) {
	s.count.SetText(text)
	kit.Relayout(s.bar)
}

func (s *caseloadScreen) listLength() int { return len(s.shown) }

func (s *caseloadScreen) newRow() fyne.CanvasObject { return newCaseloadRow() }

func (s *caseloadScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(s.shown) {
		return
	}
	o.(*caseloadRow).show(s.index.Entry(s.shown[id]), s.today())
}

// onSelected opens the person's summary. The selection is cleared so that the same person can
// be opened again on coming back.
func (s *caseloadScreen) onSelected(id widget.ListItemID) {
	s.list.Unselect(id)
	if id < 0 || id >= len(s.shown) {
		return
	}
	s.onOpen(s.index.Entry(s.shown[id]).PatientID)
}

func (s *caseloadScreen) onPrintTapped() { s.onPrint() }

func (s *caseloadScreen) onReportTapped() { s.onReport() }

// setSearchable turns the bar's controls on once there is a caseload to search or print.
func (s *caseloadScreen) setSearchable(on bool) {
	controls := []fyne.Disableable{s.search, s.status}
	if s.print != nil {
		controls = append(controls, s.print)
	}
	if s.report != nil {
		controls = append(controls, s.report)
	}
	for _, c := range controls {
		if on {
			c.Enable()
		} else {
			c.Disable()
		}
	}
}

func (s *caseloadScreen) showBody(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// emptyPanel greets a hub with nobody on its caseload, and offers demo data when the screen
// was given a way to load it.
func (s *caseloadScreen) emptyPanel() fyne.CanvasObject {
	nobody := widget.NewLabel("There is nobody on this hub's caseload yet.")
	nobody.TextStyle.Bold = true
	nobody.Alignment = fyne.TextAlignCenter
	nobody.Wrapping = fyne.TextWrapWord
	panel := container.NewVBox(nobody)
	if s.loadDemo != nil {
		why := widget.NewLabel("To try carehub out, load synthetic patients. They are made up, with NHS numbers from the range kept for testing.")
		why.Wrapping = fyne.TextWrapWord
		why.Alignment = fyne.TextAlignCenter
		s.demo = widget.NewButton(fmt.Sprintf("Load demo data (%d synthetic patients)", demoPatients), s.onLoadDemo)
		s.demo.Importance = widget.HighImportance
		s.demoProgress = widget.NewProgressBar()
		s.demoProgress.Hide()
		s.demoProblem = widget.NewLabel("")
		s.demoProblem.Wrapping = fyne.TextWrapWord
		s.demoProblem.Importance = widget.DangerImportance
		s.demoProblem.Hide()
		panel.Add(why)
		panel.Add(s.demo)
		panel.Add(s.demoProgress)
		panel.Add(s.demoProblem)
	}
	return container.New(&kit.ReadingWidth{Max: 520}, panel)
}

// onLoadDemo loads the demo patients off the UI goroutine, showing progress, then reloads
// the caseload.
func (s *caseloadScreen) onLoadDemo() {
	s.demo.Disable()
	s.demo.SetText("Loading demo data…")
	s.demoProblem.Hide()
	s.demoProgress.SetValue(0)
	s.demoProgress.Show()
	kit.Relayout(s.body)
	var err error
	s.work.run(func() { err = s.loadDemo(demoPatients, s.demoProgressFunc()) },
		func() { s.demoLoaded(err) })
}

// demoProgressFunc reports demo loading progress to the progress bar. It is called off the UI
// goroutine, and posts only whole-percent changes so that a large load does not flood the UI.
func (s *caseloadScreen) demoProgressFunc() func(done, total int) {
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		pct := done * 100 / total
		if pct == last {
			return
		}
		last = pct
		s.work.post(func() { s.demoProgress.SetValue(float64(pct) / 100) })
	}
}

func (s *caseloadScreen) demoLoaded(err error) {
	if err != nil {
		s.demo.Enable()
		s.demo.SetText(fmt.Sprintf("Load demo data (%d synthetic patients)", demoPatients))
		s.demoProgress.Hide()
		s.demoProblem.SetText(fmt.Sprintf("The demo data could not be loaded: %v", err))
		s.demoProblem.Show()
		kit.Relayout(s.body)
		return
	}
	s.load()
}
