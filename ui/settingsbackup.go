package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
	"carehub/careplan/backups"
	"carehub/ui/kit"
)

// Backups is what the app's own backups need: the hub's schedule, a backup made at once, and
// the daily one when it is due.
type Backups interface {
	// Plan is where and how often the app backs up, and when it last did (coordinators and
	// administrators).
	Plan() (backups.Status, error)
	// SetPlan sets it (coordinators and administrators); the folder must exist.
	SetPlan(p backups.Plan) error
	// BackupNow backs up into the hub's folder at once and returns the file made.
	BackupNow() (string, error)
	// BackupIfDue makes the daily backup when it is due, whoever is signed in, and returns
	// the file made, or "" when none was due.
	BackupIfDue() (string, error)
}

// backupPart is the Settings screen's "Backups" section, for coordinators and administrators:
// the folder backups go to, how many to keep, whether the app makes one a day by itself, and
// Back up now. The store stays open and in use while a backup is made.
type backupPart struct {
	backups Backups
	work    worker
	files   kit.FileChooser
	w       fyne.Window

	folder     *widget.Label // the folder chosen, or words saying there is none
	folderPath string
	choose     *widget.Button
	keep       *widget.Entry
	daily      *widget.Check
	save       *widget.Button
	now        *widget.Button
	last       *widget.Label // when the last backup was made, and where
	said       *widget.Label
	root       fyne.CanvasObject
}

func newBackupPart(b Backups, work worker, files kit.FileChooser, w fyne.Window) *backupPart {
	p := &backupPart{backups: b, work: work, files: files, w: w}
	p.folder = widget.NewLabel("No folder chosen")
	p.folder.Wrapping = fyne.TextWrapWord
	p.choose = widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), p.onChoose)
	p.keep = widget.NewEntry()
	p.keep.SetText(strconv.Itoa(backups.DefaultKeep))
	p.daily = widget.NewCheck("Back up every day while carehub is open", nil)
	p.save = widget.NewButtonWithIcon("Save backup settings", theme.DocumentSaveIcon(), p.onSave)
	p.now = widget.NewButtonWithIcon("Back up now", theme.UploadIcon(), p.onBackupNow)
	p.now.Importance = widget.HighImportance
	p.last = widget.NewLabel("")
	p.last.Wrapping = fyne.TextWrapWord
	p.said = kit.NewProblemLabel()
	p.root = kit.Section("Backups",
		kit.Quiet("carehub copies the whole store, encrypted like the store itself, into a folder you choose "+
			"(another drive, or where the trust keeps encrypted data), while everyone keeps working. "+
			"Only the newest backups are kept there; older ones are removed."),
		kit.Grid(kit.Field{Name: "Folder", Widget: container.NewBorder(nil, nil, nil, p.choose, p.folder)},
			kit.Field{Name: "Backups to keep", Widget: p.keep}),
		p.daily, p.last, p.said, container.NewHBox(p.save, p.now))
	return p
}

// load reads the schedule in the worker.
func (p *backupPart) load() {
	var (
		st  backups.Status
		err error
	)
	p.work.run(func() { st, err = p.backups.Plan() }, func() { p.loaded(st, err) })
}

func (p *backupPart) loaded(st backups.Status, err error) {
	if err != nil {
		kit.SetProblem(p.said, "The backup settings could not be read: "+kit.OneLine(err))
		return
	}
	p.showFolder(st.Folder)
	p.keep.SetText(strconv.Itoa(st.Keep))
	p.daily.SetChecked(st.Daily)
	p.showLast(st.Last, st.LastPath)
}

func (p *backupPart) showFolder(path string) {
	p.folderPath = path
	if path == "" {
		p.folder.SetText("No folder chosen")
		return
	}
	p.folder.SetText(path)
}

func (p *backupPart) showLast(at time.Time, path string) {
	if at.IsZero() {
		p.last.SetText("No backup made by this app yet.")
		return
	}
	p.last.SetText("Last backup: " + whenText(at) + ", " + path)
}

func (p *backupPart) onChoose() { p.files.Folder(p.w, p.showFolder) }

// plan is the schedule as the fields say, or why it cannot be.
func (p *backupPart) plan() (backups.Plan, error) {
	keep, err := strconv.Atoi(strings.TrimSpace(p.keep.Text))
	if err != nil {
		return backups.Plan{}, backups.ErrKeep
	}
	plan := backups.Plan{Folder: p.folderPath, Keep: keep, Daily: p.daily.Checked}
	return plan, plan.Check()
}

func (p *backupPart) onSave() {
	plan, err := p.plan()
	if err != nil {
		p.problem(err)
		return
	}
	p.enable(false)
	p.work.run(func() { err = p.backups.SetPlan(plan) }, func() {
		p.enable(true)
		if err != nil {
			p.problem(err)
			return
		}
		p.said.Importance = widget.SuccessImportance
		kit.SetProblem(p.said, "Backup settings saved.")
	})
}

// onBackupNow saves the settings first when they changed, so the backup goes where the
// screen says.
func (p *backupPart) onBackupNow() {
	plan, err := p.plan()
	if err != nil {
		p.problem(err)
		return
	}
	p.enable(false)
	p.said.Importance = widget.MediumImportance
	kit.SetProblem(p.said, "Backing up… carehub stays usable meanwhile.")
	var path string
	p.work.run(func() {
		if err = p.backups.SetPlan(plan); err == nil {
			path, err = p.backups.BackupNow()
		}
	}, func() {
		p.enable(true)
		if err != nil {
			p.problem(err)
			return
		}
		p.showLast(time.Now(), path)
		p.said.Importance = widget.SuccessImportance
		kit.SetProblem(p.said, "Backed up to "+path+".")
	})
}

func (p *backupPart) problem(err error) {
	p.said.Importance = widget.DangerImportance
	kit.SetProblem(p.said, fmt.Sprintf("Not done: %s", kit.OneLine(err)))
}

func (p *backupPart) enable(on bool) {
	for _, b := range []*widget.Button{p.save, p.now, p.choose} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// backupCheckEvery is how often the app looks whether the daily backup is due.
const backupCheckEvery = 10 * time.Minute

// watchBackups looks, for the life of the app, whether the daily backup is due. It only posts
// to the UI goroutine.
func (s *session) watchBackups() {
	t := time.NewTicker(backupCheckEvery)
	defer t.Stop()
	for range t.C {
		s.work.post(s.backupIfDue)
	}
}

// backupIfDue makes the daily backup when one is due and the store is open and unlocked. It
// runs off the UI goroutine and does not count as someone at work, so it never holds off the
// idle lock. A failure is said once in a dialog (the same failure again, every ten minutes,
// would only be in the way).
func (s *session) backupIfDue() {
	if !s.signedIn || s.lock.locked || s.backing || s.user.Role == access.Patient {
		return
	}
	s.backing = true
	var err error
	s.quiet.run(func() { _, err = s.svc.Backups.BackupIfDue() }, func() {
		s.backing = false
		if err == nil {
			s.backupProblem = ""
			return
		}
		if said := kit.OneLine(err); said != s.backupProblem {
			s.backupProblem = said
			dialog.ShowInformation("The daily backup was not made", said+
				"\n\nA coordinator or administrator can choose another folder in Settings → Backups.", s.w)
		}
	})
}
