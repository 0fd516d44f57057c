package kit

import (
	"errors"
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestGridRowHidesWithItsName(t *testing.T) {
	test.NewTempApp(t)
	carer := widget.NewSelect([]string{"Rhodri"}, nil)
	problem := NewProblemLabel()
	var row Row
	g := Grid(Field{Name: "Score", Widget: NewEntry("e.g. 58.4")},
		Field{Name: "Carer", Widget: carer, Problem: problem, Row: &row})
	if len(g.Objects) != 4 {
		t.Fatalf("grid holds %d objects, want a name and a value for each of 2 fields", len(g.Objects))
	}
	if g.Objects[0].(*widget.Label).Text != "Score" || !g.Objects[0].(*widget.Label).TextStyle.Bold {
		t.Error("a field's name is not shown in bold beside it")
	}
	row.Show(false)
	if row.Visible() || g.Objects[2].Visible() || g.Objects[3].Visible() {
		t.Error("a hidden row still shows its name or its field")
	}
	row.Show(true)
	if !row.Visible() || !g.Objects[2].Visible() {
		t.Error("a shown row is hidden")
	}
}

func TestProblemLabelShowsOnlyWithText(t *testing.T) {
	test.NewTempApp(t)
	l := NewProblemLabel()
	if l.Visible() {
		t.Error("a problem shows before there is one")
	}
	SetProblem(l, "Write a name.")
	if !l.Visible() || l.Importance != widget.DangerImportance {
		t.Error("a problem is not shown, in red")
	}
	SetProblem(l, "")
	if l.Visible() {
		t.Error("a problem put right still shows")
	}
}

func TestProblemsWhenSaysTheFirstProblemOfAField(t *testing.T) {
	test.NewTempApp(t)
	errInFuture := errors.New("in the future")
	errNoName := errors.New("no name")
	date, name := NewProblemLabel(), NewProblemLabel()
	err := fmt.Errorf("contact: %w", errors.Join(errInFuture, errNoName))

	p := Problems{date: "Write the date as DD/MM/YYYY or YYYY-MM-DD."}
	p.When(err, errInFuture, date, "The date cannot be in the future.")
	p.When(err, errNoName, name, "Say who made the contact.")
	p.When(err, errors.New("another rule"), name, "Not this.")
	if p[date] != "Write the date as DD/MM/YYYY or YYYY-MM-DD." {
		t.Errorf("a date that does not read is told %q", p[date])
	}
	if p[name] != "Say who made the contact." {
		t.Errorf("a wrapped rule says %q", p[name])
	}
	p.When(nil, errNoName, date, "Not this either.")
	if len(p) != 2 {
		t.Errorf("no error added a problem: %v", p)
	}
}
