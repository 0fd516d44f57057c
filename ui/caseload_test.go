package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan"
	"carehub/careplan/access"
)

func TestCaseloadGolden(t *testing.T) {
	s, w, _ := unlockedSession(t, testRecords())
	if got, want := s.caseload.count.Text, "20 of 20 people"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
	if got := s.caseload.list.Length(); got != 20 {
		t.Errorf("list has %d rows, want 20", got)
	}
	test.AssertRendersToMarkup(t, "caseload.xml", w.Canvas())
}

func TestCaseloadSearchIgnoresAccents(t *testing.T) {
	s, w, _ := unlockedSession(t, testRecords())
	test.Type(s.caseload.search, "sian")

	if got := shownNames(s.caseload); len(got) != 1 || got[0] != "O'Brien, Siân" {
		t.Fatalf("searching %q shows %q, want only Siân O'Brien", "sian", got)
	}
	if got, want := s.caseload.count.Text, "1 of 20 people"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
	test.AssertRendersToMarkup(t, "caseload_search.xml", w.Canvas())

	// Clearing the search shows everyone again.
	s.caseload.search.SetText("")
	if got := s.caseload.list.Length(); got != 20 {
		t.Errorf("after clearing the search the list has %d rows, want 20", got)
	}
}

func TestCaseloadSearchByNHSNumber(t *testing.T) {
	r := testRecords()
	want := r.patients[4]
	s, _, _ := unlockedSession(t, r)
	test.Type(s.caseload.search, string(want.NHSNumber))
	got := shownNames(s.caseload)
	if len(got) != 1 || got[0] != careplan.CaseloadEntryFor(want, nil).SortName() {
		t.Errorf("searching NHS number %s shows %q, want only %s", want.NHSNumber, got, want.FullName())
	}
}

func TestCaseloadStatusFilter(t *testing.T) {
	r := testRecords()
	s, _, _ := unlockedSession(t, r)
	active := 0
	for _, p := range r.patients {
		if p.Status == careplan.StatusActive {
			active++
		}
	}
	if active == 0 || active == len(r.patients) {
		t.Fatalf("the fixture needs some active people and some not, has %d of %d", active, len(r.patients))
	}

	s.caseload.status.SetSelected(careplan.StatusActive.Label())
	if got := s.caseload.list.Length(); got != active {
		t.Errorf("filtering on Active shows %d people, want %d", got, active)
	}
	for _, i := range s.caseload.shown {
		if e := s.caseload.index.Entry(i); e.Status != careplan.StatusActive {
			t.Errorf("filtering on Active shows %s, who is %s", e.SortName(), e.Status.Label())
		}
	}
	if want := peopleCount(active, len(r.patients)); s.caseload.count.Text != want {
		t.Errorf("count = %q, want %q", s.caseload.count.Text, want)
	}

	s.caseload.status.SetSelected(allStatuses)
	if got := s.caseload.list.Length(); got != len(r.patients) {
		t.Errorf("back on all statuses the list has %d rows, want %d", got, len(r.patients))
	}
}

// TestTappingRowOpensThatPatient guards the wrong-patient hazard: the summary opened by a tap
// must be for the person in the row tapped, with their NHS number in the banner.
func TestTappingRowOpensThatPatient(t *testing.T) {
	s, w, h := unlockedSession(t, testRecords())
	for _, row := range []int{0, 3} {
		want := s.caseload.index.Entry(s.caseload.shown[row])
		before := len(h.viewed(t))
		test.TapCanvas(w.Canvas(), rowPosition(s.caseload, row))

		if s.patient == nil || w.Content() != s.patient.root {
			t.Fatalf("tapping row %d did not open a patient summary", row)
		}
		if got := s.patient.nhsNumber.Text; got != want.NHSNumber.Display() {
			t.Errorf("row %d (%s): banner NHS number = %q, want %q", row, want.SortName(), got, want.NHSNumber.Display())
		}
		if got, wantName := s.patient.name.Text, want.GivenName+" "+want.FamilyName; got != wantName {
			t.Errorf("row %d: banner name = %q, want %q", row, got, wantName)
		}
		if viewed := h.viewed(t)[before:]; len(viewed) != 1 || viewed[0] != want.PatientID {
			t.Errorf("row %d: records viewed %q, want only %q", row, viewed, want.PatientID)
		}

		test.Tap(s.patient.back)
		if w.Content() != s.caseload.root {
			t.Fatal("Back to caseload did not go back")
		}
	}
}

