package careplan

import (
	"fmt"
	"strconv"
	"strings"
)

// A goal's importance and confidence are *int: nil means the person has not scored it yet,
// which is not the same as scoring it 0. Records stored before this distinction always carry a
// number and read back exactly as stored; a goal added since starts unscored.

// Score returns a score of n, for setting a goal's importance or confidence.
func Score(n int) *int { return &n }

// ParseScale reads an importance or confidence score typed by the key worker: a whole number
// from 0 to 10, spaces around it allowed. Anything else is ErrScale.
func ParseScale(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 10 {
		return 0, ErrScale
	}
	return n, nil
}

// ParseScore reads a score box as typed: blank (or only spaces) is "not scored yet" (nil, no
// error), otherwise as ParseScale.
func ParseScore(s string) (*int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	n, err := ParseScale(s)
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// ScoreBox is what a score box shows for a stored score: the number, or blank when never
// scored (so the box invites a score rather than showing a 0 nobody gave).
func ScoreBox(s *int) string {
	if s == nil {
		return ""
	}
	return strconv.Itoa(*s)
}

// ScoreWords says a score the way the printed plan reads: "8 out of 10", or "not scored yet"
// when it was never entered.
func ScoreWords(s *int) string {
	if s == nil {
		return "not scored yet"
	}
	return fmt.Sprintf("%d out of 10", *s)
}

// ScoreShort says a score the way a hub screen's one-line summary reads: "8/10", or
// "not scored" when it was never entered.
func ScoreShort(s *int) string {
	if s == nil {
		return "not scored"
	}
	return fmt.Sprintf("%d/10", *s)
}

// SameScore reports whether two scores are the same, both unscored counting as the same.
func SameScore(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func scoreInRange(s *int) bool { return s == nil || (*s >= 0 && *s <= 10) }
