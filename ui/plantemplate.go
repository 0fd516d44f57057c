package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// templateDialog either starts the draft from a template or saves the plan's structure as a
// new template for the hub. A template keeps no personal details (careplan.TemplateFrom).
type templateDialog struct {
	e *planEditor

	choice      *widget.Select
	about       *widget.Label
	name        *widget.Entry
	description *widget.Entry
	problem     *widget.Label
	confirm     *widget.Button
	cancel      *widget.Button
	dialog      *dialog.CustomDialog
}

func (e *planEditor) onFromTemplate() {
	if e.templates != nil {
		e.templates.close()
	}
	d := &templateDialog{e: e}
	var names []string
	for _, t := range e.data.templates {
		names = append(names, t.Name)
	}
	d.about = para("")
	d.choice = widget.NewSelect(names, d.onChosen)
	d.choice.PlaceHolder = "Choose a template"
	d.problem = problemLabel()
	d.confirm = widget.NewButton("Use this template", d.onApply)
	d.confirm.Importance = widget.HighImportance
	d.cancel = widget.NewButton("Cancel", d.onCancel)
	explain := para("A template suggests goals and actions. Go through each with the person and rewrite it in their own words.")
	body := container.NewVBox(explain, d.choice, d.about, d.problem)
	d.show("Start from a template", body)
	e.templates = d
}

func (e *planEditor) onSaveTemplate() {
	if e.templates != nil {
		e.templates.close()
	}
	d := &templateDialog{e: e}
	d.name = widget.NewEntry()
	d.name.SetPlaceHolder("e.g. Falls after a hospital stay")
	d.name.OnSubmitted = func(string) { d.onSave() }
	d.description = widget.NewEntry()
	d.description.SetPlaceHolder("Who it is for")
	d.problem = problemLabel()
	d.confirm = widget.NewButton("Save template", d.onSave)
	d.confirm.Importance = widget.HighImportance
	d.cancel = widget.NewButton("Cancel", d.onCancel)
	explain := para("The template keeps the goals' domains and words and each action's what and kind of owner. " +
		"About me, what matters, strengths, people, services, names and dates are left out. " +
		"Check the goal words name nobody before saving.")
	body := container.NewVBox(explain, formGrid(
		formField{label: "Template name", field: d.name, problem: d.problem},
		formField{label: "Description", field: d.description}))
	d.show("Save as template", body)
	e.templates = d
}

func (d *templateDialog) show(title string, body fyne.CanvasObject) {
	d.dialog = dialog.NewCustomWithoutButtons(title, body, d.e.tools.w)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.confirm})
	fitDialog(d.dialog, dialogWidth)
	d.dialog.Show()
	if d.name != nil {
		d.e.tools.w.Canvas().Focus(d.name)
	} else {
		d.e.tools.w.Canvas().Focus(d.choice)
	}
}

func (d *templateDialog) close()    { d.dialog.Hide() }
func (d *templateDialog) onCancel() { d.close() }

// onChosen describes the chosen template: who it is for and its goals.
func (d *templateDialog) onChosen(string) {
	i := d.choice.SelectedIndex()
	if i < 0 {
		return
	}
	t := d.e.data.templates[i]
	lines := []string{t.Description}
	for _, g := range t.Goals {
		lines = append(lines, fmt.Sprintf("• %s: “%s” (%d actions)", g.Domain, g.Suggestion, len(g.Actions)))
	}
	d.about.SetText(strings.Join(lines, "\n"))
	fitDialog(d.dialog, dialogWidth)
}

// onApply adds the chosen template's goals and actions to the draft, then saves it.
func (d *templateDialog) onApply() {
	i := d.choice.SelectedIndex()
	if i < 0 {
		setProblem(d.problem, "Choose a template")
		return
	}
	e := d.e
	e.beginEdit()
	if err := careplan.ApplyTemplate(&e.plan, e.data.templates[i], e.today, newRecordID); err != nil {
		setProblem(d.problem, err.Error())
		return
	}
	d.close()
	e.showGoals()
	e.showState()
	e.edited()
	if len(e.goalCards) > 0 {
		e.focus(e.goalCards[0].words)
	}
}

// onSave saves the plan's structure as a hub template off the UI goroutine.
func (d *templateDialog) onSave() {
	t := careplan.TemplateFrom(d.e.plan, d.name.Text, d.description.Text)
	if err := t.Validate(); err != nil {
		setProblem(d.problem, err.Error())
		fitDialog(d.dialog, dialogWidth)
		return
	}
	d.confirm.Disable()
	var err error
	d.e.work.run(func() { err = d.e.tools.plans.SaveTemplate(&t) }, func() { d.saved(t, err) })
}

func (d *templateDialog) saved(t careplan.Template, err error) {
	d.confirm.Enable()
	if err != nil {
		setProblem(d.problem, "The template was not saved: "+err.Error())
		return
	}
	d.close()
	d.e.data.templates = append(d.e.data.templates, t)
	d.e.setSaveStatus("Saved as template “"+t.Name+"”", widget.SuccessImportance)
}
