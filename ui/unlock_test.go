package ui

import (
	"errors"
	"testing"

	"carehub/careplan/access"
	"carehub/store"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestCheckNewPassphrase(t *testing.T) {
	tests := []struct {
		name, pass, confirm string
		want                error
	}{
		{"long enough and the same", "correct horse", "correct horse", nil},
		{"eight characters", "12345678", "12345678", nil},
		{"eight characters counted as letters, not bytes", "ŵŷâêîôûë", "ŵŷâêîôûë", nil},
		{"seven characters", "1234567", "1234567", errPassphraseShort},
		{"empty", "", "", errPassphraseShort},
		{"different", "correct horse", "correct hosre", errPassphraseMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkNewPassphrase(tt.pass, tt.confirm); !errors.Is(got, tt.want) {
				t.Errorf("checkNewPassphrase(%q, %q) = %v, want %v", tt.pass, tt.confirm, got, tt.want)
			}
		})
	}
}

func TestUnlockExistingStoreGolden(t *testing.T) {
	s, w := newTestSession(t, newTestHub(t, testRecords()).config())
	if s.unlock.confirm != nil {
		t.Error("an existing store asks for the passphrase twice")
	}
	test.AssertRendersToMarkup(t, "unlock_existing.xml", w.Canvas())
}

func TestUnlockFirstRunGolden(t *testing.T) {
	s, w := newTestSession(t, newEmptyHub(t).config())
	if s.unlock.confirm == nil {
		t.Fatal("first run does not ask to confirm the passphrase")
	}
	test.AssertRendersToMarkup(t, "unlock_first_run.xml", w.Canvas())
}

func TestWrongPassphraseShowsErrorAndStaysLocked(t *testing.T) {
	h := newTestHub(t, testRecords())
	h.account(t, access.User{})
	s, w := newTestSession(t, h.config())
	test.Type(s.unlock.passphrase, "wrong horse")
	s.unlock.passphrase.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter submits

	if s.caseload != nil || w.Content() != s.unlock.root {
		t.Fatal("a wrong passphrase unlocked the store")
	}
	if !s.unlock.problem.Visible() || s.unlock.problem.Text != store.ErrWrongPassphrase.Error() {
		t.Errorf("problem shown = %q (visible %v), want the vault's words %q",
			s.unlock.problem.Text, s.unlock.problem.Visible(), store.ErrWrongPassphrase.Error())
	}
	if s.unlock.submit.Disabled() || s.unlock.passphrase.Disabled() {
		t.Error("the unlock screen stayed busy after a wrong passphrase")
	}
	test.AssertRendersToMarkup(t, "unlock_wrong.xml", w.Canvas())

	// The right passphrase still works afterwards.
	s.unlock.passphrase.SetText(testPassphrase)
	test.Tap(s.unlock.submit)
	if s.caseload == nil || w.Content() != s.caseload.root {
		t.Fatal("the right passphrase did not open the caseload")
	}
	if s.unlock.passphrase.Text != "" {
		t.Error("the passphrase stayed in the entry after unlocking")
	}
}

func TestEmptyPassphraseIsNotTried(t *testing.T) {
	held := &heldWorker{}
	s, _ := newTestSession(t, newTestHub(t, testRecords()).config())
	s.unlock.work = held
	test.Tap(s.unlock.submit)
	if len(held.jobs) != 0 {
		t.Error("an empty passphrase was tried")
	}
	if s.caseload != nil {
		t.Fatal("an empty passphrase was sent to the vault")
	}
	if s.unlock.problem.Text != errPassphraseMissing.Error() {
		t.Errorf("problem = %q, want %q", s.unlock.problem.Text, errPassphraseMissing.Error())
	}
}

func TestFirstRunRefusesMismatchedConfirmation(t *testing.T) {
	h := newEmptyHub(t)
	s, w := newTestSession(t, h.config())
	test.Type(s.unlock.name, "Ada Admin")
	test.Type(s.unlock.passphrase, "correct horse")
	test.Type(s.unlock.confirm, "correct hosre")
	test.Tap(s.unlock.submit)

	if h.vault.Exists() || s.caseload != nil {
		t.Fatal("a store was created with passphrases that do not match")
	}
	if s.unlock.problem.Text != errPassphraseMismatch.Error() {
		t.Errorf("problem = %q, want %q", s.unlock.problem.Text, errPassphraseMismatch.Error())
	}
	test.AssertRendersToMarkup(t, "unlock_mismatch.xml", w.Canvas())
}

func TestFirstRunRefusesShortPassphrase(t *testing.T) {
	h := newEmptyHub(t)
	s, _ := newTestSession(t, h.config())
	test.Type(s.unlock.name, "Ada Admin")
	test.Type(s.unlock.passphrase, "short")
	test.Type(s.unlock.confirm, "short")
	test.Tap(s.unlock.submit)
	if h.vault.Exists() {
		t.Fatal("a store was created with a 5-character passphrase")
	}
	if s.unlock.problem.Text != errPassphraseShort.Error() {
		t.Errorf("problem = %q, want %q", s.unlock.problem.Text, errPassphraseShort.Error())
	}
}

func TestFirstRunCreatesStoreThenShowsCaseload(t *testing.T) {
	h := newEmptyHub(t)
	s, w := newTestSession(t, h.config())
	test.Type(s.unlock.name, " Ada Admin ")
	test.Type(s.unlock.passphrase, "correct horse")
	test.Type(s.unlock.confirm, "correct horse")
	s.unlock.confirm.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u := h.vault.SignedIn(); u.Name != "Ada Admin" || u.Role != access.Administrator {
		t.Fatalf("the new store's first account is %+v, want the administrator Ada Admin", u)
	}
	if err := h.vault.Unlock("correct horse"); err != nil {
		t.Errorf("the administrator's passphrase does not open the new store: %v", err)
	}
	if s.caseload == nil || w.Content() != s.caseload.root {
		t.Fatal("the caseload did not open after creating the store")
	}
}

func TestUnlockIsBusyWhileOpening(t *testing.T) {
	h := newTestHub(t, testRecords())
	h.account(t, access.User{})
	s, w := newTestSession(t, h.config())
	held := &heldWorker{}
	s.unlock.work = held
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if !s.unlock.submit.Disabled() || !s.unlock.passphrase.Disabled() {
		t.Error("the button and entry stay usable while the store is opening")
	}
	test.Tap(s.unlock.submit) // a second tap while busy must not open the store twice
	if len(held.jobs) != 1 {
		t.Fatalf("%d opens started, want 1", len(held.jobs))
	}
	held.finish()
	if s.caseload == nil || w.Content() != s.caseload.root {
		t.Fatal("the caseload did not open once the store was open")
	}
}

func TestFirstRunNeedsTheAdministratorsName(t *testing.T) {
	h := newEmptyHub(t)
	s, _ := newTestSession(t, h.config())
	test.Type(s.unlock.passphrase, "correct horse")
	test.Type(s.unlock.confirm, "correct horse")
	test.Tap(s.unlock.submit)
	if h.vault.Exists() {
		t.Fatal("a store was created without an administrator's name")
	}
	if s.unlock.problem.Text != errNameMissing.Error() {
		t.Errorf("problem = %q, want %q", s.unlock.problem.Text, errNameMissing.Error())
	}
}
