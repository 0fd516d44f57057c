package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan/access"
)

// fakeTabletSetup records what the app would write, or fails with err.
type fakeTabletSetup struct {
	calls []tabletCall
	err   error
}

type tabletCall struct{ patientID, path, passphrase string }

var _ TabletSetup = (*fakeTabletSetup)(nil)

func (f *fakeTabletSetup) SetUpTablet(patientID, path, passphrase string) error {
	f.calls = append(f.calls, tabletCall{patientID, path, passphrase})
	return f.err
}

// setupSession is unlocked as user (a coordinator when zero) with tablet set-up offered, and
// p03 made eligible for a tablet too, so a test can open one eligible person after another.
func setupSession(t *testing.T, user access.User) (*session, *fakeTabletSetup, *fakeFiles) {
	t.Helper()
	r := testRecords()
	r.patients[2] = fullPatient("p03", r.patients[2].NHSNumber)
	r.patients[2].GivenName = "Gareth"
	v := &fakeVault{exists: true, right: "correct horse", records: r, user: user}
	setup := &fakeTabletSetup{}
	s, _ := newTestSession(t, Config{Vault: v, TabletSetup: setup})
	files := &fakeFiles{}
	s.files = files
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, setup, files
}

func TestTabletButtonByRoleAndPerson(t *testing.T) {
	tests := []struct {
		name    string
		user    access.User
		patient string
		want    bool
	}{
		{"coordinator, active with consent", access.User{Name: "Cat", Role: access.Coordinator, Active: true}, "p01", true},
		{"administrator, active with consent", access.User{Name: "Ada", Role: access.Administrator, Active: true}, "p01", true},
		{"key worker", access.User{Name: "Sam", Role: access.KeyWorker, StaffID: "s1", Active: true}, "p01", false},
		{"coordinator, no consent to join", access.User{Name: "Cat", Role: access.Coordinator, Active: true}, "p02", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := setupSession(t, tt.user)
			s.openPatient(tt.patient)
			shown := s.patient.tabletButton != nil && s.patient.tabletButton.Visible() && s.patient.enrolBar.Visible()
			if shown != tt.want {
				t.Errorf("Set up tablet shown = %v, want %v", shown, tt.want)
			}
		})
	}
}

func TestTabletPassphraseProblemsInline(t *testing.T) {
	s, setup, files := setupSession(t, access.User{})
	s.openPatient("p01")
	test.Tap(s.patient.tabletButton)
	d := s.patient.tabletDlg

	test.Type(d.passphrase, "short")
	test.Type(d.confirm, "short")
	test.Tap(d.save)
	if d.passProblem.Hidden || d.passProblem.Text != "A passphrase needs at least 10 characters, or three words or more." {
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
	if files.saves != 0 || len(setup.calls) != 0 {
		t.Errorf("a refused passphrase asked where to save (%d) or wrote (%d)", files.saves, len(setup.calls))
	}
	test.AssertRendersToMarkup(t, "tablet_setup.xml", s.w.Canvas())
}

// TestTabletSetUpForThePersonShown: after someone else's record was open, the tablet is
// written for the person now on screen, never the earlier one.
func TestTabletSetUpForThePersonShown(t *testing.T) {
	s, setup, files := setupSession(t, access.User{})
	s.openPatient("p03")
	test.Tap(s.patient.tabletButton)
	s.patient.tabletDlg.close()
	s.showCaseload()
	s.openPatient("p01")
	test.Tap(s.patient.tabletButton)
	d := s.patient.tabletDlg
	files.path = "/tmp/tablets/siân.carehub"
	test.Type(d.passphrase, "kettle on at four")
	test.Type(d.confirm, "kettle on at four")
	test.Tap(d.save)

	want := tabletCall{"p01", "/tmp/tablets/siân.carehub", "kettle on at four"}
	if len(setup.calls) != 1 || setup.calls[0] != want {
		t.Fatalf("calls %+v, want %+v", setup.calls, want)
	}
	nhs := s.patient.rec.patient.NHSNumber
	if files.saveName != "tablet-"+string(nhs)+".carehub" {
		t.Errorf("suggested file name %q", files.saveName)
	}
	wantText := "Tablet store for Siân O'Brien (" + nhs.Display() + ") written to /tmp/tablets/siân.carehub"
	if d.written.Hidden || d.written.Text != wantText {
		t.Errorf("report %q, want %q", d.written.Text, wantText)
	}
	if d.passphrase.Text != "" || d.confirm.Text != "" {
		t.Error("the passphrase is left in the dialog")
	}
}

func TestTabletSetUpFailureShown(t *testing.T) {
	s, setup, files := setupSession(t, access.User{})
	setup.err = errors.New("the disk is full")
	s.openPatient("p01")
	test.Tap(s.patient.tabletButton)
	d := s.patient.tabletDlg
	files.path = "/tmp/t.carehub"
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
