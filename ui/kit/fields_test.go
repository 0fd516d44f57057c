package kit

import (
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
