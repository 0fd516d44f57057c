package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// supportPart is the plan's support and signposting: services from the hub's directory, each
// linked to the goal it helps with.
type supportPart struct {
	e       *planEditor
	list    *fyne.Container
	service *widget.Select
	goal    *widget.Select
	add     *widget.Button
	addNew  *widget.Button // adds a service to the hub's directory
	problem *widget.Label
	root    fyne.CanvasObject
	adding  *serviceDialog // the directory dialog last opened
}

func newSupportPart(e *planEditor) *supportPart {
	s := &supportPart{e: e}
	var names []string
	for _, svc := range e.data.services {
		names = append(names, svc.Name)
	}
	s.list = container.NewVBox()
	s.service = widget.NewSelect(names, nil)
	s.service.PlaceHolder = "Choose a service from the hub's directory"
	s.goal = widget.NewSelect(nil, nil)
	s.goal.PlaceHolder = "For which goal"
	s.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), s.onAdd)
	s.problem = kit.NewProblemLabel()
	s.addNew = widget.NewButton("New service for the directory…", s.onAddToDirectory)
	parts := []fyne.CanvasObject{s.list,
		container.NewBorder(nil, nil, nil, s.add, container.NewGridWithColumns(2, s.service, s.goal)), s.problem,
		container.NewHBox(s.addNew)}
	s.root = kit.Section("Support and signposting", parts...)
	s.showList()
	return s
}

// showGoals offers the plan's goals to link a service to.
func (s *supportPart) showGoals() {
	var opts []string
	for i, g := range s.e.plan.Goals {
		opts = append(opts, goalChoice(i, g))
	}
	s.goal.SetOptions(opts)
	s.showList()
}

func goalChoice(i int, g careplan.Goal) string {
	words := g.InMyWords
	if r := []rune(words); len(r) > 40 {
		words = string(r[:40]) + "…"
	}
	return fmt.Sprintf("Goal %d: %s", i+1, words)
}

func (s *supportPart) showList() {
	s.list.RemoveAll()
	for i, sp := range s.e.plan.Support {
		text := sp.Name
		if sp.Offers != "" {
			text += " — " + sp.Offers
		}
		if details := strings.Join(nonEmpty(sp.Area, sp.Contact), ", "); details != "" {
			text += " (" + details + ")"
		}
		if goals := s.goalsOf(sp); goals != "" {
			text += " · for " + goals
		}
		i := i
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.onRemove(i) })
		s.list.Add(container.NewBorder(nil, nil, nil, remove, kit.Para(text)))
	}
	if len(s.e.plan.Support) == 0 {
		s.list.Add(kit.Quiet("No services linked yet."))
	}
	s.list.Refresh()
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// goalsOf names the goals a signpost is linked to: "goal 2".
func (s *supportPart) goalsOf(sp careplan.Signpost) string {
	var out []string
	for _, id := range sp.GoalIDs {
		for i, g := range s.e.plan.Goals {
			if g.ID == id {
				out = append(out, fmt.Sprintf("goal %d", i+1))
			}
		}
	}
	return strings.Join(out, ", ")
}

func (s *supportPart) onAdd() {
	si := s.service.SelectedIndex()
	if si < 0 {
		kit.SetProblem(s.problem, "Choose a service")
		return
	}
	kit.SetProblem(s.problem, "")
	var goals []string
	if gi := s.goal.SelectedIndex(); gi >= 0 && gi < len(s.e.plan.Goals) {
		goals = []string{s.e.plan.Goals[gi].ID}
	}
	s.e.beginEdit()
	s.e.plan.Support = append(s.e.plan.Support, s.e.data.services[si].Signpost(goals...))
	s.service.ClearSelected()
	s.goal.ClearSelected()
	s.showList()
	s.e.edited()
}

func (s *supportPart) onRemove(i int) {
	s.e.beginEdit()
	s.e.plan.Support = append(append([]careplan.Signpost(nil), s.e.plan.Support[:i]...), s.e.plan.Support[i+1:]...)
	s.showList()
	s.e.edited()
}

// contingencyPart is "if I become unwell": green, amber and red, with what is still missing.
type contingencyPart struct {
	e          *planEditor
	green      *kit.Entry
	amberSigns *kit.Entry
	amberDo    *kit.Entry
	amberCall  *kit.Entry
	redCall    *kit.Entry
	redKnow    *kit.Entry
	gaps       *widget.Label
	root       fyne.CanvasObject
}

