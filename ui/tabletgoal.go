package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/ui/kit"
)

// goalCheck is one goal on the tablet with a way to say how it is going: five large buttons
// from "Not well" to "Very well", a short note, and Save.
type goalCheck struct {
	goalID string
	tablet Tablet
	work   worker

	chosen myplan.Scale
	scale  []*widget.Button
	note   *kit.Entry
	save   *widget.Button
	said   *widget.Label
	root   fyne.CanvasObject
}

func newGoalCheck(goal careplan.Goal, t Tablet, work worker) *goalCheck {
	g := &goalCheck{goalID: goal.ID, tablet: t, work: work}
	title := kit.Para(goal.InMyWords)
	title.TextStyle.Bold = true
	steps := container.NewVBox()
	for _, a := range goal.Actions {
		if text := tabletActionText(a); text != "" {
			steps.Add(kit.Para(text))
		}
	}
	row := container.NewGridWithColumns(int(myplan.ScaleHigh))
	for v := myplan.ScaleLow; v <= myplan.ScaleHigh; v++ {
		b := widget.NewButton(v.Words(), func() { g.choose(v) })
		g.scale = append(g.scale, b)
		row.Add(b)
	}
	g.note = kit.NewTextEntry()
	g.note.SetPlaceHolder("A few words, if you like")
	g.save = widget.NewButton("Save", g.onSave)
	g.save.Importance = widget.HighImportance
	g.save.Disable() // until a point on the scale is chosen
	g.said = widget.NewLabel("")
	g.said.Wrapping = fyne.TextWrapWord
	g.said.Hide()
	g.root = widget.NewCard("", "", container.NewVBox(title, steps, widget.NewLabel("How is it going?"), row,
		container.NewBorder(nil, nil, nil, g.save, g.note), g.said))
	return g
}

// tabletActionText is one step towards a goal as the person reads it on their tablet: "• Walk
// to the gate each morning — Me, by 1 Apr 2026", "(done)" once done. A dropped step is left
// out: it is no longer part of the plan.
func tabletActionText(a careplan.Action) string {
	if a.Status == careplan.ActionDropped || strings.TrimSpace(a.What) == "" {
		return ""
	}
	text := "• " + a.What + " — " + a.Owner.Who()
	if !a.Due.IsZero() {
		text += ", by " + a.Due.Display()
	}
	if a.Status == careplan.ActionDone {
		text += " (done)"
	}
	return text
}

// choose marks one point on the scale.
func (g *goalCheck) choose(v myplan.Scale) {
	g.chosen = v
	for i, b := range g.scale {
		b.Importance = widget.MediumImportance
		if myplan.Scale(i+1) == v {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	g.save.Enable()
}

func (g *goalCheck) onSave() {
	c := myplan.CheckIn{GoalID: g.goalID, Scale: g.chosen, Note: strings.TrimSpace(g.note.Text)}
	g.save.Disable()
	var err error
	g.work.run(func() { err = g.tablet.SaveCheckIn(&c) }, func() { g.saved(err) })
}

func (g *goalCheck) saved(err error) {
	g.save.Enable()
	if err != nil {
		g.said.Importance = widget.DangerImportance
		g.said.SetText(fmt.Sprintf("Not saved: %v.", err))
	} else {
		g.said.Importance = widget.MediumImportance // plain text: green on white is hard to read
		// Check-ins travel in the tablet's next sync bundle: promising the key worker "will
		// see this" would mislead someone who needs help before then.
		g.said.SetText("Saved. It will reach your key worker the next time this tablet syncs with the hub.")
		g.note.SetText("")
	}
	g.said.Show()
}
