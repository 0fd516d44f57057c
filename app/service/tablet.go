package service

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/myplan"
	"carehub/store"
)

// errTabletNotEligible refuses a tablet for someone who has not agreed to join, or whose time
// with the hub has not started or has ended: their record has no reason to leave the hub.
var errTabletNotEligible = errors.New("a tablet is set up only for someone who has consented to join and whose status is consented or active")

// setUpTablet makes a new store at out for one patient's tablet, locked with the passphrase
// the hub gives them: a patient account is its only key slot. It is the one path both
// `carehub tablet-setup` and the desktop app's "Set up tablet…" take, so the role and consent
// rules and what the tablet holds cannot drift apart. The hub's own store is read, never
// changed, apart from its audit, which records the view and the set-up.
//
// The store is written beside out and renamed into place only once complete, so a failure
// leaves nothing at out (and whatever was there before, such as the empty file a save dialog
// makes, untouched until the rename).
func setUpTablet(hub *store.Store, patientID, out, passphrase string, now func() time.Time, kdf *store.KDFParams) error {
	if !hub.SignedIn().SetsUpTablets() {
		return fmt.Errorf("%w: only a coordinator or a hub administrator sets up tablets", access.ErrNotAllowed)
	}
	if err := checkOutput(hub, out, false); err != nil {
		return err
	}
	if err := access.CheckNewPassphrase(passphrase); err != nil {
		return fmt.Errorf("the tablet's passphrase: %w", err) // before anything is read or written
	}
	p, err := hub.Patient(patientID)
	if err != nil {
		return err
	}
	if !careplan.TabletEligible(p) {
		return errTabletNotEligible
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return err
	}
	owner := access.User{Name: p.FullName(), Role: access.Patient, PatientID: p.ID}
	err = writeThenRename(out, func(tmp string) error {
		tab, err := store.Create(tmp, passphrase, store.Options{Now: now, Owner: &owner, KDF: kdf})
		if err != nil {
			return err
		}
		if err := fillTablet(hub, tab, now()); err != nil {
			tab.Close()
			return err
		}
		return tab.Close()
	})
	if err != nil {
		return err
	}
	if err := hub.RecordEvent(store.AuditReport, "tablet store set up for one patient"); err != nil {
		os.Remove(out) // a tablet the audit does not know about should not leave the hub
		return err
	}
	return nil
}

// writeThenRename has write make a file at a temporary path in out's folder (so the rename
// stays on one file system), then renames it to out. Half a tablet is no tablet: on any
// failure the temporary folder and all in it are removed and out is left alone.
func writeThenRename(out string, write func(tmp string) error) error {
	dir, err := os.MkdirTemp(filepath.Dir(out), ".carehub-tablet-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, filepath.Base(out))
	if err := write(tmp); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// fillTablet pairs a new tablet store with the hub and fills it through the same bundle path
// sync uses (docs/sync.md): the hub's selection for a tablet decides what it holds (the
// patient's record, agreed plan versions, PAM and outcome records, their team's staff cards),
// the records keep their versions, and later bundles carry on from the checkpoint this sets.
func fillTablet(hub, tab *store.Store, on time.Time) error {
	if err := tab.RenameDevice("Patient tablet set up " + careplan.DateOf(on).Display()); err != nil {
		return err
	}
	hubCard, err := hub.DeviceCard()
	if err != nil {
		return err
	}
	if err := tab.AddPeer(hubCard); err != nil {
		return err
	}
	tabCard, err := tab.DeviceCard()
	if err != nil {
		return err
	}
	if err := hub.AddPeer(tabCard); err != nil {
		return err
	}
	var first, ack bytes.Buffer
	if _, err := hub.ExportBundle(&first, tabCard.Device, nil); err != nil {
		return err
	}
	if _, err := tab.ImportBundle(bytes.NewReader(first.Bytes()), &ack, nil); err != nil {
		return err
	}
	_, err = hub.ImportBundle(bytes.NewReader(ack.Bytes()), nil, nil)
	return err
}

// Tablet gives the tablet's screen the signed-in patient's own plan, and records their
// goal check-ins. It reads only the patient the account is linked to.
type Tablet struct{ base }

// patient returns the open store and the signed-in patient's record id.
func (t *Tablet) patient() (*store.Store, string, error) {
	st, err := t.store()
	if err != nil {
		return nil, "", err
	}
	u := st.SignedIn()
	if u.Role != access.Patient || !u.ReadsPatient(u.PatientID) {
		return nil, "", fmt.Errorf("%w: the tablet view is for a patient's own account", access.ErrNotAllowed)
	}
	return st, u.PatientID, nil
}

// MyPlan builds the tablet's view of the signed-in patient's plan. A tablet without the
// patient's record (the hub removed it, or it was never filled) gives myplan.ErrPlanNotHere, which
// the screen says in plain words; nothing else of theirs is left to show.
func (t *Tablet) MyPlan() (myplan.View, error) {
	st, id, err := t.patient()
	if err != nil {
		return myplan.View{}, err
	}
	p, err := st.Patient(id)
	if errors.Is(err, store.ErrNotFound) {
		return myplan.View{}, myplan.ErrPlanNotHere
	}
	if err != nil {
		return myplan.View{}, err
	}
	plans, err := st.Plans(id)
	if err != nil {
		return myplan.View{}, err
	}
	var agreed careplan.Plan
	for _, v := range plans {
		if v.State == careplan.PlanAgreed {
			agreed = v
		}
	}
	pams, err := st.Assessments(id)
	if err != nil {
		return myplan.View{}, err
	}
	return myplan.Build(p, agreed, pams, keyWorkerOf(st, p.Team)), nil
}

// SaveCheckIn records how one of the patient's goals is going.
func (t *Tablet) SaveCheckIn(c *myplan.CheckIn) error {
	st, id, err := t.patient()
	if err != nil {
		return err
	}
	c.PatientID = id // a patient checks in on their own goals only
	c.At = t.now()
	return st.SaveCheckIn(c)
}

// TabletSetup writes a patient's own tablet store from the hub's: the desktop app's "Set up
// tablet…" and `carehub tablet-setup` both call it, on the store each has open.
type TabletSetup struct{ base }

// SetUpTablet writes the person patientID's tablet store at path, locked with passphrase.
// It checks the signed-in account's role and the person's consent and status (setUpTablet).
func (t *TabletSetup) SetUpTablet(patientID, path, passphrase string) error {
	st, err := t.store()
	if err != nil {
		return err
	}
	return setUpTablet(st, patientID, path, passphrase, t.opt.Now, t.opt.KDF)
}
