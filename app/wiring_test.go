package app

import (
	"errors"
	"path/filepath"
	"testing"

	"carehub/app/service"
	"carehub/careplan/access"
	"carehub/careplan/printout"
	"carehub/store"
)

// The passphrases of the wiring tests' accounts.
const (
	adminPW = "admin passphrase"
	catPW   = "coordinator passphrase"
)

func TestUIConfigWiresTheSignedInAccount(t *testing.T) {
	cfg, closeStore := UIConfig(filepath.Join(t.TempDir(), "hub.db"), fixedNow)
	defer closeStore()
	if err := cfg.Vault.Create("Ada Admin", adminPW, false); err != nil {
		t.Fatal(err)
	}
	if u := cfg.Vault.SignedIn(); u.Name != "Ada Admin" || !u.ManagesUsers() {
		t.Fatalf("signed in as %+v", u)
	}
	u := access.User{Name: "Cat", Role: access.Coordinator}
	if err := cfg.Services.Users.AddUser(&u, catPW); err != nil {
		t.Fatal(err)
	}
	if cfg.Services.Records.MayEdit("not-a-patient") {
		t.Error("an administrator may edit a record")
	}
	if err := cfg.Vault.Unlock("wrong"); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("unlock with a wrong passphrase: %v", err)
	}
	if err := cfg.Vault.Unlock(catPW); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("another account's passphrase uncovered the administrator's session: %v", err)
	}
	if err := cfg.Vault.Unlock(adminPW); err != nil {
		t.Errorf("unlock: %v", err)
	}
}

// The desktop wires every service the screens need: Start would refuse the Config otherwise.
func TestUIConfigWiresEveryService(t *testing.T) {
	cfg, closeStore := UIConfig(filepath.Join(t.TempDir(), "hub.db"), fixedNow)
	defer closeStore()
	if err := cfg.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestUIConfigWiresEnrolment(t *testing.T) {
	cfg, closer := UIConfig(t.TempDir()+"/hub.db", fixedNow)
	defer closer()
	if cfg.Services.Enrolment == nil {
		t.Fatal("the desktop offers no enrolment")
	}
	if _, err := cfg.Services.Enrolment.Staff(); err == nil {
		t.Error("enrolment before unlock should report the store is locked")
	}
}

func TestUIConfigOffersOutcomesAndEvaluation(t *testing.T) {
	cfg, closeStore := UIConfig(filepath.Join(t.TempDir(), "hub.db"), fixedNow)
	defer closeStore()
	if cfg.Services.Outcomes == nil || cfg.Services.Evaluation == nil {
		t.Fatal("the desktop screens are not wired to record outcomes and report")
	}
	// Before unlocking there is no store to read.
	if _, err := cfg.Services.Outcomes.Outcomes("anyone"); !errors.Is(err, service.ErrLocked) {
		t.Errorf("outcomes before unlock: %v", err)
	}
}

func TestPrintingBeforeUnlock(t *testing.T) {
	cfg, closeStore := UIConfig(filepath.Join(t.TempDir(), "none.db"), fixedNow)
	defer closeStore()
	svc := cfg.Services.Printing
	if svc == nil {
		t.Fatal("the desktop app is not wired for printing")
	}
	if _, err := svc.PrintPatient("x", false, false, filepath.Join(t.TempDir(), "p.pdf")); !errors.Is(err, service.ErrLocked) {
		t.Errorf("printing with the store locked: %v", err)
	}
	if _, err := svc.PlansFor(printout.BatchSelection{By: printout.ByKeyWorker, KeyWorker: "x"}); !errors.Is(err, service.ErrLocked) {
		t.Errorf("a preview with the store locked: %v", err)
	}
}
