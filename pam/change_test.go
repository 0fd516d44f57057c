package pam

import (
	"testing"
	"time"

	"carehub/careplan"
)

func TestBetween(t *testing.T) {
	d := careplan.NewDate(2025, time.March, 10)
	at := func(score Score, level Level, on careplan.Date) Assessment {
		return Assessment{Score: score, Level: level, TakenOn: on}
	}
	tests := []struct {
		name       string
		earlier    Assessment
		later      Assessment
		points     Score
		levelMove  int
		meaningful bool
		withinYear bool
	}{
		{"exactly 3 points", at(500, Level2, d), at(530, Level2, d.AddMonths(6)), 30, 0, true, true},
		{"2.9 points", at(500, Level2, d), at(529, Level2, d.AddMonths(6)), 29, 0, false, true},
		{"up a level", at(540, Level2, d), at(600, Level3, d.AddMonths(6)), 60, 1, true, true},
		{"down", at(600, Level3, d), at(450, Level1, d.AddMonths(6)), -150, -2, false, true},
		{"exactly a year", at(500, Level2, d), at(560, Level3, d.AddMonths(12)), 60, 1, true, true},
		{"a year and a day", at(500, Level2, d), at(560, Level3, d.AddMonths(12).AddDays(1)), 60, 1, true, false},
	}
	for _, tt := range tests {
		c := Between(tt.earlier, tt.later)
		if c.Points != tt.points || c.LevelMove != tt.levelMove || c.Meaningful != tt.meaningful || c.WithinYear != tt.withinYear {
			t.Errorf("%s: got points %s move %d meaningful %v within year %v; want %s %d %v %v", tt.name,
				c.Points, c.LevelMove, c.Meaningful, c.WithinYear, tt.points, tt.levelMove, tt.meaningful, tt.withinYear)
		}
	}
}

func TestHistoryLatestNextDue(t *testing.T) {
	d := careplan.NewDate(2025, time.January, 31)
	all := []Assessment{
		{ID: "third", Score: 600, Level: Level3, TakenOn: d.AddMonths(12)},
		{ID: "first", Score: 480, Level: Level2, TakenOn: d},
		{ID: "wrong person", Score: 900, Level: Level4, TakenOn: d.AddMonths(14),
			InError: &EnteredInError{Reason: "recorded against the wrong person", By: "Sam Green"}},
		{ID: "second", Score: 520, Level: Level2, TakenOn: d.AddMonths(6)},
		{ID: "carer's", Score: 750, Level: Level4, Instrument: CarerPAM, CarerName: "Ffion Jones", TakenOn: d.AddMonths(13)},
	}
	h := History(all)
	var ids []string
	for _, a := range h {
		ids = append(ids, a.ID)
	}
	if len(ids) != 3 || ids[0] != "first" || ids[1] != "second" || ids[2] != "third" {
		t.Fatalf("History = %v, want first, second, third", ids)
	}
	if last, ok := Latest(all); !ok || last.ID != "third" {
		t.Errorf("Latest = %v, %v; want third (the later ones were entered in error or the carer's)", last.ID, ok)
	}
	due, ok := NextDue(all)
	if want := careplan.NewDate(2026, time.July, 31); !ok || due != want {
		t.Errorf("NextDue = %v, %v; want %v", due, ok, want)
	}
	if _, ok := NextDue(nil); ok {
		t.Error("NextDue with no PAM reported a date")
	}
	if _, ok := Latest(all[2:3]); ok {
		t.Error("Latest returned an assessment entered in error")
	}
}

// A carer's PAM is never the patient's: the person's history, latest level and next due date
// leave every Carer PAM out, and the carers' have a series of their own.
func TestCarerPAMNeverThePatients(t *testing.T) {
	d := careplan.NewDate(2026, time.January, 5)
	own := Assessment{ID: "own", Score: 420, Level: Level1, Instrument: PAM13, TakenOn: d}
	carer := Assessment{ID: "carer", Score: 720, Level: Level4, Instrument: CarerPAM, CarerName: "Ffion Jones", TakenOn: d.AddDays(20)}
	carerInError := carer
	carerInError.ID, carerInError.InError = "carer in error", &EnteredInError{Reason: "typed twice", By: "Sam Green"}
	tests := []struct {
		name      string
		all       []Assessment
		latest    string // "" for none
		nextDue   careplan.Date
		carerSeen []string
	}{
		{"own then carer's", []Assessment{own, carer}, "own", d.AddMonths(6), []string{"carer"}},
		{"carer's first in the slice", []Assessment{carer, own}, "own", d.AddMonths(6), []string{"carer"}},
		{"only a carer's", []Assessment{carer}, "", careplan.Date{}, []string{"carer"}},
		{"carer's in error", []Assessment{own, carerInError}, "own", d.AddMonths(6), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			last, ok := Latest(tt.all)
			if got := map[bool]string{true: last.ID}[ok]; got != tt.latest {
				t.Errorf("Latest = %q, want %q", got, tt.latest)
			}
			for _, a := range History(tt.all) {
				if a.OfCarer() {
					t.Errorf("History holds the Carer PAM %q", a.ID)
				}
			}
			due, ok := NextDue(tt.all)
			if ok != !tt.nextDue.IsZero() || due != tt.nextDue {
				t.Errorf("NextDue = %v, %v; want %v", due, ok, tt.nextDue)
			}
			var seen []string
			for _, a := range CarerHistory(tt.all) {
				seen = append(seen, a.ID)
			}
			if len(seen) != len(tt.carerSeen) || (len(seen) > 0 && seen[0] != tt.carerSeen[0]) {
				t.Errorf("CarerHistory = %v, want %v", seen, tt.carerSeen)
			}
		})
	}
}
