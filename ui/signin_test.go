package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan/access"
	"carehub/store"
)

// olusPassphrase is Olu's own, unlike the other test accounts' testPassphrase, so a test can
// type one person's passphrase against another's name.
const olusPassphrase = "olu's own passphrase"

// hubWithTwoStaff is a hub where Cat Coordinator (testPassphrase) and Olu Adebayo
// (olusPassphrase) have accounts.
func hubWithTwoStaff(t *testing.T) *testHub {
	t.Helper()
	return hubOfTwoStaff(t, testRecords())
}

func hubOfTwoStaff(t *testing.T, r *people) *testHub {
	t.Helper()
	h := newTestHub(t, r)
	h.account(t, catCoordinator)
	h.withStore(t, func(st *store.Store) {
		olu := oluKeyWorker
		must(t, st.AddUser(&olu, olusPassphrase))
	})
	return h
}

func TestUnlockOffersTheStaffNamesAndSignsInAsTheOneChosen(t *testing.T) {
	h := hubWithTwoStaff(t)
	s, w := newTestSession(t, h.config())
	if s.unlock.who == nil {
		t.Fatal("the unlock screen offers no names to choose from")
	}
	if want := []string{"Cat Coordinator", "Olu Adebayo"}; !slices.Equal(s.unlock.who.Options, want) {
		t.Errorf("names offered = %v, want %v", s.unlock.who.Options, want)
	}

	// Cat's passphrase against Olu's name: Olu's, and not "not right for this store".
	s.unlock.who.SetSelected("Olu Adebayo")
	test.Type(s.unlock.passphrase, testPassphrase)
	test.Tap(s.unlock.submit)
	if s.caseload != nil || w.Content() != s.unlock.root {
		t.Fatal("another account's passphrase signed in as Olu")
	}
	if want := "that passphrase is not right for Olu Adebayo"; s.unlock.problem.Text != want {
		t.Errorf("problem = %q, want %q", s.unlock.problem.Text, want)
	}

	s.unlock.passphrase.SetText(olusPassphrase)
	test.Tap(s.unlock.submit)
	if s.caseload == nil || w.Content() != s.caseload.root {
		t.Fatalf("Olu's own passphrase did not open the caseload: %q", s.unlock.problem.Text)
	}
	if u := h.vault.SignedIn(); u.Name != "Olu Adebayo" || u.Role != access.KeyWorker {
		t.Errorf("signed in as %+v, want Olu Adebayo", u)
	}
}

func TestUnlockWithoutChoosingANameTriesThePassphraseAlone(t *testing.T) {
	h := hubWithTwoStaff(t)
	s, _ := newTestSession(t, h.config())
	test.Type(s.unlock.passphrase, olusPassphrase)
	test.Tap(s.unlock.submit)
	if s.caseload == nil {
		t.Fatalf("the passphrase alone did not sign in: %q", s.unlock.problem.Text)
	}
	if u := h.vault.SignedIn(); u.Name != "Olu Adebayo" {
		t.Errorf("signed in as %q, want Olu Adebayo", u.Name)
	}
}

func TestStoreWithNoStaffAccountsOffersNoNames(t *testing.T) {
	s, _ := newTestSession(t, newTestHub(t, testRecords()).config())
	if s.unlock.who != nil {
		t.Errorf("a store with no staff accounts offers names %v", s.unlock.who.Options)
	}
}

func TestLockScreenSignsInSomeoneElse(t *testing.T) {
	h := hubWithTwoStaff(t)
	s, w := h.open(t, nil) // Cat, with the passphrase alone
	if s.user.Name != "Cat Coordinator" {
		t.Fatalf("signed in as %q", s.user.Name)
	}
	pressShortcut(w, lockShortcut())
	ls := s.lock.screen
	if ls == nil || ls.who == nil {
		t.Fatal("the lock screen offers nobody else to sign in as")
	}
	if ls.who.Selected != "Cat Coordinator" || ls.submit.Text != "Unlock" {
		t.Errorf("the lock screen starts at %q with %q, want Cat Coordinator and Unlock", ls.who.Selected, ls.submit.Text)
	}

	// Olu's passphrase for Cat's session names Cat; it is never "not right for this store".
	test.Type(ls.passphrase, olusPassphrase)
	test.Tap(ls.submit)
	if want := "that passphrase is not right for Cat Coordinator"; ls.problem.Text != want {
		t.Errorf("problem = %q, want %q", ls.problem.Text, want)
	}

	ls.who.SetSelected("Olu Adebayo")
	if ls.submit.Text != "Sign in as Olu Adebayo" {
		t.Errorf("button says %q once Olu is chosen", ls.submit.Text)
	}
	test.Type(ls.passphrase, testPassphrase) // Cat's, not Olu's
	test.Tap(ls.submit)
	if !s.lock.locked || h.vault.SignedIn().Name != "Cat Coordinator" {
		t.Fatal("a wrong passphrase for Olu ended Cat's locked session")
	}
	if want := "that passphrase is not right for Olu Adebayo"; ls.problem.Text != want {
		t.Errorf("problem = %q, want %q", ls.problem.Text, want)
	}
	if strings.Contains(test.RenderToMarkup(w.Canvas()), "Álvarez") {
		t.Error("the locked window shows the caseload")
	}
	test.AssertRendersToMarkup(t, "locked_someone_else.xml", w.Canvas())

	test.Type(ls.passphrase, olusPassphrase)
	test.Tap(ls.submit)
	if s.lock.locked || s.caseload == nil || w.Content() != s.caseload.root {
		t.Fatal("Olu's passphrase did not open the caseload")
	}
	if s.user.Name != "Olu Adebayo" || h.vault.SignedIn().Name != "Olu Adebayo" {
		t.Errorf("after switching, the screens think %q and the store %q is signed in", s.user.Name, h.vault.SignedIn().Name)
	}
	if !strings.Contains(test.RenderToMarkup(w.Canvas()), "Signed in: Olu Adebayo") {
		t.Error("the account bar does not name Olu")
	}

	// Olu's own session locks and unlocks as his.
	pressShortcut(w, lockShortcut())
	test.Type(s.lock.screen.passphrase, olusPassphrase)
	test.Tap(s.lock.screen.submit)
	if s.lock.locked {
		t.Fatalf("Olu could not unlock his own session: %q", s.lock.screen.problem.Text)
	}
}

