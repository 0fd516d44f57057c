package careplan

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestParseScale(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
		err  error
	}{
		{"0", 0, nil}, {"10", 10, nil}, {" 7 ", 7, nil},
		{"11", 0, ErrScale}, {"-1", 0, ErrScale}, {"", 0, ErrScale}, {"7.5", 0, ErrScale}, {"seven", 0, ErrScale},
	} {
		got, err := ParseScale(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ParseScale(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// FuzzParseScale: whatever is typed, a score is either refused or a whole number 0-10 that
// writes back as what was typed, trimmed of spaces and leading zeros.
func FuzzParseScale(f *testing.F) {
	for _, s := range []string{"0", "10", " 5", "11", "-0", "+3", "007", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseScale(s)
		if err != nil {
			if !errors.Is(err, ErrScale) || n != 0 {
				t.Fatalf("ParseScale(%q) = %d, %v", s, n, err)
			}
			return
		}
		if n < 0 || n > 10 {
			t.Fatalf("ParseScale(%q) = %d, outside 0-10", s, n)
		}
		if back, _ := ParseScale(strconv.Itoa(n)); back != n {
			t.Fatalf("%d does not read back", n)
		}
	})
}

// A score box left blank means "not scored yet", which must never come back as a 0 nobody
// gave; a typed 0 is a real score.
func TestParseScoreBlankIsNotZero(t *testing.T) {
	if s, err := ParseScore("  "); s != nil || err != nil {
		t.Errorf("ParseScore(blank) = %v, %v; want not scored", s, err)
	}
	if s, err := ParseScore("0"); err != nil || s == nil || *s != 0 {
		t.Errorf("ParseScore(0) = %v, %v; want a score of 0", s, err)
	}
	if s, err := ParseScore("eleven"); !errors.Is(err, ErrScale) || s != nil {
		t.Errorf("ParseScore(eleven) = %v, %v; want ErrScale", s, err)
	}
	if got := ScoreBox(nil); got != "" {
		t.Errorf("an unscored goal's box shows %q, want it blank", got)
	}
}

func TestScoreWordsTellNeverEnteredFromZero(t *testing.T) {
	for _, tt := range []struct {
		s            *int
		words, short string
	}{
		{nil, "not scored yet", "not scored"},
		{Score(0), "0 out of 10", "0/10"},
		{Score(8), "8 out of 10", "8/10"},
	} {
		if got := ScoreWords(tt.s); got != tt.words {
			t.Errorf("ScoreWords = %q, want %q", got, tt.words)
		}
		if got := ScoreShort(tt.s); got != tt.short {
			t.Errorf("ScoreShort = %q, want %q", got, tt.short)
		}
	}
	if SameScore(nil, Score(0)) || !SameScore(nil, nil) || !SameScore(Score(3), Score(3)) {
		t.Error("SameScore confuses not scored with 0")
	}
}

// Goals stored before "not scored" existed always carry a number, and read back exactly as
// stored; a goal saved unscored stores no number at all, so it reads back unscored.
func TestGoalScoresStoredShape(t *testing.T) {
	var old Goal
	if err := json.Unmarshal([]byte(`{"id":"g1","domain":"Mind","inMyWords":"Sleep","importance":0,"confidence":7}`), &old); err != nil {
		t.Fatal(err)
	}
	if old.Importance == nil || *old.Importance != 0 || old.Confidence == nil || *old.Confidence != 7 {
		t.Errorf("an older goal reads back as %v/%v, want 0 and 7 as stored", old.Importance, old.Confidence)
	}
	b, err := json.Marshal(Goal{ID: "g2", Domain: DomainMind, InMyWords: "Sleep"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "importance") || strings.Contains(string(b), "confidence") {
		t.Errorf("an unscored goal stores %s, want no score", b)
	}
	var back Goal
	if err := json.Unmarshal(b, &back); err != nil || back.Importance != nil || back.Confidence != nil {
		t.Errorf("an unscored goal reads back as %v/%v (%v), want not scored", back.Importance, back.Confidence, err)
	}
}

// A goal from a template has not been scored by the person yet: it must not arrive with a 5
// that would print as if they had said so.
func TestTemplateGoalsStartUnscored(t *testing.T) {
	p := Plan{State: PlanDraft}
	n := 0
	tpl := Template{Name: "t", Goals: []TemplateGoal{{Domain: DomainMind, Suggestion: "Sleep better"}}}
	if err := ApplyTemplate(&p, tpl, NewDate(2026, 12, 6), func() string { n++; return strconv.Itoa(n) }); err != nil {
		t.Fatal(err)
	}
	if g := p.Goals[0]; g.Importance != nil || g.Confidence != nil {
		t.Errorf("template goal scored %v/%v, want not scored", g.Importance, g.Confidence)
	}
}
