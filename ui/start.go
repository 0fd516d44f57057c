package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/pam"
)

// Records is what the screens read from the hub's store.
type Records interface {
	// Caseload returns one small entry per person on the hub's caseload.
	Caseload() ([]careplan.CaseloadEntry, error)
	// Patient returns one person's record. The store audits this as a view.
	Patient(id string) (careplan.Patient, error)
	// Plans returns every version of a person's care and support plan, oldest first.
	Plans(patientID string) ([]careplan.Plan, error)
	// Assessments returns a person's PAM assessments, including any entered in error.
	Assessments(patientID string) ([]pam.Assessment, error)
}

// Vault opens the store behind the unlock screen.
type Vault interface {
	// Exists is false on first run, when the unlock screen asks to set a passphrase.
	Exists() bool
	// Open unlocks an existing store with any account's passphrase: the passphrase alone says
	// who is signing in. A wrong passphrase gives an error whose Error() is written for the
	// user and is shown as is.
	Open(passphrase string) error
	// Create makes a new store with its first hub administrator, name, who signs in with
	// the passphrase.
	Create(name, passphrase string) error
	// SignedIn is the account that unlocked the store; screens show or hide what its role
	// can use (the services enforce the same rules).
	SignedIn() access.User
	// Unlock uncovers a locked session: the passphrase must be the signed-in account's own.
	Unlock(passphrase string) error
}

// Config wires the screens.
type Config struct {
	// Vault is the store behind the unlock screen.
	Vault Vault
	// Records reads the caseload and people's records once the vault is open.
	Records Records
	// LoadDemo fills an empty store with synthetic patients, reporting progress as it goes.
	// Nil means the empty caseload offers no demo data.
	LoadDemo func(patients int, progress func(done, total int)) error
	// Today is the current day, for ages and overdue reviews. Nil means the system clock.
	Today func() careplan.Date
	// Printing prints care plans as PDFs. Nil means no print buttons are shown.
	Printing Printing
	// OpenFile shows a saved PDF in the system's viewer. Nil means printed plans are saved
	// but not opened.
	OpenFile func(path string) error
	// Outcomes records PAM assessments and other outcome measures. Nil means the patient
	// screen shows its summary alone, with no Outcomes tab.
	Outcomes Outcomes
	// Evaluation works out the evaluation report and exports its CSV. Nil means the caseload
	// offers no evaluation report.
	Evaluation Evaluation
	// Plans edits, agrees and reviews care plans. Nil means the patient screen has no Care
	// plan tab and plans are read only.
	Plans Plans
	// Enrolment nominates people, records consent, status, care team and contacts, and keeps
	// the staff list and enrolment target. Nil means no nomination form, work queues,
	// dashboard or enrolment buttons are shown.
	Enrolment Enrolment
	// Users adds, resets and deactivates accounts. Nil means no Users screen.
	Users Users
	// Tablet is the patient's own view, shown instead of everything else when a patient's
	// account signs in. Nil means a patient's account cannot use this app.
	Tablet Tablet
	// TabletSync lets the patient update their plan from a file the hub made and send their
	// check-ins back. Nil means the tablet screen offers neither.
	TabletSync TabletSync
	// Settings keeps each person's text size and theme, and the hub's name. Nil means no
	// Settings button.
	Settings Settings
	// TabletSetup writes a patient's own tablet store. Nil means no "Set up tablet…" button.
	TabletSetup TabletSetup
	// AuditLog shows the audit to coordinators and administrators. Nil means no Audit button.
	AuditLog AuditLog
	// Sync pairs devices and makes and imports bundles, for those who sync devices. Nil means
	// no Sync button (a tablet, or an app that does not sync).
	Sync Sync
	// Conflicts lists what two devices changed in the same fields, for those who resolve
	// conflicts. Nil means no Conflicts button.
	Conflicts Conflicts
	// IdleLock is how long the app may sit idle before it locks: 0 means defaultIdleLock,
	// a negative value never locks on idle (the Lock button still works).
	IdleLock time.Duration
	// MayEdit reports whether the signed-in person may change one person's record (their key
	// worker or a coordinator). Nil means anyone signed in may. A person they may not edit
	// opens read only: no Care plan, Outcomes or enrolment tools (the services refuse anyway).
	MayEdit func(patientID string) bool
	// Clock tells the time for the idle lock. Nil means the system clock.
	Clock func() time.Time
}

// defaultIdleLock is how long an unattended laptop shows patient data: five minutes, the usual
// NHS screen-lock expectation, short enough for a laptop left in someone's home.
const defaultIdleLock = 5 * time.Minute

// demoPatients is how many synthetic patients the empty caseload offers to load: enough to
// try search and filters, few enough to load in seconds.
const demoPatients = 500

// Start shows the unlock screen in w, then the caseload once unlocked, and checks for
// idleness every few seconds for the life of the app.
func Start(w fyne.Window, cfg Config) {
	s := startWith(w, cfg, background{})
	go s.watchIdle()
}

// session moves one window between the screens. It holds the open records once unlocked, and
// keeps the caseload screen so that going back to it keeps the search and scroll position.
type session struct {
	w       fyne.Window
	cfg     Config
	work    worker
	files   fileChooser
	records Records
	user    access.User // who signed in; decides which buttons the screens show

	unlock   *unlockScreen
	caseload *caseloadScreen
	patient  *patientScreen    // the summary last opened
	batch    *batchScreen      // batch printing, last opened
	report   *evaluationScreen // the evaluation report, last opened
	enrolled enrolScreens      // nomination, dashboard and staff screens, last opened
	users    *usersScreen      // the accounts screen, last opened
	audit    *auditScreen      // the audit, last opened
	tablet   *tabletScreen     // a patient's own plan, in tablet mode
	settings *settingsScreen   // the settings screen, last opened
	syncing  *syncScreen       // the Sync screen, last opened
	resolve  *conflictsScreen  // the Conflicts screen, last opened
	hubName  string            // the hub's own name, once read
	lock     idleLock          // covers the window when idle or on demand
}