func TestCtrlQQuitsFromAnyScreen(t *testing.T) {
	h := hubWithTwoStaff(t)
	s, w := newTestSession(t, h.config())
	quits := 0
	s.quit = func() { quits++ }
	w.Canvas().Focus(s.unlock.passphrase)
	pressShortcut(w, quitShortcut())
	if quits != 1 {
		t.Fatalf("Ctrl+Q on the unlock screen quit %d times, want 1", quits)
	}
	test.Type(s.unlock.passphrase, testPassphrase)
	test.Tap(s.unlock.submit)
	pressShortcut(w, lockShortcut())
	pressShortcut(w, quitShortcut())
	if quits != 2 {
		t.Fatalf("Ctrl+Q on the lock screen: %d quits in all, want 2", quits)
	}
	first := w.MainMenu().Items[0].Items
	if last := first[len(first)-1]; last.Label != "Quit carehub" || !last.IsQuit {
		t.Errorf("the File menu ends with %q (quit %v), want Quit carehub", last.Label, last.IsQuit)
	}
	var items []string
	for _, it := range first {
		items = append(items, it.Label)
	}
	if !slices.Contains(items, "Lock carehub") {
		t.Errorf("the File menu holds %v", items)
	}
}

// switchingPlanSession is Cat at a person's Care plan, on a hub where Olu has an account too,
// locked, with the lock screen's work held so a test can act while the switch is under way.
func switchingPlanSession(t *testing.T) (*session, *testHub, *heldWorker, string) {
	t.Helper()
	r := planPerson()
	h := hubOfTwoStaff(t, r)
	s, w := h.session(t, catCoordinator)
	s.openPatient(r.patients[0].ID)
	s.patient.showPlan()
	pressShortcut(w, lockShortcut())
	held := &heldWorker{}
	s.lock.screen.work = held
	s.lock.screen.who.SetSelected("Olu Adebayo")
	return s, h, held, r.patients[0].ID
}

func storedAboutMe(t *testing.T, h *testHub, patientID string) []string {
	t.Helper()
	plans, err := h.store(t).Plans(patientID)
	must(t, err)
	var out []string
	for _, p := range plans {
		out = append(out, p.AboutMe)
	}
	return out
}

func TestWorkOfTheLockedScreensNeverRunsAsWhoeverSignsInNext(t *testing.T) {
	s, h, held, id := switchingPlanSession(t)
	e := s.patient.plan.editor
	test.Type(s.lock.screen.passphrase, olusPassphrase)
	test.Tap(s.lock.screen.submit) // Olu's key is being derived...
	test.Type(e.aboutMe, "Cat's words")
	held.finish() // ...and Olu is signed in
	if s.user.Name != "Olu Adebayo" {
		t.Fatalf("signed in as %q", s.user.Name)
	}
	if got := storedAboutMe(t, h, id); slices.Contains(got, "Cat's words") {
		t.Errorf("Cat's edit made while Olu signed in was saved in Olu's session: %q", got)
	}
	test.Type(e.aboutMe, " and more") // the old screen, afterwards
	if got := storedAboutMe(t, h, id); slices.ContainsFunc(got, func(a string) bool { return strings.Contains(a, "Cat's words") }) {
		t.Errorf("the earlier person's screen saved after the switch: %q", got)
	}
}

func TestWorkOfTheLockedScreensGoesOnWhenTheSwitchFails(t *testing.T) {
	s, h, held, id := switchingPlanSession(t)
	e := s.patient.plan.editor
	test.Type(s.lock.screen.passphrase, testPassphrase) // Cat's, for Olu
	test.Tap(s.lock.screen.submit)
	test.Type(e.aboutMe, "Cat's words")
	if got := storedAboutMe(t, h, id); slices.Contains(got, "Cat's words") {
		t.Fatalf("saved while someone else was signing in: %q", got)
	}
	held.finish()
	if !s.lock.locked || h.vault.SignedIn().Name != "Cat Coordinator" {
		t.Fatal("a wrong passphrase for Olu ended Cat's session")
	}
	if got := storedAboutMe(t, h, id); !slices.Contains(got, "Cat's words") {
		t.Errorf("Cat's edit was lost when the switch failed: %q", got)
	}
}
