package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// templateDialog either starts the draft from a template or saves the plan's structure as a
// new template for the hub. A template keeps no personal details (careplan.TemplateFrom).
type templateDialog struct {
	e    *planEditor
	form *kit.Form

	choice      *widget.Select
	about       *widget.Label
	name        *kit.Entry
	nameProblem *widget.Label
	description *kit.Entry
}

func (e *planEditor) onFromTemplate() {
	if e.templates != nil {
		e.templates.close()
	}
	d := &templateDialog{e: e}
	d.form = kit.NewForm(e.tools.w, kit.WorkerFunc(e.work.run), kit.FormSpec{Title: "Start from a template",
		Save: "Use this template"}, d.onApply)
	var names []string
	for _, t := range e.data.templates {
		names = append(names, t.Name)
	}
	d.about = kit.Para("")
	d.choice = kit.NewSelect(names, "Choose a template", d.onChosen)
	explain := kit.Para("A template suggests goals and actions. Go through each with the person and rewrite it in their own words.")
	d.form.SetContent(explain, d.choice, d.about)
	d.form.Open(d.choice)
	e.templates = d
}

func (e *planEditor) onSaveTemplate() {
	if e.templates != nil {
		e.templates.close()
	}
	d := &templateDialog{e: e}
	d.form = kit.NewForm(e.tools.w, kit.WorkerFunc(e.work.run), kit.FormSpec{Title: "Save as template",
		Save: "Save template", Failed: "The template was not saved"}, d.onSave)
	d.name = kit.NewEntry("e.g. Falls after a hospital stay")
	d.name.OnSubmitted = d.onSubmitted
	d.nameProblem = d.form.NewProblemLabel()
	d.description = kit.NewEntry("Who it is for")
	explain := kit.Para("The template keeps the goals' domains and words and each action's what and kind of owner. " +
		"About me, what matters, strengths, people, services, names and dates are left out. " +
		"Check the goal words name nobody before saving.")
	d.form.SetContent(explain, kit.Grid(
		kit.Field{Name: "Template name", Widget: d.name, Problem: d.nameProblem},
		kit.Field{Name: "Description", Widget: d.description}))
	d.form.Open(d.name)
	e.templates = d
}

func (d *templateDialog) close()             { d.form.Close() }
func (d *templateDialog) onSubmitted(string) { d.onSave() }

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
	d.form.Relayout()
}

// onApply adds the chosen template's goals and actions to the draft, then saves it.
func (d *templateDialog) onApply() {
	i := d.choice.SelectedIndex()
	if i < 0 {
		d.form.Show(kit.Problems{d.form.Problem: "Choose a template"})
		return
	}
	e := d.e
	e.beginEdit()
	if err := careplan.ApplyTemplate(&e.plan, e.data.templates[i], e.today, newRecordID); err != nil {
		d.form.Show(kit.Problems{d.form.Problem: err.Error()})
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
	problems := kit.Problems{}
	if err := t.Validate(); err != nil {
		problems[d.nameProblem] = err.Error()
	}
	if d.form.Show(problems) {
		d.form.Submit(func() error { return d.e.tools.plans.SaveTemplate(&t) }, func() { d.saved(t) })
	}
}

func (d *templateDialog) saved(t careplan.Template) {
	d.e.data.templates = append(d.e.data.templates, t)
	d.e.setSaveStatus("Saved as template “"+t.Name+"”", widget.SuccessImportance)
}
