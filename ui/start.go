package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/ui/kit"
)

// Records is what the screens read of the hub's caseload and one person's record. A person's
// plans are read through Plans and their measures through Outcomes: one route to each kind of
// record.
type Records interface {
	// Caseload returns one small entry per person on the hub's caseload.
	Caseload() ([]careplan.CaseloadEntry, error)
	// Patient returns one person's record. The store audits this as a view.
	Patient(id string) (careplan.Patient, error)
	// MayEdit reports whether the signed-in person may change one person's record (their key
	// worker or a coordinator). Someone they may not edit opens read only: no Care plan,
	// Outcomes or enrolment tools (the services refuse the changes anyway).
	MayEdit(patientID string) bool
	// ReadOnlyBecause says why the signed-in person may not change one person's record, in
	// words the record shows above itself ("" when they may change it).
	ReadOnlyBecause(patientID string) string
	// MyCaseload is the key worker name the signed-in person's own caseload is filed under
	// ("" when their account is not a key worker's linked to a staff record).
	MyCaseload() string
}

// Demo fills an empty hub with synthetic people, for trying carehub out.
type Demo interface {
	// LoadDemo loads patients synthetic people, reporting progress as it goes.
	LoadDemo(patients int, progress func(done, total int)) error
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
	// the passphrase; coordinates makes the same person a coordinator too, with a staff record.
	Create(name, passphrase string, coordinates bool) error
	// SignedIn is the account that unlocked the store; screens show or hide what its role
	// can use (the services enforce the same rules).
	SignedIn() access.User
	// Unlock uncovers a locked session: the passphrase must be the signed-in account's own.
	Unlock(passphrase string) error
	// Names lists the active staff accounts one may sign in as, sorted; it needs no key, so
	// the unlock screen offers them. Empty means the passphrase alone signs in (Open).
	Names() ([]string, error)
	// OpenAs unlocks an existing store as the named account, trying that account's
	// passphrase only. A wrong passphrase is "not right for" that name.
	OpenAs(name, passphrase string) error
	// SwitchTo ends the locked session and signs in as the named account: the lock screen's
	// "sign in as someone else". A wrong passphrase leaves the locked session as it was.
	SwitchTo(name, passphrase string) error
}

// Services are the use cases the screens call, each declared by the screen that uses it. Every
// one is required: what a person sees is decided by their role (the signed-in access.User),
// never by a service left out, and the services check the same role again.
type Services struct {
	Records     Records
	Demo        Demo
	Enrolment   Enrolment
	Plans       Plans
	Outcomes    Outcomes
	Printing    Printing
	Evaluation  Evaluation
	Users       Users
	AuditLog    AuditLog
	Settings    Settings
	Sync        Sync
	Conflicts   Conflicts
	Tablet      Tablet
	TabletSync  TabletSync
	TabletSetup TabletSetup
	Publish     Publish
	Backups     Backups
}

