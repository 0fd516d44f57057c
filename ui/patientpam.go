package ui

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/pam"
	"carehub/ui/kit"
)

// pamSection shows every PAM recorded, including those entered in error (marked, and left out
// of the change and the next due date), then how activation has moved and when the next is due.
func pamSection(all []pam.Assessment, today careplan.Date) fyne.CanvasObject {
	const title = "Patient Activation Measure (PAM)"
	if len(all) == 0 {
		return kit.Section(title, kit.Quiet("No PAM recorded yet: one is due now."))
	}
	sorted := append([]pam.Assessment(nil), all...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].TakenOn.Before(sorted[j].TakenOn) })

	var rows [][]*widget.Label
	var notes []fyne.CanvasObject
	for _, a := range sorted {
		rows = append(rows, pamRow(a))
		if a.InError != nil {
			notes = append(notes, kit.Quiet(fmt.Sprintf("The PAM of %s was entered in error and does not count: %s (marked by %s).",
				a.TakenOn.Display(), orNotRecorded(a.InError.Reason), orNotRecorded(a.InError.By))))
		}
	}
	out := []fyne.CanvasObject{
		kit.Table([]float32{1.3, 1.4, 3.6, 1.4, 1.6},
			[]string{"Date", "Score", "Level", "Instrument", "Recorded by"}, rows),
	}
	out = append(out, notes...)
	out = append(out, pamChange(pam.History(all))...)
	out = append(out, pamDue(all, today))
	return kit.Section(title, out...)
}

// pamRow is one assessment. One entered in error is greyed, italic and says so in its score,
// because Fyne text has no strike-through.
func pamRow(a pam.Assessment) []*widget.Label {
	score := a.Score.String()
	if a.InError != nil {
		score += " (in error)"
	}
	instrument := string(a.Instrument)
	if a.CarerName != "" {
		instrument += " for " + a.CarerName
	}
	row := []*widget.Label{
		kit.Para(a.TakenOn.Display()),
		kit.Para(score),
		kit.Para(a.Level.String() + ": " + a.Level.Description()),
		kit.Para(instrument),
		kit.Para(orNotRecorded(a.RecordedBy)),
	}
	if a.InError != nil {
		for _, l := range row {
			l.Importance = widget.LowImportance
			l.TextStyle.Italic = true
		}
	}
	return row
}

// pamChange says how activation has moved since the first and since the previous PAM that
// count. The rule for a meaningful change is pam's, not the screen's.
func pamChange(history []pam.Assessment) []fyne.CanvasObject {
	switch len(history) {
	case 0:
		return nil // "No PAM recorded yet" says it all; "only one counts" beside it contradicts it
	case 1:
		return []fyne.CanvasObject{kit.Quiet("Only one PAM counts so far, so there is no change to show yet.")}
	}
	latest := history[len(history)-1]
	first := pam.Between(history[0], latest)
	out := []fyne.CanvasObject{changeLine("Since the first PAM", first)}
	if len(history) > 2 {
		out = append(out, changeLine("Since the previous PAM", pam.Between(history[len(history)-2], latest)))
	}
	return out
}

func changeLine(since string, c pam.Change) *widget.Label {
	text := fmt.Sprintf("%s (%s): %s points", since, c.From.TakenOn.Display(), signed(c.Points))
	if c.LevelMove != 0 {
		text += fmt.Sprintf(", %s to %s", c.From.Level, c.To.Level)
	}
	l := kit.Para(text)
	if c.Meaningful {
		l.SetText(text + " · meaningful")
		if !c.WithinYear {
			l.SetText(text + " · meaningful, over more than 12 months")
		}
		// Bold in the normal text colour, not green: light green on white is hard to read
		// for the people with poor eyesight who use this screen, and the word says it.
		l.TextStyle.Bold = true
	}
	return l
}

// signed writes a change in score with its sign: +4.5, -2.0, 0.0.
func signed(s pam.Score) string {
	if s > 0 {
		return "+" + s.String()
	}
	return s.String()
}

func pamDue(all []pam.Assessment, today careplan.Date) *widget.Label {
	due, ok := pam.NextDue(all)
	switch {
	case !ok:
		l := kit.Para("No PAM counts yet: one is due now.")
		l.Importance = widget.WarningImportance
		return l
	case due.Before(today):
		l := kit.Para("Next PAM was due on " + due.Display() + " · overdue")
		l.Importance = widget.DangerImportance
		l.TextStyle.Bold = true
		return l
	default:
		return kit.Para("Next PAM due by " + due.Display())
	}
}
