package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/ui/kit"
)

// tabletScreen is a patient's own plan on their tablet: one scrolling page, large text, read
// only apart from saying how each goal is going. It has no menus and no way to any other
// screen, only the text size buttons.
type tabletScreen struct {
	tablet Tablet
	work   worker
	sync   *tabletSyncBar // nil: no file buttons (the screen on its own)
	app    fyne.App
	base   fyne.Theme           // the theme before the tablet scaled it
	today  func() careplan.Date // to tell the person when their plan's review has gone by

	scale   int // index into tabletTextScales
	view    myplan.View
	goals   []*goalCheck
	smaller *widget.Button
	larger  *widget.Button
	page    *fyne.Container
	root    fyne.CanvasObject
}

func newTabletScreen(t Tablet, work worker, a fyne.App, today func() careplan.Date, sync *tabletSyncTools) *tabletScreen {
	s := &tabletScreen{tablet: t, work: work, app: a, base: a.Settings().Theme(), today: today}
	s.smaller = widget.NewButton("A−  Smaller text", s.onSmaller)
	s.larger = widget.NewButton("A+  Larger text", s.onLarger)
	s.page = container.NewVBox(kit.Para("Opening your plan…"))
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(s.smaller, s.larger),
		kit.Subheading("My care plan", widget.MediumImportance))
	var top fyne.CanvasObject = bar
	if sync != nil {
		// Above the plan, not after it: the patient should not have to scroll to find them.
		s.sync = newTabletSyncBar(sync, work, s.load)
		top = container.NewVBox(bar, s.sync.root)
	}
	s.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewVScroll(container.NewPadded(s.page)))
	s.applyScale()
	return s
}

func (s *tabletScreen) onSmaller() { s.setScale(s.scale - 1) }
func (s *tabletScreen) onLarger()  { s.setScale(s.scale + 1) }

func (s *tabletScreen) setScale(i int) {
	s.scale = max(0, min(i, len(tabletTextScales())-1))
	s.applyScale()
}

// applyScale sets the whole app's text size: in tablet mode the app is this one screen.
func (s *tabletScreen) applyScale() {
	s.app.Settings().SetTheme(scaledTheme{Theme: s.base, scale: tabletTextScales()[s.scale]})
	s.smaller.Enable()
	s.larger.Enable()
	if s.scale == 0 {
		s.smaller.Disable()
	}
	if s.scale == len(tabletTextScales())-1 {
		s.larger.Disable()
	}
}

// load reads the plan in the worker.
func (s *tabletScreen) load() {
	var (
		v   myplan.View
		err error
	)
	s.work.run(func() { v, err = s.tablet.MyPlan() }, func() { s.loaded(v, err) })
}

func (s *tabletScreen) loaded(v myplan.View, err error) {
	s.page.RemoveAll()
	defer s.page.Refresh()
	if s.sync != nil {
		// Once the hub has taken the records off, no check-in is left to send: the button
		// would only make an empty file the person might carry in for nothing.
		s.sync.showSend(!errors.Is(err, myplan.ErrPlanNotHere))
	}
	if errors.Is(err, myplan.ErrPlanNotHere) {
		s.view = myplan.View{}
		s.goals = nil
		s.page.Add(heading(planNotHereText))
		return
	}
	if err != nil {
		s.page.Add(kit.Para(fmt.Sprintf("Your plan could not be opened: %v. Please ask your key worker.", err)))
		return
	}
	s.view = v
	s.page.Add(heading(v.Name))
	if !v.Agreed {
		s.page.Add(kit.Para("Your plan has not been agreed yet. Your key worker will go through it with you."))
	} else {
		s.addWhichPlan(v)
		s.addContingency(v)
	}
	s.addWhoToCall(v)
	if v.Agreed {
		s.addSection("About me", v.AboutMe)
		s.addSection("What matters to me", v.WhatMatters)
		s.addGoals(v)
		if len(v.Ahead) > 0 {
			s.addSection("Planning ahead", strings.Join(v.Ahead, "\n"))
		}
		s.addSection("My next review", v.Review.Display())
	}
	if v.PAMTrend != "" {
		s.addSection("How I manage my health (PAM)", v.PAMTrend)
	}
}