// startWith is Start with the worker chosen by the caller, so tests can run work inline.
func startWith(w fyne.Window, cfg Config, work worker) *session {
	if cfg.Today == nil {
		cfg.Today = func() careplan.Date { return careplan.DateOf(time.Now()) }
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.IdleLock == 0 {
		cfg.IdleLock = defaultIdleLock
	}
	s := &session{w: w, cfg: cfg, files: fyneFiles{}}
	s.lock.init(cfg.Clock)
	// Every job a screen starts (a load, an autosave, a search) counts as someone at work.
	s.work = activeWorker{worker: work, touch: s.lock.touch}
	s.showUnlock()
	return s
}

func (s *session) showUnlock() {
	s.unlock = newUnlockScreen(s.cfg.Vault, s.work, s.unlocked)
	s.w.SetTitle("carehub")
	s.w.SetContent(s.unlock.root)
	if s.unlock.name != nil {
		s.w.Canvas().Focus(s.unlock.name) // first run: the administrator's name comes first
		return
	}
	s.w.Canvas().Focus(s.unlock.passphrase)
}

// unlocked is called on the UI goroutine once the store is open.
func (s *session) unlocked() {
	s.records = s.cfg.Records
	s.user = s.cfg.Vault.SignedIn()
	if s.user.Role == access.Patient {
		s.showTablet() // a patient never reaches the caseload or any hub screen
		return
	}
	var onPrint func()
	if s.cfg.Printing != nil {
		onPrint = s.openBatch
	}
	var onReport func()
	if s.cfg.Evaluation != nil {
		onReport = s.openEvaluation
	}
	s.caseload = newCaseloadScreen(s.records, s.work, s.cfg.Today, s.cfg.LoadDemo, s.openPatient, onPrint, onReport)
	s.addEnrolment()
	s.addAccountBar()
	s.showCaseload()
	s.caseload.load()
}

func (s *session) showCaseload() {
	if s.patient != nil {
		s.patient.leave()
	}
	s.w.SetTitle(s.titled("caseload"))
	s.w.SetContent(s.caseload.root)
}

func (s *session) openPatient(id string) {
	if s.patient != nil {
		s.patient.leave()
	}
	if s.cfg.MayEdit != nil && !s.cfg.MayEdit(id) {
		s.patient = newPatientScreen(s.records, s.work, s.cfg.Today(), s.printTools(), nil, s.showCaseload)
	} else {
		s.patient = newPatientScreen(s.records, s.work, s.cfg.Today(), s.printTools(), s.outcomeTools(), s.showCaseload)
		s.patient.planTools = s.planTools()
		s.patient.enrol = s.enrolTools()
	}
	if s.cfg.Plans != nil {
		// Reading what the person said on their tablet is part of seeing their summary, so
		// it does not follow MayEdit either.
		s.patient.checkIns = s.cfg.Plans
	}
	if s.cfg.Conflicts != nil {
		// Anyone reading the record should know a value in it is disputed, so this does not
		// follow MayEdit or who may resolve conflicts.
		s.patient.conflict = s.cfg.Conflicts
	}
	if s.cfg.Sync != nil {
		s.patient.tabletOf = s.cfg.Sync // like the conflict notice: for anyone reading the record
	}
	// Tablets are the hub's to hand out, not the key worker's, so this does not follow MayEdit.
	s.patient.tablets = s.tabletTools()
	s.w.SetTitle("carehub — patient summary")
	s.w.SetContent(s.patient.root)
	s.patient.load(id)
}

// printTools gathers what the print buttons need, or nil when the app offers no printing.
func (s *session) printTools() *printTools {
	if s.cfg.Printing == nil {
		return nil
	}
	return &printTools{printing: s.cfg.Printing, openFile: s.cfg.OpenFile, files: s.files, w: s.w}
}

// outcomeTools gathers what the Outcomes tab needs, or nil when the app records no outcomes.
func (s *session) outcomeTools() *outcomeTools {
	if s.cfg.Outcomes == nil {
		return nil
	}
	return &outcomeTools{outcomes: s.cfg.Outcomes, w: s.w}
}

// openBatch shows batch printing for the people on the caseload.
func (s *session) openBatch() {
	s.batch = newBatchScreen(s.printTools(), s.work, s.cfg.Today(), keyWorkersIn(s.caseload.index), s.showCaseload)
	s.w.SetTitle("carehub — print plans")
	s.w.SetContent(s.batch.root)
	s.batch.refreshPreview()
}

// openEvaluation shows the evaluation report, with the practices and key workers on the
// caseload to choose from.
func (s *session) openEvaluation() {
	ix := s.caseload.index
	practices := namesIn(ix, func(e careplan.CaseloadEntry) string { return e.Practice })
	workers := namesIn(ix, func(e careplan.CaseloadEntry) string { return e.KeyWorker })
	s.report = newEvaluationScreen(s.cfg.Evaluation, s.work, s.files, s.w, s.cfg.Today(), practices, workers, s.showCaseload)
	s.w.SetTitle("carehub — evaluation report")
	s.w.SetContent(s.report.root)
}
