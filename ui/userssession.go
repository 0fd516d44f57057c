package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
)

// addAccountBar puts a row above the caseload saying who is signed in, with the buttons their
// role may use (Audit, Users, Settings) and Lock. It has a row of its own so the search box
// keeps its width however many buttons a role has.
func (s *session) addAccountBar() {
	who := widget.NewLabel(fmt.Sprintf("Signed in: %s (%s)", s.user.Name, s.user.Role))
	s.caseload.account = container.NewHBox(who, layout.NewSpacer())
	s.addSyncButtons()
	s.addAuditButton()
	s.addUsersButton()
	s.addSettingsButton()
	s.addLockButton()
	s.caseload.root = container.NewBorder(s.caseload.account, nil, nil, nil, s.caseload.root)
}

// addUsersButton puts a Users button on the account bar for an administrator.
func (s *session) addUsersButton() {
	if !s.user.ManagesUsers() {
		return
	}
	b := widget.NewButtonWithIcon("Users", theme.AccountIcon(), s.openUsers)
	s.caseload.account.Add(b)
	s.caseload.usersButton = b
}

// openUsers shows the hub's accounts for an administrator.
func (s *session) openUsers() {
	u := newUsersScreen(s.svc.Users, s.work, s.showCaseload)
	s.users = u
	s.w.SetTitle("carehub — users")
	s.w.SetContent(u.root)
	u.load()
}

// addAuditButton puts an Audit button on the caseload's bar for those who may read it.
func (s *session) addAuditButton() {
	if !s.user.ViewsAudit() {
		return
	}
	b := widget.NewButtonWithIcon("Audit", theme.HistoryIcon(), s.openAudit)
	s.caseload.account.Add(b)
	s.caseload.auditButton = b
}

// openAudit shows the audit, read only.
func (s *session) openAudit() {
	a := newAuditScreen(s.svc.AuditLog, s.work, s.files, s.w, s.showCaseload)
	s.audit = a
	s.w.SetTitle("carehub — audit")
	s.w.SetContent(a.root)
	a.load()
}

// showTablet is the only screen a patient's account sees.
func (s *session) showTablet() {
	files := &tabletSyncTools{sync: s.svc.TabletSync, files: s.files, w: s.w, now: s.cfg.Clock}
	t := newTabletScreen(s.svc.Tablet, s.work, fyne.CurrentApp(), s.cfg.Today, files)
	s.tablet = t
	s.w.SetTitle("My care plan")
	s.w.SetContent(t.root)
	t.load()
}

// addSettingsButton puts a Settings button on the caseload's bar, and applies the signed-in
// person's own text size and theme.
func (s *session) addSettingsButton() {
	b := widget.NewButtonWithIcon("Settings", theme.SettingsIcon(), s.openSettings)
	s.caseload.account.Add(b)
	s.caseload.settingsButton = b
	var (
		p    access.Preferences
		hub  string
		logo []byte
		err  error
	)
	s.work.run(func() {
		if p, err = s.svc.Settings.Preferences(); err == nil {
			hub, err = s.svc.Settings.HubName()
		}
		if err == nil {
			// A logo that cannot be read only leaves the header plain.
			logo, _ = s.svc.Settings.HubLogo()
		}
	}, func() {
		if err != nil {
			return // the defaults stand; the Settings screen will say what went wrong
		}
		applyPreferences(fyne.CurrentApp(), p)
		s.hubChanged(hub, logo)
	})
}

// hubChanged shows the hub's name and logo on the caseload and in the window's title.
func (s *session) hubChanged(name string, logo []byte) {
	s.hubName = name
	s.caseload.showHub(name, logo)
	if s.w.Content() == s.caseload.root {
		s.w.SetTitle(s.titled("caseload"))
	}
}

// titled names the window with the hub, when it has a name, so a laptop shared between hubs
// shows whose records are open.
func (s *session) titled(what string) string {
	if s.hubName == "" {
		return "carehub — " + what
	}
	return "carehub — " + s.hubName + " — " + what
}

// openSettings shows the person's own settings (and the hub's, for an administrator).
func (s *session) openSettings() {
	var publish Publish
	if s.user.ManagesSettings() {
		publish = s.svc.Publish
	}
	var backups Backups
	if s.user.MakesBackups() {
		backups = s.svc.Backups
	}
	st := newSettingsScreen(s.svc.Settings, publish, backups, s.work, fyne.CurrentApp(), s.files, s.w,
		s.user.ManagesSettings(), s.showCaseload, s.hubChanged)
	s.settings = st
	s.w.SetTitle(s.titled("settings"))
	s.w.SetContent(st.root)
	st.load()
}
