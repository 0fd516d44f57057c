package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan/access"
)

// fakeSettings keeps one person's settings and the hub's name and logo in memory.
type fakeSettings struct {
	prefs     access.Preferences
	hub       string
	logo      []byte
	logoSaves int
}

func (f *fakeSettings) Preferences() (access.Preferences, error)   { return f.prefs, nil }
func (f *fakeSettings) SavePreferences(p access.Preferences) error { f.prefs = p; return nil }
func (f *fakeSettings) HubName() (string, error)                   { return f.hub, nil }
func (f *fakeSettings) SetHubName(n string) error                  { f.hub = n; return nil }
func (f *fakeSettings) HubLogo() ([]byte, error)                   { return f.logo, nil }
func (f *fakeSettings) SetHubLogo(b []byte) error {
	f.logoSaves++
	f.logo = b
	return nil
}

func settingsSession(t *testing.T, user access.User, set *fakeSettings) *session {
	t.Helper()
	v := &fakeVault{exists: true, right: "correct horse", records: testRecords(), user: user}
	s, _ := newTestSession(t, Config{Vault: v, Settings: set})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	return s
}

func TestSettingsApplyAtSignInAndOnSave(t *testing.T) {
	set := &fakeSettings{prefs: access.Preferences{TextSize: access.TextLarge}, hub: "Mendip complex care hub"}
	s := settingsSession(t, access.User{Name: "Ada", Role: access.Administrator, Active: true}, set)
	normal := theme.DefaultTheme().Size(theme.SizeNameText)
	if got := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); got != normal*1.25 {
		t.Errorf("text size at sign-in %v, want %v", got, normal*1.25)
	}
	if s.w.Title() != "carehub — Mendip complex care hub — caseload" {
		t.Errorf("title %q", s.w.Title())
	}
	test.Tap(s.caseload.settingsButton)
	st := s.settings
	if st.size.Selected != "large" || st.hub.Text != "Mendip complex care hub" {
		t.Fatalf("settings shown: %q, %q", st.size.Selected, st.hub.Text)
	}
	test.AssertRendersToMarkup(t, "settings.xml", s.w.Canvas())
	st.size.SetSelected("normal")
	st.variant.SetSelected("dark")
	st.hub.SetText("Taunton Deane hub")
	test.Tap(st.save)
	if set.prefs.Theme != access.ThemeDark || set.hub != "Taunton Deane hub" {
		t.Errorf("saved %+v, %q", set.prefs, set.hub)
	}
	th := fyne.CurrentApp().Settings().Theme()
	if th.Size(theme.SizeNameText) != normal || th.Color(theme.ColorNameBackground, theme.VariantLight) != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("the saved settings were not applied")
	}
}

func TestHubNameOnlyForAdministrators(t *testing.T) {
	set := &fakeSettings{hub: "Mendip"}
	s := settingsSession(t, access.User{Name: "Jo", Role: access.Coordinator, Active: true}, set)
	test.Tap(s.caseload.settingsButton)
	s.settings.hub.SetText("Somewhere else")
	test.Tap(s.settings.save)
	if set.hub != "Mendip" {
		t.Error("a coordinator renamed the hub")
	}
}