// missing names the services left out, for the one error a wiring mistake gives.
func (s Services) missing() []string {
	var out []string
	for name, set := range map[string]bool{
		"Records": s.Records != nil, "Demo": s.Demo != nil, "Enrolment": s.Enrolment != nil,
		"Plans": s.Plans != nil, "Outcomes": s.Outcomes != nil, "Printing": s.Printing != nil,
		"Evaluation": s.Evaluation != nil, "Users": s.Users != nil, "AuditLog": s.AuditLog != nil,
		"Settings": s.Settings != nil, "Sync": s.Sync != nil, "Conflicts": s.Conflicts != nil,
		"Tablet": s.Tablet != nil, "TabletSync": s.TabletSync != nil, "TabletSetup": s.TabletSetup != nil,
		"Publish": s.Publish != nil, "Backups": s.Backups != nil,
	} {
		if !set {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Config wires the screens: the vault and the services are required; the rest have defaults.
type Config struct {
	// Vault is the store behind the unlock screen.
	Vault Vault
	// Services are what the screens call once the vault is open.
	Services Services
	// Today is the current day, for ages and overdue reviews. Nil means the system clock.
	Today func() careplan.Date
	// Clock tells the time for the idle lock. Nil means the system clock.
	Clock func() time.Time
	// IdleLock is how long the app may sit idle before it locks: 0 means defaultIdleLock,
	// a negative value never locks on idle (the Lock button still works).
	IdleLock time.Duration
	// OpenFile shows a saved PDF in the system's viewer, which needs the running app. Nil
	// means printed plans are saved but not opened.
	OpenFile func(path string) error
}

// Check says what a Config lacks for the screens to run: its vault, or any of its services.
func (c Config) Check() error {
	if c.Vault == nil {
		return errors.New("ui: Config.Vault is not set")
	}
	if m := c.Services.missing(); len(m) > 0 {
		return fmt.Errorf("ui: Config.Services lacks %s", strings.Join(m, ", "))
	}
	return nil
}

// defaultIdleLock is how long an unattended laptop shows patient data: five minutes, the usual
// NHS screen-lock expectation, short enough for a laptop left in someone's home.
const defaultIdleLock = 5 * time.Minute

// demoPatients is how many synthetic patients the empty caseload offers to load: enough to
// try search and filters, few enough to load in seconds.
const demoPatients = 500

// Start shows the unlock screen in w, then the caseload once unlocked, and checks for
// idleness every few seconds for the life of the app. It refuses a Config without its vault
// or any of its services.
func Start(w fyne.Window, cfg Config) error {
	// carehub's readable colours from the first screen, before anyone's own settings apply.
	fyne.CurrentApp().Settings().SetTheme(scaledTheme{Theme: theme.DefaultTheme(), scale: 1})
	s, err := startWith(w, cfg, background{})
	if err != nil {
		return err
	}
	go s.watchIdle()
	go s.watchBackups()
	return nil
}

// session moves one window between the screens. It holds the open records once unlocked, and
// keeps the caseload screen so that going back to it keeps the search and scroll position.
type session struct {
	w        fyne.Window
	cfg      Config
	svc      Services
	work     worker
	files    kit.FileChooser
	signedIn bool
	user     access.User // who signed in; decides which buttons the screens show

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
	quiet    worker            // runs work that is not someone at work (the daily backup)
	backing  bool              // the daily backup is running
	// backupProblem is the daily backup's last failure, as said, so it is said once.
	backupProblem string
	quit          func()      // Ctrl+Q and File › Quit: the app's Quit; tests record instead
	gate          *switchGate // holds this person's screens' work while someone else signs in
}

// forgetScreens drops every screen opened in the session so far, for someone else signing in.
func (s *session) forgetScreens() {
	if s.patient != nil {
		s.patient.leave()
	}
	s.caseload, s.patient, s.batch, s.report, s.tablet = nil, nil, nil, nil, nil
	s.enrolled = enrolScreens{}
	s.users, s.audit, s.settings, s.syncing, s.resolve = nil, nil, nil, nil, nil
}

// startWith is Start with the worker chosen by the caller, so tests can run work inline.
func startWith(w fyne.Window, cfg Config, work worker) (*session, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Today == nil {
		cfg.Today = func() careplan.Date { return careplan.DateOf(time.Now()) }
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.IdleLock == 0 {
		cfg.IdleLock = defaultIdleLock
	}
	s := &session{w: w, cfg: cfg, svc: cfg.Services, files: kit.FyneFiles{}, quiet: work, quit: fyne.CurrentApp().Quit}
	s.lock.init(cfg.Clock)
	// Every job a screen starts (a load, an autosave, a search) counts as someone at work.
	s.gate = &switchGate{}
	s.work = activeWorker{worker: work, touch: s.lock.touch, gate: s.gate}
	s.addKeyboard()
	s.showUnlock()
	return s, nil
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
	s.signedIn = true
	s.user = s.cfg.Vault.SignedIn()
	if s.user.Role == access.Patient {
		s.showTablet() // a patient never reaches the caseload or any hub screen
		return
	}
	s.caseload = newCaseloadScreen(s.svc.Records, s.work, s.cfg.Today, s.svc.Demo.LoadDemo, s.openPatient, s.openBatch, s.openEvaluation)
	s.addEnrolment()
	s.addAccountBar()
	s.addHubShortcuts()
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
	readers := patientReaders{records: s.svc.Records, plans: s.svc.Plans, measures: s.svc.Outcomes,
		// What the person said on their tablet, a disputed value in their record and how current
		// their tablet is are part of reading the record: for anyone who may open it.
		checkIns: s.svc.Plans, conflict: s.svc.Conflicts, tabletOf: s.svc.Sync}
	if !s.svc.Records.MayEdit(id) {
		s.patient = newPatientScreen(readers, s.work, s.cfg.Today(), s.printTools(), nil, s.showCaseload)
	} else {
		s.patient = newPatientScreen(readers, s.work, s.cfg.Today(), s.printTools(), s.outcomeTools(), s.showCaseload)
		s.patient.planTools = s.planTools()
		s.patient.enrol = s.enrolTools()
	}
	// Tablets are the hub's to hand out, not the key worker's, so this does not follow MayEdit.
	s.patient.tablets = s.tabletTools()
	s.w.SetTitle("carehub — patient summary")
	s.w.SetContent(s.patient.root)
	s.patient.load(id)
}

// printTools gathers what the print buttons need.
func (s *session) printTools() *printTools {
	return &printTools{printing: s.svc.Printing, openFile: s.cfg.OpenFile, files: s.files, w: s.w}
}

// outcomeTools gathers what the Outcomes tab needs.
func (s *session) outcomeTools() *outcomeTools {
	return &outcomeTools{outcomes: s.svc.Outcomes, w: s.w, me: s.recorder()}
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
	s.report = newEvaluationScreen(s.svc.Evaluation, s.work, s.files, s.w, s.cfg.Today(), practices, workers, s.showCaseload)
	s.w.SetTitle("carehub — evaluation report")
	s.w.SetContent(s.report.root)
}
