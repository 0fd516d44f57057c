package pam

import "fmt"

// Level is a PAM level, 1 to 4, as reported by the licensed tool.
type Level int

// The four PAM levels.
const (
	Level1 Level = 1
	Level2 Level = 2
	Level3 Level = 3
	Level4 Level = 4
)

// Valid reports whether the level is 1-4.
func (l Level) Valid() bool { return l >= Level1 && l <= Level4 }

// Description is the level's description as used in NHS evaluations.
func (l Level) Description() string {
	switch l {
	case Level1:
		return "disengaged and overwhelmed"
	case Level2:
		return "becoming aware but still struggling"
	case Level3:
		return "taking action"
	case Level4:
		return "maintaining behaviours and pushing further"
	}
	return "not a PAM level"
}

// PlainWords are the level in neutral words for the person's own copy and tablet. The
// evaluation descriptors ("disengaged and overwhelmed") are for hub staff: read by the person
// themselves they label rather than help, so the patient's copy never shows them.
func (l Level) PlainWords() string {
	switch l {
	case Level1:
		return "starting out: small steps first"
	case Level2:
		return "building knowledge and confidence"
	case Level3:
		return "taking action"
	case Level4:
		return "keeping it up and planning for setbacks"
	}
	return "not a PAM level"
}

// String writes "Level 2".
func (l Level) String() string { return fmt.Sprintf("Level %d", int(l)) }

// Band is the range of scores the published cut points give a level.
type Band struct {
	Level    Level
	From, To Score // inclusive
}

// Bands returns the published cut points: L1 ≤ 47.0; L2 47.1-55.1; L3 55.2-67.0; L4 ≥ 67.1.
// They are used only to cross-check a reported level; one published source gives L3 as
// 55.2-72.4, which is one reason carehub stores the level as reported.
func Bands() []Band {
	return []Band{
		{Level1, 0, 470},
		{Level2, 471, 551},
		{Level3, 552, 670},
		{Level4, 671, 1000},
	}
}

// ExpectedLevel is the level the published cut points give a score.
func ExpectedLevel(s Score) Level {
	for _, b := range Bands() {
		if s >= b.From && s <= b.To {
			return b.Level
		}
	}
	return 0
}
