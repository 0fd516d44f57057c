package printout

import (
	"fmt"

	"carehub/careplan"
)

// goals lays out each goal in the person's words, its domain and scores, and its actions as a
// table. A goal's title stays on the same page as the start of its table, and the section's
// heading stays with the first goal.
func (s *sheet) goals(p careplan.Plan) {
	if len(p.Goals) == 0 {
		s.heading("My goals", s.firstLines())
		s.paragraph("No goals written yet.")
		return
	}
	laid := make([]goalBlock, len(p.Goals))
	for i, g := range p.Goals {
		laid[i] = s.newGoal(i+1, g)
	}
	s.heading("My goals", s.st.gap/2+laid[0].start(s))
	for _, g := range laid {
		s.space(s.st.gap / 2)
		s.ensure(g.start(s))
		s.flow(g.title)
		s.flow(g.outcome)
		s.flow(g.meta)
		s.y += s.st.gap / 2
		if g.actions == nil {
			s.paragraph("No actions agreed yet.")
			continue
		}
		s.place(g.actions)
	}
}

// goalBlock is one goal wrapped and measured.
type goalBlock struct {
	title, meta []line
	outcome     []line // what a review decided, for a closed goal; nil otherwise
	actions     *table // nil when there are none
}

func (s *sheet) newGoal(n int, g careplan.Goal) goalBlock {
	b := goalBlock{
		title: s.wrapLines(fmt.Sprintf("Goal %d: %s", n, g.InMyWords), true, s.st.h2, s.width, black),
		meta: s.wrapLines(fmt.Sprintf("Area of life: %s   ·   Importance: %s   ·   Confidence: %s",
			domainWords(g.Domain), careplan.ScoreWords(g.Importance), careplan.ScoreWords(g.Confidence)),
			false, s.st.body, s.width, black),
	}
	if words := outcomeWords(g); words != "" {
		b.outcome = s.wrapLines(words, true, s.st.body, s.width, black)
	}
	if len(g.Actions) > 0 {
		rows := make([][]string, len(g.Actions))
		for i, a := range g.Actions {
			rows[i] = []string{a.What, a.Owner.Who(), byWhen(a.Due), s.stand.actionStatus(a)}
		}
		b.actions = s.newTable([]column{{"What", 0.40}, {"Who", 0.22}, {"By when", 0.19}, {"Status", 0.19}}, rows, false)
	}
	return b
}

// start is what must fit for the goal to begin on this page: its title, any review outcome, its
// scores and the start of its table (or the line saying there are no actions).
func (b goalBlock) start(s *sheet) float64 {
	h := s.height(b.title) + s.height(b.outcome) + s.height(b.meta) + s.st.gap/2
	if b.actions == nil {
		return h + s.st.lineH(s.st.body)
	}
	return h + s.start(b.actions)
}

// outcomeWords says in plain words what a review decided about a closed goal, so the person
// reading the printout sees it is finished with while its actions stay listed as the record of
// what was done. A continuing or changed goal is still being worked on and gets nothing.
func outcomeWords(g careplan.Goal) string {
	if !g.Closed() {
		return ""
	}
	words := "Achieved at review"
	if g.Outcome.Decision == careplan.GoalDropped {
		words = "No longer a goal"
	}
	if !g.Outcome.On.IsZero() {
		words += " (" + g.Outcome.On.Display() + ")"
	}
	if g.Outcome.Note != "" {
		words += ": " + g.Outcome.Note
	}
	return words
}

func domainWords(d careplan.Domain) string {
	if d == "" {
		return "not chosen"
	}
	return string(d)
}

func byWhen(d careplan.Date) string {
	if d.IsZero() {
		return "No date set"
	}
	return d.Display()
}

// actionStatus writes an action's status in words a patient uses. An open action past its
// date says it is overdue (it can still be done); on a closed record an open action is not
// something anyone is still doing.
func (st standing) actionStatus(a careplan.Action) string {
	if a.Status == careplan.ActionOpen {
		switch {
		case st.closed != "":
			return "Not done: record closed"
		case a.Overdue(st.today):
			return "Overdue: still to do"
		}
	}
	switch a.Status {
	case careplan.ActionDone:
		if a.DoneOn.IsZero() {
			return "Done"
		}
		return "Done " + a.DoneOn.Display()
	case careplan.ActionDropped:
		return "No longer needed"
	}
	return "To do"
}
