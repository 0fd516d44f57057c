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
		t.Errorf("Latest = %v, %v; want third (the later one was entered in error)", last.ID, ok)
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
