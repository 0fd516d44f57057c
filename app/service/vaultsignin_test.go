package service

import (
	"errors"
	"slices"
	"testing"

	"carehub/store"
)

func TestVaultSignsInByNameAndOffersTheNamesBeforeUnlock(t *testing.T) {
	h := newRoleHub(t)
	must(t, h.v.Close())
	names, err := h.v.Names()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Ada Admin", "Ann Key", "Bob Key", "Cat Coordinator"}; !slices.Equal(names, want) {
		t.Errorf("names before unlock = %v, want %v", names, want)
	}
	err = h.v.OpenAs("Ann Key", bobPW)
	if err == nil || err.Error() != "that passphrase is not right for Ann Key" {
		t.Errorf("Bob's passphrase for Ann: %v", err)
	}
	must(t, h.v.OpenAs("ann key", annPW))
	if u := h.v.SignedIn(); u.Name != "Ann Key" {
		t.Errorf("signed in as %q, want Ann Key", u.Name)
	}
	if open, err := h.v.Names(); err != nil || !slices.Equal(open, names) {
		t.Errorf("names from the open store = %v, %v", open, err)
	}
}

func TestVaultSwitchesUserOnlyWithThatPersonsPassphrase(t *testing.T) {
	h := newRoleHub(t)
	h.signIn(t, annPW)
	if err := h.v.Unlock(bobPW); err == nil || err.Error() != "that passphrase is not right for Ann Key" {
		t.Errorf("Bob's passphrase to unlock Ann's session: %v", err)
	}
	err := h.v.SwitchTo("Bob Key", annPW)
	if !errors.Is(err, store.ErrWrongPassphrase) || err.Error() != "that passphrase is not right for Bob Key" {
		t.Errorf("Ann's passphrase for Bob: %v", err)
	}
	if u := h.v.SignedIn(); u.Name != "Ann Key" {
		t.Fatalf("a failed switch left %q signed in, want Ann's session kept", u.Name)
	}
	must(t, h.v.Unlock(annPW))
	must(t, h.v.SwitchTo("Bob Key", bobPW))
	if u := h.v.SignedIn(); u.Name != "Bob Key" {
		t.Errorf("after switching, signed in as %q", u.Name)
	}
	if err := h.v.Unlock(annPW); err == nil {
		t.Error("Ann's passphrase still unlocks after Bob signed in")
	}
}
