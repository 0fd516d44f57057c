package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/myplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/store"
	"carehub/ui"
)

// tabletSlice is what a patient's tablet holds: their own record, their latest agreed plan,
// their PAM and outcome records, and the staff records of their care team (for phone numbers).
// Nothing about anyone else is read into it.
type tabletSlice struct {
	patient  careplan.Patient
	plan     careplan.Plan // zero when no version has been agreed
	pams     []pam.Assessment
	outcomes []outcomes.Record
	team     []careplan.StaffMember
}

// errTabletWho refuses to set up a tablet for a person the hub cannot find.
var errTabletWho = errors.New("there is nobody on the hub with that NHS number")

// SetUpTablet makes a new store at out for one patient's tablet, locked with the passphrase
// the hub gives them: a patient account is its only key slot. The hub's own store is read, never
// changed, apart from its audit, which records the view and the set-up.
func SetUpTablet(hub *store.Store, nhs careplan.NHSNumber, out, passphrase string, now func() time.Time, kdf *store.KDFParams) error {
	slice, err := readTabletSlice(hub, nhs)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return err
	}
	owner := access.User{Name: slice.patient.FullName(), Role: access.Patient, PatientID: slice.patient.ID}
	tab, err := store.Create(out, passphrase, store.Options{Now: now, Owner: &owner, KDF: kdf})
	if err != nil {
		return err
	}
	if err := writeTabletSlice(tab, slice); err != nil {
		tab.Close()
		os.Remove(out) // half a tablet is no tablet
		return err
	}
	if err := tab.Close(); err != nil {
		return err
	}
	return hub.RecordEvent(store.AuditReport, "tablet store set up for one patient")
}

func readTabletSlice(hub *store.Store, nhs careplan.NHSNumber) (tabletSlice, error) {
	var s tabletSlice
	p, err := hub.PatientByNHS(nhs)
	if errors.Is(err, store.ErrNotFound) {
		return s, errTabletWho
	}
	if err != nil {
		return s, err
	}
	s.patient = p
	plans, err := hub.Plans(p.ID)
	if err != nil {
		return s, err
	}
	for _, v := range plans { // oldest first: the last agreed wins
		if v.State == careplan.PlanAgreed {
			s.plan = v
		}
	}
	if s.pams, err = hub.Assessments(p.ID); err != nil {
		return s, err
	}
	if s.outcomes, err = hub.Outcomes(p.ID); err != nil {
		return s, err
	}
	staff, err := hub.Staff()
	if err != nil {
		return s, err
	}
	for _, m := range staff {
		if m.ID != "" && (m.ID == p.Team.KeyWorkerID || m.ID == p.Team.CoordinatorID) {
			s.team = append(s.team, m)
		}
	}
	return s, nil
}

func writeTabletSlice(tab *store.Store, s tabletSlice) error {
	return tab.Import(func(b *store.Batch) error {
		if err := b.SavePatient(&s.patient); err != nil {
			return err
		}
		if s.plan.ID != "" {
			if err := b.SavePlan(&s.plan); err != nil {
				return err
			}
		}
		for i := range s.pams {
			if err := b.SaveAssessment(&s.pams[i]); err != nil {
				return err
			}
		}
		for i := range s.outcomes {
			if err := b.SaveOutcome(&s.outcomes[i]); err != nil {
				return err
			}
		}
		for i := range s.team {
			if err := b.SaveStaff(&s.team[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// tabletService gives the tablet's screen the signed-in patient's own plan, and records their
// goal check-ins. It reads only the patient the account is linked to.
type tabletService struct {
	store func() (*store.Store, error)
	now   func() time.Time
}

var _ ui.Tablet = (*tabletService)(nil)

// patient returns the open store and the signed-in patient's record id.
func (t *tabletService) patient() (*store.Store, string, error) {
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

// MyPlan builds the tablet's view of the signed-in patient's plan.
func (t *tabletService) MyPlan() (myplan.View, error) {
	st, id, err := t.patient()
	if err != nil {
		return myplan.View{}, err
	}
	p, err := st.Patient(id)
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
	return myplan.Build(p, agreed, pams), nil
}

// SaveCheckIn records how one of the patient's goals is going.
func (t *tabletService) SaveCheckIn(c *myplan.CheckIn) error {
	st, id, err := t.patient()
	if err != nil {
		return err
	}
	c.PatientID = id // a patient checks in on their own goals only
	c.At = t.now()
	return st.SaveCheckIn(c)
}

// runTabletSetup is `carehub tablet-setup`: it writes one patient's tablet store from the hub's.
func runTabletSetup(env Env, args []string) error {
	fs := newFlags("tablet-setup")
	db := fs.String("db", "", "the hub's store")
	patient := fs.String("patient", "", "the patient's NHS number")
	out := fs.String("out", "", "the new tablet store")
	if err := parse(fs, args); err != nil {
		return err
	}
	for _, f := range []struct{ v, name string }{{*db, "db"}, {*patient, "patient"}, {*out, "out"}} {
		if err := need(fs, f.v, f.name); err != nil {
			return err
		}
	}
	nhs, err := careplan.ParseNHSNumber(*patient)
	if err != nil {
		return fmt.Errorf("%w: tablet-setup: %v", errUsage, err)
	}
	tabletPass, err := passphrase(env, NewPassphraseVar)
	if err != nil {
		return err
	}
	hub, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer hub.Close()
	if !hub.SignedIn().ReadsCaseload() {
		return fmt.Errorf("%w: only the hub's staff set up tablets", access.ErrNotAllowed)
	}
	if err := SetUpTablet(hub, nhs, *out, tabletPass, env.Now, nil); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "tablet store for %s written to %s\n", nhs.Display(), *out)
	return nil
}
