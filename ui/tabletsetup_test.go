package ui

import (
	"errors"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan/access"
	"carehub/store"
)

// setupSession is unlocked as user (a coordinator when zero) with tablet set-up offered, and
// p03 made eligible for a tablet too, so a test can open one eligible person after another.
func setupSession(t *testing.T, user access.User, edit ...func(*Config)) (*session, *fakeFiles) {
	t.Helper()
	r := testRecords()
	r.patients[2] = fullPatient(pid("p03"), r.patients[2].NHSNumber)
	r.patients[2].GivenName = "Gareth"
	files := &fakeFiles{}
	s, _ := newTestHub(t, r).session(t, user, edit...)
	s.files = files
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, files
}

// tabletOwner opens the tablet store at path with passphrase and says whose it is.
func tabletOwner(t *testing.T, path, passphrase string) access.User {
	t.Helper()
	st, err := store.Open(path, passphrase, store.Options{Now: hubTime})
	if err != nil {
		t.Fatalf("the tablet store does not open with its passphrase: %v", err)
	}
	defer st.Close()
	return st.SignedIn()
}

// failingSetUp is the real set-up service on a disk that is full: to see the dialog when a
// tablet cannot be written.
type failingSetUp struct{ err error }

func (f failingSetUp) SetUpTablet(string, string, string) error { return f.err }

func TestTabletButtonByRoleAndPerson(t *testing.T) {
	tests := []struct {
		name    string
		user    access.User
		patient string
		want    bool
	}{
		{"coordinator, active with consent", access.User{Name: "Cat", Role: access.Coordinator}, pid("p01"), true},
		{"administrator, active with consent", access.User{Name: "Ada", Role: access.Administrator}, pid("p01"), true},
		{"key worker", samKeyWorker, pid("p01"), false},
		{"coordinator, no consent to join", access.User{Name: "Cat", Role: access.Coordinator}, pid("p02"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := setupSession(t, tt.user)
			s.openPatient(tt.patient)
			shown := s.patient.tabletButton != nil && s.patient.tabletButton.Visible() && s.patient.enrolBar.Visible()
			if shown != tt.want {
				t.Errorf("Set up tablet shown = %v, want %v", shown, tt.want)
			}
		})
	}
}

func TestTabletPassphraseProblemsInline(t *testing.T) {
	s, files := setupSession(t, access.User{})
	s.openPatient(pid("p01"))
	test.Tap(s.patient.tabletButton)
	d := s.patient.tabletDlg

	test.Type(d.passphrase, "short")
	test.Type(d.confirm, "short")
	test.Tap(d.save)
	if d.passProblem.Hidden || d.passProblem.Text != "The passphrase needs at least 8 characters." {
		t.Errorf("short passphrase: %q (hidden %v)", d.passProblem.Text, d.passProblem.Hidden)
	}

	d.passphrase.SetText("long enough passphrase")
	d.confirm.SetText("long enough passphrasf")
	test.Tap(d.save)
	if !d.passProblem.Hidden {
		t.Errorf("a long passphrase still has a problem: %q", d.passProblem.Text)
	}
	if d.confirmProblem.Hidden {
		t.Error("different passphrases: no message")
	}
	if files.saves != 0 {
		t.Errorf("a refused passphrase asked where to save (%d times)", files.saves)
	}
	test.AssertRendersToMarkup(t, "tablet_setup.xml", s.w.Canvas())
}

// TestTabletSetUpForThePersonShown: after someone else's record was open, the tablet is
// written for the person now on screen, never the earlier one.
func TestTabletSetUpForThePersonShown(t *testing.T) {
	s, files := setupSession(t, access.User{})
	s.openPatient(pid("p03"))
	test.Tap(s.patient.tabletButton)
	s.patient.tabletDlg.close()
	s.showCaseload()
	s.openPatient(pid("p01"))
	test.Tap(s.patient.tabletButton)
	d := s.patient.tabletDlg
	files.path = filepath.Join(t.TempDir(), "siân.carehub")
	test.Type(d.passphrase, "kettle on at four")
	test.Type(d.confirm, "kettle on at four")
	test.Tap(d.save)

	if owner := tabletOwner(t, files.path, "kettle on at four"); owner.PatientID != pid("p01") || owner.Role != access.Patient {
		t.Fatalf("the tablet written opens as %+v, want Siân's own account", owner)
	}
	nhs := s.patient.rec.patient.NHSNumber
	if files.saveName != "tablet-"+string(nhs)+".carehub" {
		t.Errorf("suggested file name %q", files.saveName)
	}
	wantText := "Tablet store for Siân O'Brien (" + nhs.Display() + ") written to " + files.path
	if d.written.Hidden || d.written.Text != wantText {
		t.Errorf("report %q, want %q", d.written.Text, wantText)
	}
	if d.passphrase.Text != "" || d.confirm.Text != "" {
		t.Error("the passphrase is left in the dialog")
	}
}

func TestTabletSetUpFailureShown(t *testing.T) {
	s, files := setupSession(t, access.User{}, func(c *Config) { c.Services.TabletSetup = failingSetUp{errors.New("the disk is full")} })
	s.openPatient(pid("p01"))
	test.Tap(s.patient.tabletButton)
	d := s.patient.tabletDlg
	files.path = filepath.Join(t.TempDir(), "t.carehub")
	test.Type(d.passphrase, "kettle on at four")
	test.Type(d.confirm, "kettle on at four")
	test.Tap(d.save)
	want := "The tablet store could not be written, and nothing was saved: the disk is full"
	if d.problem.Hidden || d.problem.Text != want {
		t.Errorf("problem %q, want %q", d.problem.Text, want)
	}
	if !d.written.Hidden || d.save.Disabled() {
		t.Error("a failed set-up reads as done")
	}
}