func TestBackKeepsTheSearch(t *testing.T) {
	s, w, _ := unlockedSession(t, testRecords())
	test.Type(s.caseload.search, "sian")
	if s.caseload.list.Length() != 1 {
		t.Fatalf("searching %q shows %d people, want 1", "sian", s.caseload.list.Length())
	}
	test.TapCanvas(w.Canvas(), rowPosition(s.caseload, 0))
	if s.patient == nil {
		t.Fatal("tapping the row did not open the summary")
	}
	test.Tap(s.patient.back)
	if s.caseload.search.Text != "sian" || s.caseload.list.Length() != 1 {
		t.Errorf("after going back the search is %q with %d rows, want %q with 1",
			s.caseload.search.Text, s.caseload.list.Length(), "sian")
	}
}

func TestCaseloadShowsLoadingThenList(t *testing.T) {
	test.NewTempApp(t)
	h := newTestHub(t, testRecords())
	h.signIn(t, access.User{})
	held := &heldWorker{}
	c := newCaseloadScreen(h.svc.Records, held, fixedToday, nil, func(string) {}, nil, nil)
	w := test.NewTempWindow(t, c.root)
	w.Resize(testWindowSize())
	c.load()

	if !labelShown(c.body, "Loading caseload…") {
		t.Error("no loading message while the caseload is read")
	}
	if !c.search.Disabled() {
		t.Error("search is usable before the caseload has loaded")
	}
	held.finish()
	if c.list.Length() != 20 || c.search.Disabled() {
		t.Errorf("after loading: %d rows, search disabled %v", c.list.Length(), c.search.Disabled())
	}
}

func TestEmptyStoreGolden(t *testing.T) {
	s, w, _ := unlockedSession(t, nil)
	if s.caseload.demo == nil {
		t.Fatal("an empty store with demo data available does not offer it")
	}
	if !strings.Contains(s.caseload.demo.Text, "500 synthetic patients") {
		t.Errorf("demo button says %q", s.caseload.demo.Text)
	}
	test.AssertRendersToMarkup(t, "caseload_empty.xml", w.Canvas())
}

func TestEmptyStoreLoadsDemoThenShowsCaseload(t *testing.T) {
	s, _, _ := unlockedSession(t, nil)
	held := &heldWorker{}
	s.caseload.work = held
	test.Tap(s.caseload.demo)
	if !s.caseload.demo.Disabled() || !s.caseload.demoProgress.Visible() {
		t.Error("while demo data loads the button should be disabled and the progress bar shown")
	}
	held.finish() // the demo load
	if s.caseload.demoProgress.Value != 1 {
		t.Errorf("progress bar ended at %v, want 1", s.caseload.demoProgress.Value)
	}
	held.finish() // the caseload reload the demo load started

	if got := s.caseload.list.Length(); got != demoPatients {
		t.Errorf("after loading demo data the caseload shows %d people, want %d", got, demoPatients)
	}
	if got, want := s.caseload.count.Text, peopleCount(demoPatients, demoPatients); got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
}

func TestDemoLoadFailureIsShown(t *testing.T) {
	h := newTestHub(t, nil)
	s, _ := h.session(t, access.User{}, func(c *Config) {
		c.Services.Demo = failingDemo{errors.New("the disk is full")}
	})
	test.Tap(s.caseload.demo)
	if !s.caseload.demoProblem.Visible() || !strings.Contains(s.caseload.demoProblem.Text, "the disk is full") {
		t.Errorf("problem = %q (visible %v)", s.caseload.demoProblem.Text, s.caseload.demoProblem.Visible())
	}
	if s.caseload.demo.Disabled() {
		t.Error("after a failed demo load the button cannot be tried again")
	}
}

// failingDemo is demo data that cannot be loaded, as on a full disk.
type failingDemo struct{ err error }

func (f failingDemo) LoadDemo(int, func(done, total int)) error { return f.err }

func TestPeopleCount(t *testing.T) {
	tests := []struct {
		shown, total int
		want         string
	}{
		{1234, 30000, "1,234 of 30,000 people"},
		{0, 20, "0 of 20 people"},
		{1, 1, "1 of 1 person"},
		{999, 1000000, "999 of 1,000,000 people"},
	}
	for _, tt := range tests {
		if got := peopleCount(tt.shown, tt.total); got != tt.want {
			t.Errorf("peopleCount(%d, %d) = %q, want %q", tt.shown, tt.total, got, tt.want)
		}
	}
}

