package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// planHistory lists every version of the plan, each of which opens read-only, and says in
// words what changed between any two chosen.
type planHistory struct {
	versions []careplan.Plan
	onBack   func()
	onOpen   func(careplan.Plan)

	back *widget.Button
	from *widget.Select
	to   *widget.Select
	diff *fyne.Container
	open []*widget.Button // one per version, in order
	root fyne.CanvasObject
}

func newPlanHistory(versions []careplan.Plan, onBack func(), onOpen func(careplan.Plan)) *planHistory {
	h := &planHistory{versions: versions, onBack: onBack, onOpen: onOpen}
	h.back = widget.NewButtonWithIcon("Back to the plan", theme.NavigateBackIcon(), h.onBackTapped)
	var names []string
	rows := make([][]fyne.CanvasObject, 0, len(versions))
	for i, v := range versions {
		names = append(names, versionName(v))
		by, on := "", ""
		if v.Agreement != nil {
			by, on = v.Agreement.By, v.Agreement.On.Display()
		}
		state := "Draft — not yet agreed"
		if v.State == careplan.PlanAgreed {
			state = "Agreed"
		}
		open := widget.NewButton("Open", func() { h.onOpenTapped(i) })
		h.open = append(h.open, open)
		rows = append(rows, []fyne.CanvasObject{kit.Para(fmt.Sprint(v.Version)), kit.Para(state), kit.Para(by), kit.Para(on), open})
	}
	h.diff = container.NewVBox()
	h.from = widget.NewSelect(names, h.onChosen)
	h.to = widget.NewSelect(names, h.onChosen)
	list := kit.ObjectTable([]float32{0.6, 2, 2, 1.4, 0.8}, []string{"Version", "State", "Agreed by", "Agreed on", ""}, rows)
	compare := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("From"), nil, h.from),
		container.NewBorder(nil, nil, widget.NewLabel("To"), nil, h.to))
	content := container.NewVBox(
		kit.Section("Versions of the plan", list),
		widget.NewSeparator(),
		kit.Section("What changed", compare, h.diff))
	h.root = container.NewBorder(container.NewPadded(container.NewHBox(h.back)), nil, nil, nil,
		container.NewVScroll(container.NewPadded(content)))
	// The latest change is what a reader usually wants: the last two versions.
	if n := len(versions); n >= 2 {
		h.from.SetSelectedIndex(n - 2)
		h.to.SetSelectedIndex(n - 1)
	} else {
		h.diff.Add(kit.Quiet("There is only one version so far."))
	}
	return h
}

// versionName is how a version is offered: "Version 2 · agreed 1 Sep 2025", "Version 3 · draft".
func versionName(p careplan.Plan) string {
	if p.State == careplan.PlanAgreed && p.Agreement != nil {
		return fmt.Sprintf("Version %d · agreed %s", p.Version, p.Agreement.On.Display())
	}
	return fmt.Sprintf("Version %d · draft", p.Version)
}

func (h *planHistory) onBackTapped() { h.onBack() }

// onOpenTapped opens the i'th version read-only.
func (h *planHistory) onOpenTapped(i int) { h.onOpen(h.versions[i]) }

// onChosen shows the changes between the two versions chosen.
func (h *planHistory) onChosen(string) {
	i, j := h.from.SelectedIndex(), h.to.SelectedIndex()
	if i < 0 || j < 0 {
		return
	}
	h.diff.RemoveAll()
	for _, line := range careplan.Diff(h.versions[i], h.versions[j]) {
		h.diff.Add(kit.Para("• " + line))
	}
	h.diff.Refresh()
}
