package store

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/uuid"

	"carehub/careplan/access"
	"carehub/careplan/myplan"
)

func TestTabletOwnerAndCheckIns(t *testing.T) {
	p1 := uuid.NewString()
	path := filepath.Join(t.TempDir(), "tablet.carehub")
	owner := access.User{Name: "Mary Jones", Role: access.Patient, PatientID: p1}
	s, err := Create(path, testPassphrase, Options{Now: newTestClock().Now, KDF: cheapKDF(), Owner: &owner})
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, s)
	if u := s.SignedIn(); u.Role != access.Patient || u.PatientID != p1 || u.ID == "" {
		t.Fatalf("signed in as %+v", u)
	}
	c := myplan.CheckIn{PatientID: p1, GoalID: "g1", Scale: 5, Note: "went to choir"}
	if err := s.SaveCheckIn(&c); err != nil || c.ID == "" || c.At.IsZero() {
		t.Fatalf("check-in %+v, %v", c, err)
	}
	if err := s.SaveCheckIn(&myplan.CheckIn{PatientID: p1, GoalID: "g1", Scale: 9}); !errors.Is(err, myplan.ErrScale) {
		t.Errorf("a check-in off the scale: %v", err)
	}
	got, err := s.CheckIns(p1)
	if err != nil || len(got) != 1 || got[0].Note != "went to choir" {
		t.Errorf("check-ins %+v, %v", got, err)
	}
	entries, _ := s.Audit()
	if last := entries[len(entries)-1]; last.User != "Mary Jones" || last.PatientID != p1 {
		t.Errorf("the check-in's audit entry %+v", last)
	}
}

func TestAPatientOwnerNeedsTheirRecord(t *testing.T) {
	owner := access.User{Name: "Mary", Role: access.Patient}
	_, err := Create(filepath.Join(t.TempDir(), "t.carehub"), testPassphrase, Options{KDF: cheapKDF(), Owner: &owner})
	if !errors.Is(err, access.ErrNeedPatient) {
		t.Fatalf("got %v", err)
	}
}

func TestHubNameAndPreferences(t *testing.T) {
	s, _, _ := newAdminStore(t)
	defer s.Close()
	if n, _ := s.HubName(); n != "" {
		t.Errorf("a new store is named %q", n)
	}
	if err := s.SetHubName("  "); !errors.Is(err, ErrHubName) {
		t.Errorf("blank hub name: %v", err)
	}
	if err := s.SetHubName("Mendip hub"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.HubName(); n != "Mendip hub" {
		t.Errorf("hub name %q", n)
	}
	if err := s.SavePreferences(access.Preferences{TextSize: "huge"}); !errors.Is(err, access.ErrPreference) {
		t.Errorf("an unknown text size: %v", err)
	}
	p := access.Preferences{TextSize: access.TextLarge, Theme: access.ThemeDark}
	if err := s.SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	users, _ := s.Users()
	if users[0].Prefs != p || s.SignedIn().Prefs != p {
		t.Errorf("saved %+v, signed in %+v", users[0].Prefs, s.SignedIn().Prefs)
	}
}

func TestSharedHubPassphraseKeepsNoPreferences(t *testing.T) {
	s, _ := newTestStore(t)
	if u := s.SignedIn(); u.Role != access.SharedHub || u.Name != "Sam Green" {
		t.Errorf("shared sign-in %+v", u)
	}
	if err := s.SavePreferences(access.Preferences{}); !errors.Is(err, ErrNoAccount) {
		t.Errorf("got %v", err)
	}
}
