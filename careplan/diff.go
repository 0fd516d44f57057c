package careplan

import (
	"fmt"
	"strings"
)

// Diff says in plain words what changed from one version of a plan to another: goals added,
// removed, reworded or closed; actions added, done, dropped, re-dated; the contingency plan,
// people, signposting and review date. Goals and actions are matched by id, so a reworded
// goal reads as reworded rather than as one removed and one added.
func Diff(from, to Plan) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	// A changed text is shown old and new, so a reviewer sees what was said, not only that
	// something was.
	textChanged := func(what, a, b string) {
		if strings.TrimSpace(a) != strings.TrimSpace(b) {
			add("%s edited: %s → %s", what, quoteOrBlank(a), quoteOrBlank(b))
		}
	}
	textChanged("About me", from.AboutMe, to.AboutMe)
	textChanged("What matters to me", from.WhatMatters, to.WhatMatters)
	textChanged("My strengths", from.Strengths, to.Strengths)
	out = append(out, diffGoals(from.Goals, to.Goals)...)
	out = append(out, diffSupport(from.Support, to.Support)...)
	fc, tc := from.Contingency, to.Contingency
	textChanged("Contingency plan, green (I'm well): what I do", fc.Green.WhatIDo, tc.Green.WhatIDo)
	textChanged("Contingency plan, amber (warning signs): the signs", fc.Amber.WarningSigns, tc.Amber.WarningSigns)
	textChanged("Contingency plan, amber (warning signs): what I do", fc.Amber.WhatIDo, tc.Amber.WhatIDo)
	textChanged("Contingency plan, amber (warning signs): who I call", fc.Amber.WhoICall, tc.Amber.WhoICall)
	textChanged("Contingency plan, red (emergency): who to call", fc.Red.WhoToCall, tc.Red.WhoToCall)
	textChanged("Contingency plan, red (emergency): what they need to know", fc.Red.WhatTheyNeedToKnow, tc.Red.WhatTheyNeedToKnow)
	out = append(out, diffPeople(from.People, to.People)...)
	if from.ReviewDate != to.ReviewDate {
		add("Review date changed: %s → %s", dateOrNone(from.ReviewDate), dateOrNone(to.ReviewDate))
	}
	if len(out) == 0 {
		return []string{"No changes."}
	}
	return out
}

func dateOrNone(d Date) string {
	if d.IsZero() {
		return "none"
	}
	return d.Display()
}

func quote(s string) string { return "“" + strings.TrimSpace(s) + "”" }

// quoteOrBlank quotes a text, or says it was left blank.
func quoteOrBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(blank)"
	}
	return quote(s)
}

func diffGoals(from, to []Goal) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	old := map[string]Goal{}
	for _, g := range from {
		old[g.ID] = g
	}
	seen := map[string]bool{}
	for _, g := range to {
		o, ok := old[g.ID]
		if !ok {
			add("Goal added (%s): %s", g.Domain, quote(g.InMyWords))
			for _, a := range g.Actions {
				add("Action added under %s: %s", quote(g.InMyWords), actionLine(a))
			}
			continue
		}
		seen[g.ID] = true
		if strings.TrimSpace(o.InMyWords) != strings.TrimSpace(g.InMyWords) {
			add("Goal reworded: %s → %s", quote(o.InMyWords), quote(g.InMyWords))
		}
		if o.Domain != g.Domain {
			add("Goal %s moved from %s to %s", quote(g.InMyWords), o.Domain, g.Domain)
		}
		if !SameScore(o.Importance, g.Importance) || !SameScore(o.Confidence, g.Confidence) {
			add("Goal %s: importance %s → %s, confidence %s → %s", quote(g.InMyWords),
				ScoreShort(o.Importance), ScoreShort(g.Importance), ScoreShort(o.Confidence), ScoreShort(g.Confidence))
		}
		if g.Closed() && !o.Closed() {
			add("Goal %s: %s", g.Outcome.Decision, quote(g.InMyWords))
		}
		out = append(out, diffActions(g.InMyWords, o.Actions, g.Actions)...)
	}
	for _, g := range from {
		if !seen[g.ID] {
			add("Goal removed: %s", quote(g.InMyWords))
		}
	}
	return out
}

func actionLine(a Action) string {
	s := a.What + " (" + a.Owner.Who()
	if !a.Due.IsZero() {
		s += ", by " + a.Due.Display()
	}
	return s + ")"
}

func diffActions(goal string, from, to []Action) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	old := map[string]Action{}
	for _, a := range from {
		old[a.ID] = a
	}
	seen := map[string]bool{}
	for _, a := range to {
		o, ok := old[a.ID]
		if !ok {
			add("Action added under %s: %s", quote(goal), actionLine(a))
			continue
		}
		seen[a.ID] = true
		if strings.TrimSpace(o.What) != strings.TrimSpace(a.What) {
			add("Action reworded: %s → %s", quote(o.What), quote(a.What))
		}
		if o.Owner != a.Owner {
			add("Action %s: now %s (was %s)", quote(a.What), a.Owner.Who(), o.Owner.Who())
		}
		switch {
		case o.Status != a.Status && a.Status == ActionDone:
			add("Action done: %s%s", a.What, doneOn(a))
		case o.Status != a.Status && a.Status == ActionDropped:
			add("Action dropped: %s", a.What)
		case o.Status != a.Status && a.Status == ActionOpen:
			add("Action reopened: %s", a.What)
		}
		if o.Due != a.Due {
			add("Action re-dated: %s, %s → %s", a.What, dateOrNone(o.Due), dateOrNone(a.Due))
		}
	}
	for _, a := range from {
		if !seen[a.ID] {
			add("Action removed: %s", a.What)
		}
	}
	return out
}

func doneOn(a Action) string {
	if a.DoneOn.IsZero() {
		return ""
	}
	return " (on " + a.DoneOn.Display() + ")"
}

func diffSupport(from, to []Signpost) []string {
	var out []string
	names := func(ss []Signpost) map[string]bool {
		m := map[string]bool{}
		for _, s := range ss {
			m[s.Name] = true
		}
		return m
	}
	was, now := names(from), names(to)
	for _, s := range to {
		if !was[s.Name] {
			out = append(out, "Support added: "+s.Name)
		}
	}
	for _, s := range from {
		if !now[s.Name] {
			out = append(out, "Support removed: "+s.Name)
		}
	}
	return out
}

func diffPeople(from, to []Person) []string {
	var out []string
	old := map[string]Person{}
	for _, p := range from {
		old[p.Name] = p
	}
	seen := map[string]bool{}
	for _, p := range to {
		o, ok := old[p.Name]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("Person added: %s (%s)", p.Name, p.Role))
		case o != p:
			out = append(out, "Contact details changed: "+p.Name)
		}
		seen[p.Name] = true
	}
	for _, p := range from {
		if !seen[p.Name] {
			out = append(out, "Person removed: "+p.Name)
		}
	}
	return out
}
