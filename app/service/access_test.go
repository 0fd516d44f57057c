package service

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/pam"
	"carehub/store"
)

// roleHub is a hub with an administrator, a coordinator, two key workers and one person on
// each key worker's caseload, all signing in through the desktop's vault.
type roleHub struct {
	v           *Vault
	annsPatient string
	bobsPatient string
	slept       []time.Duration
	annStaffID  string
}

const (
	adminPW = "admin passphrase"
	catPW   = "coordinator passphrase"
	annPW   = "ann's passphrase"
	bobPW   = "bob's passphrase"
	patPW   = "patient passphrase"
)

func newRoleHub(t *testing.T) *roleHub {
	t.Helper()
	h := &roleHub{}
	h.v = NewVault(filepath.Join(t.TempDir(), "hub.db"), fixedNow, servicetest.CheapKDF)
	h.v.sleep = func(d time.Duration) { h.slept = append(h.slept, d) }
	t.Cleanup(func() { h.v.Close() })
	if err := h.v.Create("Ada Admin", adminPW, false); err != nil {
		t.Fatal(err)
	}
	st, _ := h.v.Store()
	ann := careplan.StaffMember{Name: "Ann Key", Role: careplan.RoleKeyWorker, Active: true}
	bob := careplan.StaffMember{Name: "Bob Key", Role: careplan.RoleKeyWorker, Active: true}
	for _, m := range []*careplan.StaffMember{&ann, &bob} {
		if err := st.SaveStaff(m); err != nil {
			t.Fatal(err)
		}
	}
	h.annStaffID = ann.ID
	h.annsPatient = saveTeamedPerson(t, st, "9434765919", careplan.CareTeam{KeyWorkerID: ann.ID, KeyWorker: ann.Name})
	h.bobsPatient = saveTeamedPerson(t, st, "9434765870", careplan.CareTeam{KeyWorkerID: bob.ID, KeyWorker: bob.Name})
	users := []struct {
		u  access.User
		pw string
	}{
		{access.User{Name: "Cat Coordinator", Role: access.Coordinator}, catPW},
		{access.User{Name: "Ann Key", Role: access.KeyWorker, StaffID: ann.ID}, annPW},
		{access.User{Name: "Bob Key", Role: access.KeyWorker, StaffID: bob.ID}, bobPW},
	}
	for _, u := range users {
		if err := st.AddUser(&u.u, u.pw); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

func saveTeamedPerson(t *testing.T, st *store.Store, nhs careplan.NHSNumber, team careplan.CareTeam) string {
	t.Helper()
	p := careplan.NewNomination(careplan.Patient{NHSNumber: nhs, GivenName: "Gwen", FamilyName: "Pryce",
		DateOfBirth: careplan.NewDate(1941, time.March, 3), Conditions: []string{"52448006", "44054006", "13645005"},
		Nomination: careplan.Nomination{On: careplan.DateOf(fixedNow()), Clinician: "Dr Ames", Reason: "falls"}})
	p.Team = team
	if err := st.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	return p.ID
}

// signIn opens the hub with a passphrase, as the unlock screen does.
func (h *roleHub) signIn(t *testing.T, pw string) *store.Store {
	t.Helper()
	if err := h.v.Open(pw); err != nil {
		t.Fatalf("signing in: %v", err)
	}
	st, _ := h.v.Store()
	return st
}

func draftFor(patientID string) careplan.Plan {
	return careplan.Plan{PatientID: patientID, Version: 1, State: careplan.PlanDraft, Strengths: "my garden"}
}

func TestKeyWorkerEditsOnlyTheirOwnCaseload(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, annPW)
	if u := h.v.SignedIn(); u.Name != "Ann Key" || u.Role != access.KeyWorker {
		t.Fatalf("signed in as %+v", u)
	}
	plans := servicesOn(h.v.Store).Plans
	mine, theirs := draftFor(h.annsPatient), draftFor(h.bobsPatient)
	if err := plans.SavePlan(&mine); err != nil {
		t.Errorf("Ann saving her own patient's plan: %v", err)
	}
	if err := plans.SavePlan(&theirs); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann saving Bob's patient's plan: got %v, want ErrNotAllowed", err)
	}
	if got, _ := st.Plans(h.bobsPatient); len(got) != 0 {
		t.Error("a refused plan was saved")
	}
	if rows, err := st.Caseload(); err != nil || len(rows) != 2 {
		t.Errorf("Ann reads the hub's caseload: %d rows, %v", len(rows), err)
	}
	outcomes := servicesOn(h.v.Store).Outcomes
	a := pam.Assessment{PatientID: h.bobsPatient}
	if err := outcomes.SaveAssessment(&a); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann recording a PAM for Bob's patient: %v", err)
	}
	enrol := servicesOn(h.v.Store).Enrolment
	if _, err := enrol.ChangeStatus(h.bobsPatient, careplan.StatusContacted, careplan.DateOf(fixedNow()), "Ann", ""); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann changing Bob's patient's status: %v", err)
	}
	if _, err := enrol.ChangeStatus(h.annsPatient, careplan.StatusContacted, careplan.DateOf(fixedNow()), "Ann", ""); err != nil {
		t.Errorf("Ann changing her own patient's status: %v", err)
	}
	if _, err := enrol.AssignTeam(h.bobsPatient, careplan.CareTeam{KeyWorkerID: h.annStaffID}); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann moving Bob's patient onto her caseload: %v", err)
	}
	if err := enrol.SaveStaff(&careplan.StaffMember{Name: "X", Role: careplan.RoleKeyWorker}); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann editing the staff list: %v", err)
	}
	users := servicesOn(h.v.Store).Users
	if _, err := users.Users(); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann listing accounts: %v", err)
	}
}

