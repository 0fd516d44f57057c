package careplan

import (
	"reflect"
	"testing"
	"time"
)

func TestDiff(t *testing.T) {
	d := func(m time.Month, day int) Date { return NewDate(2026, m, day) }
	tests := []struct {
		name   string
		change func(p *Plan)
		want   []string
	}{
		{"nothing", func(p *Plan) {}, []string{"No changes."}},
		{"goal added", func(p *Plan) {
			p.Goals = append(p.Goals, Goal{ID: "g3", Domain: DomainMind, InMyWords: "Sleep better",
				Actions: []Action{{ID: "a9", What: "No tea after six", Owner: ActionOwner{Kind: OwnerPatient}}}})
		}, []string{"Goal added (Mind): “Sleep better”", "Action added under “Sleep better”: No tea after six (Me)"}},
		{"goal removed", func(p *Plan) { p.Goals = p.Goals[:1] }, []string{"Goal removed: “I want to see my friends at the lunch club”"}},
		{"goal reworded", func(p *Plan) { p.Goals[0].InMyWords = "Walk to the shop" },
			[]string{"Goal reworded: “I want to walk to the post office on my own again” → “Walk to the shop”"}},
		{"goal achieved", func(p *Plan) { p.Goals[1].Outcome = &GoalOutcome{Decision: GoalAchieved} },
			[]string{"Goal achieved: “I want to see my friends at the lunch club”"}},
		{"action done and re-dated", func(p *Plan) {
			a := &p.Goals[0].Actions[0]
			a.Status, a.DoneOn = ActionDone, d(time.March, 2)
			p.Goals[1].Actions[0].Due = d(time.July, 1)
		}, []string{
			"Action done: Walk to the end of the road each morning (on 2 Mar 2026)",
			"Action re-dated: Find a lift to the club, 1 Jun 2026 → 1 Jul 2026",
		}},
		{"action dropped", func(p *Plan) { p.Goals[1].Actions[0].Status = ActionDropped },
			[]string{"Action dropped: Find a lift to the club"}},
		{"action added", func(p *Plan) {
			p.Goals[0].Actions = append(p.Goals[0].Actions, Action{ID: "a5", What: "Get a stick",
				Owner: ActionOwner{Kind: OwnerKeyWorker, Name: "Sam Green"}, Due: d(time.April, 1)})
		}, []string{"Action added under “I want to walk to the post office on my own again”: Get a stick (Key worker (Sam Green), by 1 Apr 2026)"}},
		{"contingency and review", func(p *Plan) {
			p.Contingency.Red.WhoToCall = "999"
			p.ReviewDate = d(time.December, 1)
		}, []string{"Contingency plan, red (emergency): who to call edited: “999, then my daughter Ffion” → “999”", "Review date changed: 1 Nov 2026 → 1 Dec 2026"}},
		{"people and support", func(p *Plan) {
			p.People = []Person{{Name: "Dr Rees", Role: "GP", Phone: "01373"}, {Name: "Sam Green", Role: "Key worker"}}
			p.Support = nil
		}, []string{"Support removed: Health Connections Mendip", "Contact details changed: Dr Rees", "Person added: Sam Green (Key worker)"}},
		{"words", func(p *Plan) { p.AboutMe = "x"; p.Strengths = "y" }, []string{"About me edited: “I have lived in Frome all my life.” → “x”", "My strengths edited: (blank) → “y”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := draftPlan()
			to := from.NextDraft("plan-2")
			tt.change(&to)
			if got := Diff(from, to); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// The plan history says when a score was first given or taken away, never "0 → 6" for a goal
// that had no score.
func TestDiffSaysAScoreWasGivenOrTakenAway(t *testing.T) {
	from := draftPlan()
	from.Goals[0].Importance = nil
	to := from.NextDraft("plan-2")
	to.Goals[0].Importance, to.Goals[1].Confidence = Score(6), nil
	want := []string{
		"Goal “I want to walk to the post office on my own again”: importance not scored → 6/10, confidence 5/10 → 5/10",
		"Goal “I want to see my friends at the lunch club”: importance 7/10 → 7/10, confidence 8/10 → not scored",
	}
	if got := Diff(from, to); !reflect.DeepEqual(got, want) {
		t.Errorf("Diff =\n%q\nwant\n%q", got, want)
	}
}
