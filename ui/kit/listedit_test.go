package kit

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// group is a record a list-and-edit screen could keep: a named group that can close.
type group struct {
	ID, Name string
	Closed   bool
}

// groupsScreen is a list-and-edit screen as a carehub screen would write it with the kit.
type groupsScreen struct {
	page        *ListEdit[group]
	stored      []group
	loadErr     error
	saveErr     error
	name        *Entry
	nameProblem *widget.Label
	closed      *widget.Check
	backs       int
}

func newGroupsScreen(work Worker, stored []group) *groupsScreen {
	s := &groupsScreen{stored: stored}
	s.page = NewListEdit[group](s, work, ListSpec{Heading: "Groups", Add: "Add a group", New: "New group",
		Back: "Back", Reading: "Reading the groups…", Unread: "The groups could not be read",
		Empty: "No groups yet.", Columns: []float32{2, 0.7}, Header: []string{"Name", ""}, Split: 0.5}, s.onBack)
	s.name = NewEntry("Name")
	s.nameProblem = s.page.NewProblemLabel()
	s.closed = widget.NewCheck("Closed", nil)
	s.page.SetForm(Field{Name: "Name", Widget: s.name, Problem: s.nameProblem}, Field{Widget: s.closed})
	return s
}

func (s *groupsScreen) onBack() { s.backs++ }

func (s *groupsScreen) Load() ([]group, error) { return append([]group(nil), s.stored...), s.loadErr }

func (s *groupsScreen) Save(g *group) error {
	if s.saveErr != nil {
		return s.saveErr
	}
	if g.ID == "" {
		g.ID = fmt.Sprintf("g%d", len(s.stored)+1)
		s.stored = append(s.stored, *g)
		return nil
	}
	for i := range s.stored {
		if s.stored[i].ID == g.ID {
			s.stored[i] = *g
		}
	}
	return nil
}

func (s *groupsScreen) Blank() group        { return group{} }
func (s *groupsScreen) ID(g group) string   { return g.ID }
func (s *groupsScreen) Name(g group) string { return g.Name }
func (s *groupsScreen) Row(g group) []fyne.CanvasObject {
	name := g.Name
	if g.Closed {
		name += " (closed)"
	}
	return []fyne.CanvasObject{Para(name)}
}
func (s *groupsScreen) Fill(g group) {
	s.name.SetText(g.Name)
	s.closed.SetChecked(g.Closed)
}
func (s *groupsScreen) Read(g group) (group, Problems) {
	g.Name = strings.TrimSpace(s.name.Text)
	g.Closed = s.closed.Checked
	if g.Name == "" {
		return g, Problems{s.nameProblem: "Give the group a name."}
	}
	return g, nil
}

// shown is every visible label's text on the screen.
func shown(o fyne.CanvasObject) string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

func TestListEditAddsEditsAndMarks(t *testing.T) {
	w := testWindow(t)
	s := newGroupsScreen(inline, []group{{ID: "g1", Name: "Lunch club"}})
	w.SetContent(s.page.Root)
	s.page.Load()
	if !strings.Contains(shown(s.page.List), "Lunch club") || s.page.EditButton("g1") == nil {
		t.Fatalf("the list shows %q", shown(s.page.List))
	}
	if s.page.FormHeading.Text != "New group" {
		t.Errorf("the form starts on %q, want a new group", s.page.FormHeading.Text)
	}

	test.Tap(s.page.Save)
	if !s.nameProblem.Visible() || len(s.stored) != 1 {
		t.Fatalf("an unnamed group: problem shown %v, stored %+v", s.nameProblem.Visible(), s.stored)
	}
	test.Type(s.name, "Walking group")
	test.Tap(s.page.Save)
	if len(s.stored) != 2 || s.stored[1].Name != "Walking group" || s.nameProblem.Visible() {
		t.Fatalf("after adding: %+v", s.stored)
	}
	if s.page.FormHeading.Text != "Edit Walking group" || !strings.Contains(shown(s.page.List), "Walking group") {
		t.Errorf("after adding, the form says %q and the list %q", s.page.FormHeading.Text, shown(s.page.List))
	}

	// Editing keeps the same record; marking it closed shows in the list.
	test.Tap(s.page.EditButton("g1"))
	if s.name.Text != "Lunch club" {
		t.Fatalf("Edit put %q in the form", s.name.Text)
	}
	s.closed.SetChecked(true)
	test.Tap(s.page.Save)
	if len(s.stored) != 2 || !s.stored[0].Closed || s.stored[0].Name != "Lunch club" {
		t.Fatalf("after editing: %+v", s.stored)
	}
	if !strings.Contains(shown(s.page.List), "Lunch club (closed)") {
		t.Error("the list does not mark the closed group")
	}

	test.Tap(s.page.Add)
	if s.name.Text != "" || s.page.FormHeading.Text != "New group" {
		t.Errorf("Add left %q in the form under %q", s.name.Text, s.page.FormHeading.Text)
	}
	test.Tap(s.page.Back)
	if s.backs != 1 {
		t.Error("Back did not leave the screen")
	}
}

func TestListEditSaySoWhenItCannot(t *testing.T) {
	w := testWindow(t)
	s := newGroupsScreen(inline, nil)
	w.SetContent(s.page.Root)
	s.page.Load()
	if !strings.Contains(shown(s.page.List), "No groups yet.") {
		t.Errorf("an empty list shows %q", shown(s.page.List))
	}
	s.loadErr = errors.New("the disk is unreadable")
	s.page.Load()
	if !strings.Contains(shown(s.page.List), "The groups could not be read: the disk is unreadable") {
		t.Errorf("a failed load shows %q", shown(s.page.List))
	}
	s.saveErr = errors.New("the disk is full")
	test.Type(s.name, "Choir")
	test.Tap(s.page.Save)
	if s.page.Problem.Text != "Could not be saved: the disk is full" || s.name.Text != "Choir" || s.page.Save.Disabled() {
		t.Errorf("a failed save says %q, keeps %q, Save disabled %v", s.page.Problem.Text, s.name.Text, s.page.Save.Disabled())
	}
	s.saveErr = nil
	test.Tap(s.page.Save)
	if s.page.Problem.Visible() || len(s.stored) != 1 {
		t.Errorf("after saving again: problem %q shown, stored %+v", s.page.Problem.Text, s.stored)
	}
}
