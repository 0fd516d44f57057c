package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// maxConditionMatches is how many matches the picker offers at once: enough for "diab" or
// "heart", few enough that the form does not jump about as letters are typed.
const maxConditionMatches = 6

// conditionPicker chooses long-term conditions from the hub's SNOMED CT list: type part of a
// name ("diab"), tap a match to add it; chosen conditions are listed with a button to remove
// each. Only conditions on the list can be chosen, so every code saved is a known one.
type conditionPicker struct {
	onChanged func()
	chosen    []string // SNOMED CT codes, in the order chosen

	search  *kit.Entry
	matches *fyne.Container  // a button per match
	offered []*widget.Button // the same buttons, in order
	codes   []string         // the conditions they add, in the same order
	list    *fyne.Container  // the chosen conditions
	problem *widget.Label
	root    fyne.CanvasObject
}

func newConditionPicker(onChanged func()) *conditionPicker {
	c := &conditionPicker{onChanged: onChanged}
	c.search = kit.NewTextEntry()
	c.search.SetPlaceHolder("Type to find a condition, e.g. diab")
	c.search.OnChanged = c.onSearchChanged
	c.search.OnSubmitted = c.onSearchSubmitted
	c.matches = container.NewGridWrap(fyne.NewSize(260, theme.Size(theme.SizeNameText)*2.6))
	c.list = container.NewVBox()
	c.problem = kit.NewProblemLabel()
	c.root = container.NewVBox(c.search, c.matches, c.list, c.problem)
	c.showChosen()
	return c
}

// onSearchChanged offers the conditions whose names hold the typed text, leaving out any
// already chosen.
func (c *conditionPicker) onSearchChanged(typed string) {
	c.matches.RemoveAll()
	c.offered, c.codes = nil, nil
	if typed != "" {
		for _, cond := range careplan.SearchConditions(typed) {
			if c.has(cond.Code) || len(c.matches.Objects) == maxConditionMatches {
				continue
			}
			b := c.matchButton(cond)
			c.offered = append(c.offered, b)
			c.codes = append(c.codes, cond.Code)
			c.matches.Add(b)
		}
	}
	c.matches.Refresh()
}

// onSearchSubmitted adds the match on Enter when there is only one, so a condition can be
// chosen without leaving the keyboard; with several, Tab reaches their buttons.
func (c *conditionPicker) onSearchSubmitted(string) {
	if len(c.codes) == 1 {
		c.add(c.codes[0])
	}
}

func (c *conditionPicker) matchButton(cond careplan.Condition) *widget.Button {
	return widget.NewButtonWithIcon(cond.Term, theme.ContentAddIcon(), func() { c.add(cond.Code) })
}

func (c *conditionPicker) has(code string) bool {
	for _, have := range c.chosen {
		if have == code {
			return true
		}
	}
	return false
}

// add chooses a condition and clears the search for the next one.
func (c *conditionPicker) add(code string) {
	if !c.has(code) {
		c.chosen = append(c.chosen, code)
	}
	c.search.SetText("")
	c.showChosen()
	c.onChanged()
}

func (c *conditionPicker) remove(code string) {
	for i, have := range c.chosen {
		if have == code {
			c.chosen = append(c.chosen[:i], c.chosen[i+1:]...)
			break
		}
	}
	c.showChosen()
	c.onSearchChanged(c.search.Text)
	c.onChanged()
}

func (c *conditionPicker) showChosen() {
	c.list.RemoveAll()
	if len(c.chosen) == 0 {
		c.list.Add(kit.Quiet("No conditions chosen yet."))
	}
	for _, code := range c.chosen {
		code := code
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { c.remove(code) })
		c.list.Add(container.NewBorder(nil, nil, nil, remove, widget.NewLabel("• "+careplan.ConditionTerm(code))))
	}
	c.list.Refresh()
}
