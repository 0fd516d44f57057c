package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"carehub/pam"
)

// Fyne's test driver delivers no keys of its own: these helpers deliver them in the order
// the desktop driver does (fyne internal/driver/glfw window.go, processKeyPressed and
// triggersShortcut), so a test shows what a key does in the real window.

// pressKey sends one key: Tab moves focus unless the focused widget takes tabs; any other key
// goes to the focused widget, or to the window's own key handler when nothing has focus.
func pressKey(w fyne.Window, name fyne.KeyName) {
	c := w.Canvas()
	focused := c.Focused()
	if name == fyne.KeyTab {
		if t, ok := focused.(fyne.Tabbable); !ok || !t.AcceptsTab() {
			c.FocusNext()
			return
		}
	}
	ev := &fyne.KeyEvent{Name: name}
	if focused != nil {
		focused.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// pressShortcut sends a shortcut: the window's menus are asked first, then the focused
// widget (which keeps it, known or not), and only then the canvas.
func pressShortcut(w fyne.Window, sc fyne.Shortcut) {
	if m := w.MainMenu(); m != nil && menuTakes(m.Items, sc) {
		return
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

func menuTakes(menus []*fyne.Menu, sc fyne.Shortcut) bool {
	for _, m := range menus {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && menuTakes([]*fyne.Menu{it.ChildMenu}, sc) {
				return true
			}
		}
	}
	return false
}

// typeKeys types text where the focus is, as a keyboard would.
func typeKeys(w fyne.Window, text string) {
	if f := w.Canvas().Focused(); f != nil {
		for _, r := range text {
			f.TypedRune(r)
		}
	}
}

func TestCtrlLLocksWhileTypingInTheSearchBox(t *testing.T) {
	h := newTestHub(t, testRecords())
	s, w := h.session(t, catCoordinator)
	pressShortcut(w, findShortcut())
	if w.Canvas().Focused() != s.caseload.search {
		t.Fatal("Ctrl+F did not put the cursor in the search box")
	}
	typeKeys(w, "sian")
	pressShortcut(w, lockShortcut())
	if !s.lock.locked || w.Content() != s.lock.screen.root {
		t.Fatal("Ctrl+L typed in the search box did not lock the window")
	}
}

func TestEscapeClosesAFormAndADialog(t *testing.T) {
	s, w, o := outcomesSession(t)
	test.Tap(s.patient.outcomes.recordPAM)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Record a PAM… opened no form")
	}
	typeKeys(w, "58.4") // focus starts in the score
	pressKey(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape in the score did not close the PAM form")
	}
	if got := o.savedPAM(t); len(got) != 0 {
		t.Fatalf("Escape saved %d PAMs", len(got))
	}

	dialog.ShowInformation("Printed", "The plan was saved.", w)
	pressKey(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close a message")
	}
	// The window's key handler is the session's again once the form has gone.
	test.Tap(s.patient.outcomes.recordPAM)
	pressKey(w, fyne.KeyEscape)
	dialog.ShowInformation("Printed", "The plan was saved.", w)
	w.Canvas().Unfocus()
	pressKey(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape stopped closing messages after a form was cancelled")
	}
}

func TestEnterInTheSearchBoxOpensTheFirstMatch(t *testing.T) {
	h := newTestHub(t, testRecords())
	s, w := h.session(t, catCoordinator)
	pressShortcut(w, findShortcut())
	pressKey(w, fyne.KeyReturn)
	if w.Content() != s.caseload.root {
		t.Fatal("Enter in an empty search box opened someone")
	}
	typeKeys(w, "okafor")
	pressKey(w, fyne.KeyReturn)
	if s.patient == nil || w.Content() != s.patient.root {
		t.Fatal("Enter in the search box opened nobody")
	}
	if got := h.viewed(t); len(got) != 1 || got[0] != pid("p11") {
		t.Errorf("opened %v, want Ifeoma Okafor (%s)", got, pid("p11"))
	}
}

func TestArrowKeysWalkTheCaseloadAndEnterOpensARow(t *testing.T) {
	h := newTestHub(t, testRecords())
	s, w := h.session(t, catCoordinator)
	pressShortcut(w, findShortcut())
	pressKey(w, fyne.KeyDown) // from the search box to the first row
	if w.Canvas().Focused() != s.caseload.list {
		t.Fatal("Down in the search box did not move to the caseload rows")
	}
	pressKey(w, fyne.KeyDown)
	pressKey(w, fyne.KeyDown)
	want := s.caseload.index.Entry(s.caseload.shown[2]).PatientID
	pressKey(w, fyne.KeyReturn)
	if s.patient == nil || w.Content() != s.patient.root {
		t.Fatal("Enter on a caseload row opened nobody")
	}
	if got := h.viewed(t); len(got) != 1 || got[0] != want {
		t.Errorf("opened %v, want the third row, %s", got, want)
	}
}

func TestTabLeavesTheReasonBoxWithoutTypingATab(t *testing.T) {
	st := newEnrolStore(t)
	s, n := openNominationOn(t, st)
	w := s.w
	w.Canvas().Focus(n.reason)
	typeKeys(w, "Three conditions")
	pressKey(w, fyne.KeyTab)
	if strings.Contains(n.reason.Text, "\t") {
		t.Errorf("a tab was typed into the reason: %q", n.reason.Text)
	}
	if w.Canvas().Focused() == n.reason {
		t.Error("Tab did not leave the reason box")
	}
}

func TestEnterInTheConditionPickerAddsTheOnlyMatch(t *testing.T) {
	st := newEnrolStore(t)
	s, n := openNominationOn(t, st)
	w := s.w
	w.Canvas().Focus(n.conditions.search)
	typeKeys(w, "heart")
	if len(n.conditions.codes) < 2 {
		t.Fatalf("the test needs several matches for %q, got %d", "heart", len(n.conditions.codes))
	}
	pressKey(w, fyne.KeyReturn)
	if len(n.conditions.chosen) != 0 {
		t.Fatalf("Enter with several matches chose %v", n.conditions.chosen)
	}
	n.conditions.search.SetText("")
	typeKeys(w, "copd")
	pressKey(w, fyne.KeyReturn)
	if len(n.conditions.chosen) != 1 || n.conditions.chosen[0] != "13645005" {
		t.Fatalf("Enter with one match chose %v, want COPD (13645005)", n.conditions.chosen)
	}
	if n.conditions.search.Text != "" {
		t.Errorf("the search still says %q after adding", n.conditions.search.Text)
	}
}

// TestKeyboardOnlyFromSearchToASavedPAM walks as someone who cannot use a mouse: find the
// person, open them, move to Outcomes, record a PAM and save it, with keys alone.
func TestKeyboardOnlyFromSearchToASavedPAM(t *testing.T) {
	h := newTestHub(t, testRecords())
	s, w := h.session(t, catCoordinator)
	pressShortcut(w, findShortcut())
	typeKeys(w, "o'brien")
	pressKey(w, fyne.KeyReturn)
	if s.patient == nil || w.Content() != s.patient.root {
		t.Fatal("Enter in the search box opened nobody")
	}
	for i := 0; i < 5 && s.patient.tabs.Selected().Text != "Outcomes"; i++ {
		pressShortcut(w, nextTabShortcut())
	}
	if s.patient.tabs.Selected().Text != "Outcomes" {
		t.Fatal("Ctrl+Tab never reached the Outcomes tab")
	}
	focusOn(t, w, s.patient.outcomes.recordPAM)
	pressKey(w, fyne.KeySpace)
	f := s.patient.outcomes.pamForm
	if f == nil || w.Canvas().Focused() != f.score {
		t.Fatal("Space on Record a PAM… did not open the form with the cursor in the score")
	}
	typeKeys(w, "58.4")
	pressKey(w, fyne.KeyTab) // to the level
	for i := 0; i < 3; i++ {
		pressKey(w, fyne.KeyRight) // level 3 with the arrows
	}
	if f.recordedBy.Text != catCoordinator.Name {
		t.Fatalf("Recorded by starts as %q, not the signed-in %q", f.recordedBy.Text, catCoordinator.Name)
	}
	focusOn(t, w, f.form.Save)
	pressKey(w, fyne.KeySpace)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("the PAM form is still open: %q %q %q", f.scoreProblem.Text, f.takenOnProblem.Text, f.form.Problem.Text)
	}
	all, err := h.store(t).Assessments(pid("p01"))
	if err != nil {
		t.Fatal(err)
	}
	var saved []pam.Assessment
	for _, a := range all {
		if want, _ := pam.ParseScore("58.4"); a.Score == want && a.RecordedBy == catCoordinator.Name {
			saved = append(saved, a)
		}
	}
	if len(saved) != 1 || saved[0].Level != pam.Level3 || saved[0].TakenOn != fixedToday() {
		t.Fatalf("saved %+v, want one PAM of 58.4 at level 3 taken today", saved)
	}
}

// focusOn presses Tab until target has focus, as a keyboard user would; it fails when Tab
// goes all the way round without reaching it.
func focusOn(t *testing.T, w fyne.Window, target fyne.Focusable) {
	t.Helper()
	for i := 0; i < 60; i++ {
		if w.Canvas().Focused() == target {
			return
		}
		pressKey(w, fyne.KeyTab)
	}
	t.Fatalf("Tab never reached %T", target)
}