// addWhichPlan says which plan this is, and warns when its review date has gone by: a newer
// plan agreed at the hub may not have reached the tablet, and an old contingency plan could
// send the person to the wrong place.
func (s *tabletScreen) addWhichPlan(v myplan.View) {
	if !v.AgreedOn.IsZero() {
		s.page.Add(kit.Para(fmt.Sprintf("This is the plan you agreed with %s on %s.", v.AgreedWith, v.AgreedOn.Display())))
	}
	if v.ReviewOverdue(s.today()) {
		// An amber bar beside normal-coloured words, as the contingency cards: amber text on
		// white is hard to read for the people this view is for.
		s.page.Add(zoneCard("Your plan may be out of date", theme.ColorNameWarning, reviewOverdueText(v.Review)))
	}
}

// reviewOverdueText warns the person their plan may be out of date, in the words the printed
// plan uses ("Review overdue since 2 Nov 2026 — check with your key worker").
func reviewOverdueText(review careplan.Date) string {
	return careplan.ReviewOverdueWarning(review) + ". Your plan may have changed since: ask for your latest plan."
}

// planNotHereText is what the tablet says once the hub has taken the patient's records off
// it: never an error, and never the plan it held before.
const planNotHereText = "Your plan is no longer kept on this tablet. If you think this is wrong, talk to your key worker."

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (s *tabletScreen) addSection(title, text string) {
	if strings.TrimSpace(text) == "" {
		text = "Not written yet."
	}
	s.page.Add(heading(title))
	s.page.Add(kit.Para(text))
}

// addContingency is the printed plan's first page: what to do if I become unwell.
func (s *tabletScreen) addContingency(v myplan.View) {
	c := v.Contingency
	s.page.Add(heading("If I become unwell"))
	s.page.Add(zoneCard("GREEN — I'm well", theme.ColorNameSuccess, "What I do: "+orNotWritten(c.Green.WhatIDo)))
	s.page.Add(zoneCard("AMBER — warning signs", theme.ColorNameWarning,
		"Signs: "+orNotWritten(c.Amber.WarningSigns), "What I do: "+orNotWritten(c.Amber.WhatIDo), "Who I call: "+orNotWritten(c.Amber.WhoICall)))
	s.page.Add(zoneCard("RED — emergency", theme.ColorNameError,
		"Who to call: "+orNotWritten(c.Red.WhoToCall), "What they need to know: "+orNotWritten(c.Red.WhatTheyNeedToKnow)))
}

func orNotWritten(s string) string {
	if strings.TrimSpace(s) == "" {
		return "not written yet"
	}
	return s
}

// zoneCard names its colour in words as well as showing it, for readers who cannot tell the
// colours apart. The colour is a thick bar beside the text; the words stay in the normal text
// colour, because light green or amber text on white is hard to read for the people with poor
// eyesight this view is for.
func zoneCard(title string, zone fyne.ThemeColorName, lines ...string) fyne.CanvasObject {
	t := widget.NewLabel(title)
	t.TextStyle.Bold = true
	box := container.NewVBox(t)
	for _, l := range lines {
		box.Add(kit.Para(l))
	}
	bar := canvas.NewRectangle(theme.Color(zone))
	bar.SetMinSize(fyne.NewSize(12, 0))
	return widget.NewCard("", "", container.NewBorder(nil, nil, bar, nil, box))
}

func (s *tabletScreen) addWhoToCall(v myplan.View) {
	s.page.Add(heading("Who to call"))
	for _, c := range v.WhoToCall {
		phone := widget.NewLabel(c.Phone)
		phone.TextStyle.Bold = true
		s.page.Add(container.NewBorder(nil, nil, nil, phone, kit.Para(c.Name+" — "+c.Who)))
	}
}

func (s *tabletScreen) addGoals(v myplan.View) {
	s.page.Add(heading("My goals"))
	s.goals = nil
	if len(v.Goals) == 0 {
		s.page.Add(kit.Para("No goals written yet."))
		return
	}
	for _, g := range v.Goals {
		gc := newGoalCheck(g, s.tablet, s.work)
		s.goals = append(s.goals, gc)
		s.page.Add(gc.root)
	}
}
