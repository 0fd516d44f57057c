package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/ui/kit"
)

// Choices that mean "no filter" in the audit screen's selects.
const (
	anyUser   = "Anyone"
	anyAction = "Any action"
)

// auditActions are the actions the audit records, in the order offered.
func auditActions() []string {
	return []string{anyAction, "viewed", "created", "updated", "deleted", "report"}
}

// auditColumns are the audit list's column weights: time, user, action, record, patient, detail.
func auditColumns() *kit.Columns {
	return &kit.Columns{Weights: []float32{1.3, 1.1, 0.8, 0.9, 2.2, 2.4}}
}

// auditScreen shows the audit, read only, with filters and a CSV export for an information-
// governance request. Nothing on it can change an entry.
type auditScreen struct {
	log    AuditLog
	work   worker
	files  kit.FileChooser
	w      fyne.Window
	onBack func()

	rows  []access.AuditRow // what the list shows, newest first
	users []string          // everyone the unfiltered audit names, for the user filter

	patient  *kit.Entry
	user     *widget.Select
	action   *widget.Select
	from, to *kit.Entry
	show     *widget.Button
	export   *widget.Button
	count    *widget.Label
	problem  *widget.Label
	list     *widget.List
	root     fyne.CanvasObject
}

func newAuditScreen(log AuditLog, work worker, files kit.FileChooser, w fyne.Window, onBack func()) *auditScreen {
	s := &auditScreen{log: log, work: work, files: files, w: w, onBack: onBack}
	s.patient = kit.NewTextEntry()
	s.patient.SetPlaceHolder("Patient")
	s.patient.OnSubmitted = s.onSubmitted
	s.user = widget.NewSelect([]string{anyUser}, nil)
	s.user.SetSelected(anyUser)
	s.action = widget.NewSelect(auditActions(), nil)
	s.action.SetSelected(anyAction)
	s.from = kit.NewTextEntry()
	s.from.SetPlaceHolder("From YYYY-MM-DD")
	s.to = kit.NewTextEntry()
	s.to.SetPlaceHolder("To YYYY-MM-DD")
	s.show = widget.NewButtonWithIcon("Show", theme.SearchIcon(), s.onShow)
	s.show.Importance = widget.HighImportance
	s.export = widget.NewButtonWithIcon("Export CSV…", theme.DownloadIcon(), s.onExport)
	s.count = widget.NewLabel("")
	s.problem = kit.NewProblemLabel()
	s.list = widget.NewList(s.length, s.newRow, s.updateRow)

	back := widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	title := kit.Subheading("Audit: who saw and changed what", widget.MediumImportance)
	filters := container.NewGridWithColumns(5, s.patient, s.user, s.action, s.from, s.to)
	head := container.New(auditColumns(), kit.Bold("When (UK time)"), kit.Bold("Who"), kit.Bold("Action"),
		kit.Bold("Record"), kit.Bold("Patient"), kit.Bold("What changed"))
	top := container.NewVBox(container.NewHBox(back, title),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.show, s.export), filters),
		container.NewHBox(s.count, s.problem), head)
	s.root = container.NewBorder(top, nil, nil, nil, s.list)
	return s
}

func (s *auditScreen) onBackTapped()      { s.onBack() }
func (s *auditScreen) onSubmitted(string) { s.onShow() }

// filter reads the filter fields; a date that cannot be read is shown as a problem.
func (s *auditScreen) filter() (access.AuditFilter, bool) {
	f := access.AuditFilter{Patient: strings.TrimSpace(s.patient.Text)}
	if s.user.Selected != anyUser {
		f.User = s.user.Selected
	}
	if s.action.Selected != anyAction {
		f.Action = s.action.Selected
	}
	for _, d := range []struct {
		entry *kit.Entry
		into  *careplan.Date
	}{{s.from, &f.From}, {s.to, &f.To}} {
		if strings.TrimSpace(d.entry.Text) == "" {
			continue
		}
		day, err := careplan.ParseDate(d.entry.Text)
		if err != nil {
			kit.SetProblem(s.problem, kit.Sentence(err.Error())+".")
			return f, false
		}
		*d.into = day
	}
	kit.SetProblem(s.problem, "")
	return f, true
}

