package pam

import (
	"errors"
	"testing"
)

func TestExpectedLevel(t *testing.T) {
	tests := []struct {
		score Score
		want  Level
	}{
		{0, Level1},
		{470, Level1},
		{471, Level2},
		{551, Level2},
		{552, Level3},
		{670, Level3},
		{671, Level4},
		{1000, Level4},
		{-1, 0},
		{1001, 0},
	}
	for _, tt := range tests {
		if got := ExpectedLevel(tt.score); got != tt.want {
			t.Errorf("ExpectedLevel(%s) = %v, want %v", tt.score, got, tt.want)
		}
	}
}

func TestBandsCoverEveryScoreOnce(t *testing.T) {
	for s := Score(0); s <= 1000; s++ {
		n := 0
		for _, b := range Bands() {
			if s >= b.From && s <= b.To {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("score %s falls in %d bands", s, n)
		}
	}
}

func TestCrossCheck(t *testing.T) {
	tests := []struct {
		score    Score
		reported Level
		mismatch bool
	}{
		{552, Level3, false},
		{551, Level2, false},
		{551, Level3, true}, // one tenth below the level 3 cut point
		{700, Level3, true}, // the L3-to-72.4 source would say 3; carehub warns and keeps it
		{300, Level4, true},
	}
	for _, tt := range tests {
		a := Assessment{Score: tt.score, Level: tt.reported}
		err := a.CrossCheck()
		if tt.mismatch != errors.Is(err, ErrLevelMismatch) || (!tt.mismatch && err != nil) {
			t.Errorf("CrossCheck(%s, %v) = %v, mismatch want %v", tt.score, tt.reported, err, tt.mismatch)
		}
	}
}

func TestLevelWords(t *testing.T) {
	if Level2.String() != "Level 2" || Level1.Description() != "disengaged and overwhelmed" {
		t.Errorf("got %q, %q", Level2.String(), Level1.Description())
	}
	if Level(0).Valid() || Level(5).Valid() || !Level4.Valid() {
		t.Error("Valid wrong at the ends")
	}
	if Level(5).Description() != "not a PAM level" {
		t.Errorf("Level 5 described as %q", Level(5).Description())
	}
}
