package app

import (
	"os"
	"path/filepath"
	"time"

	"carehub/app/service"
	"carehub/careplan"
	"carehub/ui"
)

// The services the desktop wires satisfy the interfaces the screens declare.
var (
	_ ui.Vault       = (*service.Vault)(nil)
	_ ui.Records     = (*service.Records)(nil)
	_ ui.Demo        = (*service.Demo)(nil)
	_ ui.Enrolment   = (*service.Enrolment)(nil)
	_ ui.Plans       = (*service.Plans)(nil)
	_ ui.Outcomes    = (*service.Outcomes)(nil)
	_ ui.Printing    = (*service.Printing)(nil)
	_ ui.Evaluation  = (*service.Evaluation)(nil)
	_ ui.Users       = (*service.Users)(nil)
	_ ui.AuditLog    = (*service.AuditLog)(nil)
	_ ui.Settings    = (*service.Settings)(nil)
	_ ui.Sync        = (*service.Sync)(nil)
	_ ui.Backups     = (*service.Backup)(nil)
	_ ui.Conflicts   = (*service.Conflicts)(nil)
	_ ui.Tablet      = (*service.Tablet)(nil)
	_ ui.TabletSync  = (*service.TabletSync)(nil)
	_ ui.TabletSetup = (*service.TabletSetup)(nil)
	_ ui.Publish     = (*service.Publish)(nil)
)

// UIConfig wires the desktop screens to the store at path: the vault opens it at sign-in, and
// every service reads it through the vault. Call the returned closer when the window has
// closed. OpenFile is left for the desktop package to set, since opening the system's PDF
// viewer needs the running Fyne app.
func UIConfig(path string, now func() time.Time) (ui.Config, func() error) {
	v := service.NewVault(path, now, nil)
	return ui.Config{
		Vault:    v,
		Services: uiServices(service.NewSet(v.Store, service.Options{Now: now, Fonts: PlanFonts()})),
		Today:    func() careplan.Date { return careplan.DateOf(now()) },
		Clock:    now,
	}, v.Close
}

// uiServices are the services as the screens declare them.
func uiServices(svc *service.Set) ui.Services {
	return ui.Services{
		Records:     svc.Records,
		Demo:        svc.Demo,
		Enrolment:   svc.Enrolment,
		Plans:       svc.Plans,
		Outcomes:    svc.Outcomes,
		Printing:    svc.Printing,
		Evaluation:  svc.Evaluation,
		Users:       svc.Users,
		AuditLog:    svc.AuditLog,
		Settings:    svc.Settings,
		Sync:        svc.Sync,
		Conflicts:   svc.Conflicts,
		Tablet:      svc.Tablet,
		TabletSync:  svc.TabletSync,
		TabletSetup: svc.TabletSetup,
		Publish:     svc.Publish,
		Backups:     svc.Backup,
	}
}

// DefaultStorePath is where the desktop app keeps its store when no --db is given: the user's
// own configuration folder, readable only by them.
func DefaultStorePath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "carehub", "carehub.db"), nil
}