func newContingencyPart(e *planEditor) *contingencyPart {
	c := &contingencyPart{e: e}
	ct := e.plan.Contingency
	set := func(f func(*careplan.Contingency, string)) func(string) {
		return func(s string) { c.onChanged(f, s) }
	}
	c.green = planText(ct.Green.WhatIDo, "What I do to stay well", set(func(x *careplan.Contingency, s string) { x.Green.WhatIDo = s }))
	c.amberSigns = planText(ct.Amber.WarningSigns, "Signs I am getting unwell", set(func(x *careplan.Contingency, s string) { x.Amber.WarningSigns = s }))
	c.amberDo = planText(ct.Amber.WhatIDo, "What I do then", set(func(x *careplan.Contingency, s string) { x.Amber.WhatIDo = s }))
	c.amberCall = lineEntry(ct.Amber.WhoICall, "Who I call (name and number)", set(func(x *careplan.Contingency, s string) { x.Amber.WhoICall = s }))
	c.redCall = lineEntry(ct.Red.WhoToCall, "999, or 111, or…", set(func(x *careplan.Contingency, s string) { x.Red.WhoToCall = s }))
	c.redKnow = planText(ct.Red.WhatTheyNeedToKnow, "What the ambulance crew or 111 need to know", set(func(x *careplan.Contingency, s string) { x.Red.WhatTheyNeedToKnow = s }))
	c.gaps = kit.Para("")
	c.gaps.Importance = widget.WarningImportance
	c.root = kit.Section("If I become unwell",
		kit.Subheading("Green: I'm well", widget.SuccessImportance),
		kit.Grid(kit.Field{Name: "What I do", Widget: c.green}),
		kit.Subheading("Amber: warning signs", widget.WarningImportance),
		kit.Grid(kit.Field{Name: "Warning signs", Widget: c.amberSigns},
			kit.Field{Name: "What I do", Widget: c.amberDo},
			kit.Field{Name: "Who I call", Widget: c.amberCall}),
		kit.Subheading("Red: emergency", widget.DangerImportance),
		kit.Grid(kit.Field{Name: "Who to call", Widget: c.redCall},
			kit.Field{Name: "What they need to know", Widget: c.redKnow}),
		c.gaps)
	c.showGaps()
	return c
}

func (c *contingencyPart) onChanged(set func(*careplan.Contingency, string), s string) {
	c.e.beginEdit()
	set(&c.e.plan.Contingency, s)
	c.showGaps()
	c.e.edited()
}

// showGaps lists what the contingency plan does not yet say: a missing part is a hazard when
// the person becomes unwell.
func (c *contingencyPart) showGaps() {
	gaps := careplan.ContingencyGaps(c.e.plan.Contingency)
	c.gaps.SetText("Still to talk through: " + strings.Join(gaps, "; "))
	c.gaps.Hidden = len(gaps) == 0
	c.gaps.Refresh()
}

// peoplePart lists the people involved in the person's care, with a line to add another.
type peoplePart struct {
	e       *planEditor
	list    *fyne.Container
	name    *kit.Entry
	role    *kit.Entry
	phone   *kit.Entry
	add     *widget.Button
	problem *widget.Label
	root    fyne.CanvasObject
}

func newPeoplePart(e *planEditor) *peoplePart {
	p := &peoplePart{e: e}
	p.list = container.NewVBox()
	p.name = kit.NewTextEntry()
	p.name.SetPlaceHolder("Name")
	p.role = kit.NewTextEntry()
	p.role.SetPlaceHolder("Role (GP, carer, district nurse…)")
	p.phone = kit.NewTextEntry()
	p.phone.SetPlaceHolder("Phone or email — press Enter to add")
	p.phone.OnSubmitted = func(string) { p.onAdd() }
	p.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), p.onAdd)
	p.problem = kit.NewProblemLabel()
	p.root = kit.Section("People involved", p.list,
		container.NewBorder(nil, nil, nil, p.add, container.NewGridWithColumns(3, p.name, p.role, p.phone)), p.problem)
	p.showList()
	return p
}

func (p *peoplePart) showList() {
	p.list.RemoveAll()
	for i, who := range p.e.plan.People {
		text := who.Name + " — " + who.Role
		if c := strings.Join(nonEmpty(who.Organisation, who.Phone, who.Email), ", "); c != "" {
			text += " (" + c + ")"
		}
		i := i
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.onRemove(i) })
		p.list.Add(container.NewBorder(nil, nil, nil, remove, kit.Para(text)))
	}
	if len(p.e.plan.People) == 0 {
		p.list.Add(kit.Quiet("Nobody listed yet."))
	}
	p.list.Refresh()
}

func (p *peoplePart) onAdd() {
	name, role := strings.TrimSpace(p.name.Text), strings.TrimSpace(p.role.Text)
	if name == "" || role == "" {
		kit.SetProblem(p.problem, "Give the person's name and role")
		return
	}
	kit.SetProblem(p.problem, "")
	who := careplan.Person{Name: name, Role: role}
	if contact := strings.TrimSpace(p.phone.Text); strings.Contains(contact, "@") {
		who.Email = contact
	} else {
		who.Phone = contact
	}
	p.e.beginEdit()
	p.e.plan.People = append(p.e.plan.People, who)
	for _, en := range []*kit.Entry{p.name, p.role, p.phone} {
		en.SetText("")
	}
	p.showList()
	p.e.edited()
	p.e.focus(p.name)
}

func (p *peoplePart) onRemove(i int) {
	p.e.beginEdit()
	p.e.plan.People = append(append([]careplan.Person(nil), p.e.plan.People[:i]...), p.e.plan.People[i+1:]...)
	p.showList()
	p.e.edited()
}
