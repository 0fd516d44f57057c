package service

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"carehub/careplan/access"
	"carehub/careplan/backups"
	"carehub/store"
)

// Backup copies the store and checks its integrity: `carehub backup` and `carehub check` on a
// closed store, and the running app's own backups (Back up now, and the daily schedule).
type Backup struct{ base }

// Backup writes a consistent copy of the open store to path.
func (b *Backup) Backup(path string) error {
	st, err := b.store()
	if err != nil {
		return err
	}
	if err := mayExportHub(st); err != nil {
		return err
	}
	if err := checkOutput(st, path, false); err != nil {
		return err
	}
	clearStaleTemps(filepath.Dir(path), b.now())
	// Audited first, so the copy holds the entry that says it was made.
	if err := st.RecordEvent(store.AuditReport, "backup written"); err != nil {
		return err
	}
	if err := st.Backup(path); err != nil {
		return backupProblem(err, filepath.Dir(path))
	}
	return nil
}

// backupProblem says in a line why a backup into folder failed, without the system call's
// wording ("backup: EOF", "rename …: file exists").
func backupProblem(err error, folder string) error {
	if errors.Is(err, store.ErrLiveStore) {
		return err
	}
	cause := errors.Unwrap(err)
	if cause == nil {
		cause = err
	}
	return fmt.Errorf("the backup could not be written to %s (%s): nothing was left there", folder, writeProblem(cause))
}

// Check runs the store's integrity check: a count per record kind and any problems found, and
// the people whose status disagrees with their consent to join (named only to staff who see the
// caseload).
func (b *Backup) Check() (store.Report, error) {
	st, err := b.store()
	if err != nil {
		return store.Report{}, err
	}
	rep, err := st.Check()
	if err == nil && len(rep.ToPutRight) > 0 && mayReadCaseload(st) != nil {
		// Whoever may not see the caseload learns that there are some, not who.
		rep.ToPutRight = []string{"some people (a coordinator sees who with carehub check)"}
	}
	return rep, err
}

// Names of the app's backups in the hub's folder: the time in the name sorts them, and only
// files named so are ever removed to keep the last N.
const (
	backupPrefix = "carehub-backup-"
	backupSuffix = ".carehub"
	backupStamp  = "20060102-150405"
	// staleTemp is how old a backup's temporary file must be before a later backup removes it
	// as left by one that was interrupted (a backup of 30,000 people takes seconds).
	staleTemp = time.Hour
)

// mayBackUp refuses everyone but coordinators and administrators.
func mayBackUp(st *store.Store) error {
	if !st.SignedIn().MakesBackups() {
		return fmt.Errorf("%w: only a coordinator or a hub administrator makes backups and sets where they go", access.ErrNotAllowed)
	}
	return nil
}

// Plan is where and how often the app backs the store up, and when it last did.
func (b *Backup) Plan() (backups.Status, error) {
	st, err := b.store()
	if err != nil {
		return backups.Status{}, err
	}
	if err := mayBackUp(st); err != nil {
		return backups.Status{}, err
	}
	return st.BackupPlan()
}

// SetPlan sets where and how often the app backs the store up. The folder must exist.
func (b *Backup) SetPlan(p backups.Plan) error {
	st, err := b.store()
	if err != nil {
		return err
	}
	if err := mayBackUp(st); err != nil {
		return err
	}
	if err := p.Check(); err != nil {
		return err
	}
	if info, err := os.Stat(p.Folder); err != nil || !info.IsDir() {
		return fmt.Errorf("%s: there is no such folder: make it first, or choose another", p.Folder)
	}
	return st.SetBackupPlan(p)
}

// BackupNow makes a backup into the hub's backup folder at once, keeps the last N there, and
// returns the file it made. Coordinators and administrators only.
func (b *Backup) BackupNow() (string, error) {
	st, err := b.store()
	if err != nil {
		return "", err
	}
	if err := mayBackUp(st); err != nil {
		return "", err
	}
	return b.backUpTo(st)
}

// BackupIfDue makes the daily backup when it is due, whoever is signed in: the schedule was
// set by a coordinator or administrator, and the backup goes only to the folder they chose,
// encrypted like the store. It returns the file made, or "" when none was due.
func (b *Backup) BackupIfDue() (string, error) {
	st, err := b.store()
	if err != nil {
		return "", err
	}
	plan, err := st.BackupPlan()
	if err != nil || !plan.Due(plan.Last, b.now()) {
		return "", err
	}
	return b.backUpTo(st)
}

// backUpTo backs st up into its plan's folder, notes it, and removes the oldest beyond Keep.
func (b *Backup) backUpTo(st *store.Store) (string, error) {
	plan, err := st.BackupPlan()
	if err != nil {
		return "", err
	}
	if err := plan.Check(); err != nil {
		return "", err
	}
	now := b.now()
	clearStaleTemps(plan.Folder, now)
	path := filepath.Join(plan.Folder, backupPrefix+now.Format(backupStamp)+backupSuffix)
	if err := checkOutput(st, path, false); err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		return "", fmt.Errorf("%s: a backup of this second is already there", path)
	}
	if err := st.Backup(path); err != nil {
		return "", backupProblem(err, plan.Folder)
	}
	if err := st.NoteBackup(path, now); err != nil {
		return path, err
	}
	return path, keepLast(plan.Folder, plan.Keep)
}

// keepLast removes the app's oldest backups in folder beyond the newest keep.
func keepLast(folder string, keep int) error {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return err
	}
	var ours []string
	for _, e := range entries {
		if n := e.Name(); e.Type().IsRegular() && strings.HasPrefix(n, backupPrefix) && strings.HasSuffix(n, backupSuffix) {
			ours = append(ours, n)
		}
	}
	sort.Strings(ours)
	for len(ours) > keep {
		if err := os.Remove(filepath.Join(folder, ours[0])); err != nil {
			return err
		}
		ours = ours[1:]
	}
	return nil
}

// tempPrefixes begin the names of the hidden temporary files carehub writes a backup, a CSV,
// a card, a bundle or a printed plan into before renaming it into place.
var tempPrefixes = []string{".carehub-backup-", ".carehub-report-", ".carehub-print-"}

// clearStaleTemps removes the temporary files interrupted writes left in folder: a killed
// backup leaves a hidden file as large as the store, a killed export one as large as the
// export. Only files older than staleTemp are taken, so a write under way is left alone.
func clearStaleTemps(folder string, now time.Time) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !slices.ContainsFunc(tempPrefixes, func(p string) bool { return strings.HasPrefix(e.Name(), p) }) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleTemp {
			os.Remove(filepath.Join(folder, e.Name()))
		}
	}
}