// load reads the whole audit once, to learn whose names to offer, then shows it.
func (s *auditScreen) load() { s.read(access.AuditFilter{}, true) }

func (s *auditScreen) onShow() {
	if f, ok := s.filter(); ok {
		s.read(f, false)
	}
}

func (s *auditScreen) read(f access.AuditFilter, learnUsers bool) {
	s.show.Disable()
	s.count.SetText("Reading the audit…")
	var (
		rows []access.AuditRow
		err  error
	)
	s.work.run(func() { rows, err = s.log.Audit(f) }, func() { s.shown(rows, err, learnUsers) })
}

func (s *auditScreen) shown(rows []access.AuditRow, err error, learnUsers bool) {
	s.show.Enable()
	if err != nil {
		s.count.SetText("")
		kit.SetProblem(s.problem, fmt.Sprintf("The audit could not be read: %v", err))
		return
	}
	s.rows = rows
	if learnUsers {
		s.learnUsers(rows)
	}
	s.count.SetText(fmt.Sprintf("%s entries", thousands(len(rows))))
	s.list.Refresh()
}

// learnUsers offers everyone the audit names in the user filter.
func (s *auditScreen) learnUsers(rows []access.AuditRow) {
	seen := map[string]bool{}
	s.users = []string{anyUser}
	for _, r := range rows {
		if r.User != "" && !seen[r.User] {
			seen[r.User] = true
			s.users = append(s.users, r.User)
		}
	}
	s.user.SetOptions(s.users)
}

func (s *auditScreen) onExport() {
	f, ok := s.filter()
	if !ok {
		return
	}
	s.files.SaveFile(s.w, "Save the audit as CSV", "carehub-audit.csv", func(path string) { s.exportTo(f, path) })
}

func (s *auditScreen) exportTo(f access.AuditFilter, path string) {
	s.export.Disable()
	var (
		rows int
		err  error
	)
	s.work.run(func() { rows, err = s.log.ExportCSV(f, path) }, func() { s.exported(path, rows, err) })
}

func (s *auditScreen) exported(path string, rows int, err error) {
	s.export.Enable()
	if err != nil {
		kit.SetProblem(s.problem, fmt.Sprintf("The CSV could not be written: %v", err))
		return
	}
	s.count.SetText(fmt.Sprintf("%s entries written to %s", thousands(rows), path))
}

func (s *auditScreen) length() int { return len(s.rows) }

// auditLine is one row of the audit list, with a label per column.
type auditLine struct {
	when, who, action, record, patient, detail *widget.Label
	root                                       *fyne.Container
}

func (s *auditScreen) newRow() fyne.CanvasObject {
	l := &auditLine{}
	labels := []**widget.Label{&l.when, &l.who, &l.action, &l.record, &l.patient, &l.detail}
	objs := make([]fyne.CanvasObject, len(labels))
	for i, p := range labels {
		*p = widget.NewLabel("")
		(*p).Truncation = fyne.TextTruncateEllipsis
		objs[i] = *p
	}
	l.root = container.New(auditColumns(), objs...)
	w := &auditRowWidget{line: l}
	w.ExtendBaseWidget(w)
	return w
}

func (s *auditScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := s.rows[i]
	l := o.(*auditRowWidget).line
	l.when.SetText(careplan.UKTime(r.Time).Format("2006-01-02 15:04")) // the same day the filter uses
	l.who.SetText(r.User)
	l.action.SetText(r.Action)
	l.record.SetText(r.Record)
	l.patient.SetText(r.Patient)
	l.detail.SetText(r.Detail)
}

// auditRowWidget lets the list recycle an auditLine without digging through its container.
type auditRowWidget struct {
	widget.BaseWidget
	line *auditLine
}

// CreateRenderer draws the row's columns.
func (w *auditRowWidget) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(w.line.root)
}