func TestCoordinatorEditsEverythingClinicalButNotAccounts(t *testing.T) {
	h := newRoleHub(t)
	h.signIn(t, catPW)
	plans := servicesOn(h.v.Store).Plans
	for _, id := range []string{h.annsPatient, h.bobsPatient} {
		p := draftFor(id)
		if err := plans.SavePlan(&p); err != nil {
			t.Errorf("coordinator saving a plan: %v", err)
		}
	}
	enrol := servicesOn(h.v.Store).Enrolment
	if _, err := enrol.AssignTeam(h.bobsPatient, careplan.CareTeam{KeyWorkerID: h.annStaffID}); err != nil {
		t.Errorf("coordinator assigning a team: %v", err)
	}
	if err := enrol.SetEnrolmentTarget(900); err != nil {
		t.Errorf("coordinator setting the target: %v", err)
	}
	users := servicesOn(h.v.Store).Users
	u := access.User{Name: "Eve", Role: access.Coordinator}
	if err := users.AddUser(&u, "eve's passphrase"); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("coordinator adding an account: %v", err)
	}
}

func TestAdministratorManagesAccountsButEditsNothingClinical(t *testing.T) {
	h := newRoleHub(t)
	h.signIn(t, adminPW)
	users := servicesOn(h.v.Store).Users
	all, err := users.Users()
	if err != nil || len(all) != 4 {
		t.Fatalf("%d accounts, %v", len(all), err)
	}
	var annID string
	for _, u := range all {
		if u.Name == "Ann Key" {
			annID = u.ID
		}
	}
	if err := users.ResetPassphrase(annID, "ann's new passphrase"); err != nil {
		t.Fatal(err)
	}
	// The Users screen offers no patient role; the service refuses one too.
	pat := access.User{Name: "Another Patient", Role: access.Patient, PatientID: h.bobsPatient}
	if err := users.AddUser(&pat, "their passphrase"); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("administrator adding a patient's account on the hub: %v", err)
	}
	plans := servicesOn(h.v.Store).Plans
	p := draftFor(h.annsPatient)
	if err := plans.SavePlan(&p); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("administrator saving a plan: %v", err)
	}
	enrol := servicesOn(h.v.Store).Enrolment
	n := careplan.Patient{}
	if _, err := enrol.Nominate(&n); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("administrator nominating: %v", err)
	}
	if err := users.Deactivate(annID); err != nil {
		t.Fatal(err)
	}
	if err := h.v.Open("ann's new passphrase"); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("a deactivated account signing in: %v", err)
	}
	if err := h.v.Open(annPW); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("a reset passphrase signing in: %v", err)
	}
}

