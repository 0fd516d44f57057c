package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"carehub/careplan"
	"carehub/ui/kit"
)

// aheadPart is the plan editor's Planning ahead section: for each part (ReSPECT or DNACPR
// form, lasting power of attorney, advance decision, preferred places of care and death) what
// the person said and who told the hub. An answer is dated the day it is written or changed,
// so the printed plan can say when the hub heard it.
type aheadPart struct {
	e       *planEditor
	answers []*kit.Entry
	toldBy  []*kit.Entry
	root    fyne.CanvasObject
}

func newAheadPart(e *planEditor) *aheadPart {
	a := &aheadPart{e: e}
	var fields []kit.Field
	for i, entry := range e.plan.Ahead.Entries() {
		answer := lineEntry(entry.Item.Answer, aheadHint(i), func(s string) { a.onAnswer(i, s) })
		by := lineEntry(entry.Item.ToldBy, "Who told the hub", func(s string) { a.onToldBy(i, s) })
		a.answers, a.toldBy = append(a.answers, answer), append(a.toldBy, by)
		fields = append(fields, kit.Field{Name: entry.Label, Widget: container.NewGridWithColumns(2, answer, by)})
	}
	a.root = kit.Section("Planning ahead",
		kit.Quiet("Each is optional. Write what the person has in place, or wants, and who told the hub; it is dated today when written."),
		kit.Grid(fields...))
	return a
}

// aheadHint is each part's placeholder, saying what kind of answer it wants.
func aheadHint(i int) string {
	return []string{
		"In place or not, and where it is kept",
		"Who holds it",
		"In place or not, and where it is kept",
		"e.g. at home",
		"e.g. at home, at the hospice",
	}[i]
}

// item is the i-th part of the plan being edited.
func (a *aheadPart) item(i int) *careplan.AheadItem { return a.e.plan.Ahead.Entries()[i].Item }

func (a *aheadPart) onAnswer(i int, s string) {
	a.e.beginEdit()
	it := a.item(i)
	it.Answer, it.On = s, a.e.today
	a.e.edited()
}

func (a *aheadPart) onToldBy(i int, s string) {
	a.e.beginEdit()
	a.item(i).ToldBy = s
	a.e.edited()
}