func TestReviewText(t *testing.T) {
	today := fixedToday()
	tests := []struct {
		name  string
		entry careplan.CaseloadEntry
		want  string
	}{
		{"no plan", careplan.CaseloadEntry{Status: careplan.StatusActive}, "no review date"},
		{"past, still open", careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: today.AddDays(-1)}, "1 Mar 2026 · overdue"},
		{"today", careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: today}, "2 Mar 2026"},
		{"past, discharged", careplan.CaseloadEntry{Status: careplan.StatusDischarged, ReviewDate: today.AddDays(-1)}, "1 Mar 2026"},
	}
	for _, tt := range tests {
		if got, _ := reviewText(tt.entry, today); got != tt.want {
			t.Errorf("%s: reviewText = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// shownNames lists the names the caseload list shows, in order.
func shownNames(c *caseloadScreen) []string {
	var out []string
	for _, i := range c.shown {
		out = append(out, c.index.Entry(i).SortName())
	}
	return out
}

// rowPosition is the middle of a row of the caseload list, on the window's canvas.
func rowPosition(c *caseloadScreen, row int) fyne.Position {
	h := newCaseloadRow().MinSize().Height + theme.SeparatorThicknessSize()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.list)
	return at.Add(fyne.NewPos(40, h*float32(row)+h/2))
}

// bigCaseload is a caseload of n made-up entries without building whole patients: the list's
// rows are what is tested, not reading them. It reads no one's record.
type bigCaseload struct {
	Records
	entries []careplan.CaseloadEntry
}

func (b *bigCaseload) Caseload() ([]careplan.CaseloadEntry, error) { return b.entries, nil }

func newBigCaseload(n int) *bigCaseload {
	people := caseloadPeople()
	b := &bigCaseload{entries: make([]careplan.CaseloadEntry, n)}
	for i := range b.entries {
		name := people[i%len(people)]
		b.entries[i] = careplan.CaseloadEntry{
			PatientID: fmt.Sprintf("b%05d", i), NHSNumber: testNHSNumber(i * 11),
			GivenName: name[0], FamilyName: fmt.Sprintf("%s %d", name[1], i),
			DateOfBirth: careplan.NewDate(1930+i%70, time.Month(1+i%12), 1+i%28),
			Status:      careplan.Statuses()[i%7], KeyWorker: "Sam Green",
		}
	}
	return b
}

// TestCaseloadMakesRowsOnlyForWhatShows guards smooth scrolling at 30,000 people: the list
// must make rows for the screen, never one per person.
func TestCaseloadMakesRowsOnlyForWhatShows(t *testing.T) {
	test.NewTempApp(t)
	c := newCaseloadScreen(newBigCaseload(30000), inline{}, fixedToday, nil, func(string) {}, nil, nil)
	rows := 0
	c.list.CreateItem = func() fyne.CanvasObject { rows++; return c.newRow() }
	w := test.NewTempWindow(t, c.root)
	w.Resize(testWindowSize())
	c.load()

	if got, want := c.count.Text, "30,000 of 30,000 people"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
	c.list.ScrollToBottom()
	if rows == 0 || rows > 60 {
		t.Errorf("the list made %d rows for 30,000 people; it should make only enough to fill the window", rows)
	}
}

// brokenCaseload cannot read the caseload: the failure the screen must put in words.
type brokenCaseload struct{ Records }

func (*brokenCaseload) Caseload() ([]careplan.CaseloadEntry, error) {
	return nil, errors.New("the store is damaged")
}

func TestCaseloadReadProblemIsShown(t *testing.T) {
	s, _, _ := unlockedSession(t, nil)
	c := newCaseloadScreen(&brokenCaseload{}, inline{}, fixedToday, nil, s.openPatient, nil, nil)
	s.w.SetContent(c.root)
	c.load()
	want := "The caseload could not be read: the store is damaged"
	if !labelShown(c.body, want) {
		t.Errorf("the screen does not say %q; it shows %q", want, labelTexts(c.body))
	}
	if !c.search.Disabled() {
		t.Error("search is usable with no caseload to search")
	}
}
