package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan/access"
	"carehub/store"
)

// hubSettings are what a settings test starts from, or finds saved: the signed-in person's
// preferences, and the hub's name and logo.
type hubSettings struct {
	prefs access.Preferences
	hub   string
	logo  []byte
}

// settingsSession signs user in, with start's preferences, on a hub with start's name and logo,
// drawn in their own theme.
func settingsSession(t *testing.T, user access.User, start hubSettings) (*session, *testHub) {
	t.Helper()
	h := newTestHub(t, testRecords())
	h.ownTheme = true
	h.withStore(t, func(st *store.Store) {
		must(t, st.SetHubName(start.hub))
		if start.logo != nil {
			must(t, st.SetHubLogo(start.logo))
		}
	})
	user.Prefs = start.prefs
	s, _ := h.session(t, user)
	return s, h
}

// saved is what the hub holds now, read through the settings service.
func saved(t *testing.T, h *testHub) hubSettings {
	t.Helper()
	var got hubSettings
	var err error
	got.prefs, err = h.svc.Settings.Preferences()
	must(t, err)
	got.hub, err = h.svc.Settings.HubName()
	must(t, err)
	got.logo, err = h.svc.Settings.HubLogo()
	must(t, err)
	return got
}

func TestSettingsApplyAtSignInAndOnSave(t *testing.T) {
	s, h := settingsSession(t, adaAdmin, hubSettings{prefs: access.Preferences{TextSize: access.TextLarge}, hub: "Mendip complex care hub"})
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
	if got := saved(t, h); got.prefs.Theme != access.ThemeDark || got.prefs.TextSize != access.TextNormal || got.hub != "Taunton Deane hub" {
		t.Errorf("saved %+v, %q", got.prefs, got.hub)
	}
	th := fyne.CurrentApp().Settings().Theme()
	if th.Size(theme.SizeNameText) != normal || th.Color(theme.ColorNameBackground, theme.VariantLight) != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("the saved settings were not applied")
	}
}

func TestHubNameOnlyForAdministrators(t *testing.T) {
	s, h := settingsSession(t, access.User{Name: "Jo", Role: access.Coordinator}, hubSettings{hub: "Mendip"})
	test.Tap(s.caseload.settingsButton)
	s.settings.hub.SetText("Somewhere else")
	test.Tap(s.settings.save)
	if saved(t, h).hub != "Mendip" {
		t.Error("a coordinator renamed the hub")
	}
}