// patientTablet makes a patient's tablet store holding their record and one other person's
// (as a forged or mistaken bundle might), and signs the patient in through a vault.
func patientTablet(t *testing.T, hub *store.Store, patientID, otherID string) *Vault {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tablet.carehub")
	owner := access.User{Name: "Pat Person", Role: access.Patient, PatientID: patientID}
	tab, err := store.Create(path, patPW, store.Options{Now: fixedNow, KDF: servicetest.CheapKDF, Owner: &owner})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{patientID, otherID} {
		p, err := hub.Patient(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := tab.SavePatient(&p); err != nil {
			t.Fatal(err)
		}
	}
	tab.Close()
	v := NewVault(path, fixedNow, servicetest.CheapKDF)
	t.Cleanup(func() { v.Close() })
	if err := v.Open(patPW); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestPatientAccountReachesOnlyTheirOwnPlan(t *testing.T) {
	h := newRoleHub(t)
	hub := h.signIn(t, catPW)
	v := patientTablet(t, hub, h.annsPatient, h.bobsPatient)
	if u := v.SignedIn(); u.Role != access.Patient || u.PatientID != h.annsPatient {
		t.Fatalf("signed in as %+v", u)
	}
	svc := servicesOn(v.Store)
	if v, err := svc.Tablet.MyPlan(); err != nil || v.Name == "" {
		t.Fatalf("own plan: %+v, %v", v, err)
	}
	if _, err := svc.Records.Patient(h.annsPatient); err != nil {
		t.Errorf("a patient reading their own record: %v", err)
	}
	p := draftFor(h.annsPatient)
	refused := map[string]error{
		"editing their plan":         svc.Plans.SavePlan(&p),
		"reading another's record":   second(svc.Records.Patient(h.bobsPatient)),
		"reading another's plans":    second(svc.Plans.Plans(h.bobsPatient)),
		"reading another's PAMs":     second(svc.Outcomes.Assessments(h.bobsPatient)),
		"reading another's contacts": second(svc.Enrolment.Contacts(h.bobsPatient)),
		"reading the caseload":       second(svc.Records.Caseload()),
		"printing another":           second(svc.Printing.PrintPatient(h.bobsPatient, false, false, filepath.Join(t.TempDir(), "x.pdf"))),
		"exporting FHIR --all":       second(svc.Export.FHIR(filepath.Join(t.TempDir(), "x.json"), true)),
		"backing up":                 svc.Backup.Backup(filepath.Join(t.TempDir(), "copy.carehub")),
		"reading the audit":          second(svc.AuditLog.Audit(access.AuditFilter{})),
		"listing accounts":           second(svc.Users.Users()),
	}
	for what, err := range refused {
		if !errors.Is(err, access.ErrNotAllowed) {
			t.Errorf("a patient %s: %v", what, err)
		}
	}
	if _, err := servicesOn(h.v.Store).Tablet.MyPlan(); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a coordinator using the tablet view: %v", err)
	}
}

// second is the error of a two-value call.
func second[T any](_ T, err error) error { return err }

func TestWrongPassphrasesSlowFurtherAttempts(t *testing.T) {
	h := newRoleHub(t)
	for range 7 {
		if err := h.v.Open("not it"); !errors.Is(err, store.ErrWrongPassphrase) {
			t.Fatal(err)
		}
	}
	want := []time.Duration{time.Second, 2 * time.Second}
	if len(h.slept) != 2 || h.slept[0] != want[0] || h.slept[1] != want[1] {
		t.Fatalf("waits %v, want %v (none for the first five)", h.slept, want)
	}
	h.signIn(t, catPW) // waits 4s first, then forgets the misses
	h.slept = nil
	h.signIn(t, catPW)
	if len(h.slept) != 0 {
		t.Errorf("a wait after a right passphrase: %v", h.slept)
	}
}

func TestAuditNamesTheSignedInAccount(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, annPW)
	if _, err := st.Patient(h.bobsPatient); err != nil {
		t.Fatal(err)
	}
	entries, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	if last := entries[len(entries)-1]; last.User != "Ann Key" || last.Action != store.AuditViewed {
		t.Errorf("last audit entry %+v", last)
	}
}

func TestSettingsPerAccountAndHubNameForAdministrators(t *testing.T) {
	h := newRoleHub(t)
	h.signIn(t, catPW)
	set := servicesOn(h.v.Store).Settings
	prefs := access.Preferences{TextSize: access.TextLarger, Theme: access.ThemeDark}
	if err := set.SavePreferences(prefs); err != nil {
		t.Fatal(err)
	}
	if err := set.SetHubName("Mendip hub"); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a coordinator renaming the hub: %v", err)
	}
	h.signIn(t, adminPW)
	if got, _ := set.Preferences(); got != (access.Preferences{}) {
		t.Errorf("the administrator has the coordinator's settings: %+v", got)
	}
	if err := set.SetHubName("Mendip complex care hub"); err != nil {
		t.Fatal(err)
	}
	ps := servicesOn(h.v.Store).Printing
	if got := ps.options(false).Hub; got != "Mendip complex care hub" {
		t.Errorf("printed plans say %q", got)
	}
	h.signIn(t, catPW)
	if got, _ := set.Preferences(); got != prefs {
		t.Errorf("the coordinator's settings after signing in again: %+v", got)
	}
	if got, _ := set.HubName(); got != "Mendip complex care hub" {
		t.Errorf("hub name %q", got)
	}
}
