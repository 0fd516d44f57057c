package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/ui/kit"
)

// checkInReader reads the goal check-ins that have reached the hub from a person's tablet.
// Plans is one; the summary needs only this.
type checkInReader interface {
	CheckIns(patientID string) ([]myplan.CheckIn, error)
}

// goalGone stands for a goal a check-in was about that the current plan no longer has.
const goalGone = "a goal no longer in the plan"

// checkInSection is "From their tablet": what the person said about their goals, newest first,
// so the key worker sees the latest first. It is left out (nil) when nothing has come in, which
// is so for everyone without a tablet.
func checkInSection(checkIns []myplan.CheckIn, plans []careplan.Plan) fyne.CanvasObject {
	if len(checkIns) == 0 {
		return nil
	}
	goals := goalWords(plans)
	newest := slices.Clone(checkIns)
	slices.SortStableFunc(newest, func(a, b myplan.CheckIn) int { return b.At.Compare(a.At) })
	var out []fyne.CanvasObject
	for _, c := range newest {
		out = append(out, checkInLines(c, goals)...)
	}
	return kit.Section("From their tablet", out...)
}

// goalWords maps each goal of the current plan to its words. A check-in names its goal by id,
// and the summary speaks of the plan it shows.
func goalWords(plans []careplan.Plan) map[string]string {
	out := map[string]string{}
	if p, _, ok := currentPlan(plans); ok {
		for _, g := range p.Goals {
			out[g.ID] = g.InMyWords
		}
	}
	return out
}

// checkInLines is one check-in: when and which goal, then how it is going and the note.
func checkInLines(c myplan.CheckIn, goals map[string]string) []fyne.CanvasObject {
	goal, ok := goals[c.GoalID]
	if ok {
		goal = "“" + goal + "”"
	} else {
		goal = goalGone
	}
	head := kit.Para(careplan.DateOf(c.At).Display() + " · " + goal)
	head.TextStyle.Bold = true
	how := "Going: " + c.Scale.Words()
	if note := strings.TrimSpace(c.Note); note != "" {
		how += " · “" + note + "”"
	}
	return []fyne.CanvasObject{head, kit.Quiet(how)}
}
