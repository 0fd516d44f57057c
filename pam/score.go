package pam

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Score is a PAM score held in tenths of a point, so 55.2 is 552. PAM scores are reported to
// one decimal place; holding them as whole tenths keeps comparisons at the cut points exact.
type Score int

// ErrScore is returned for a score outside 0-100 or with more than one decimal place.
var ErrScore = errors.New("a PAM score is a number from 0 to 100 with at most one decimal place")

// ParseScore reads a score as written on the PAM report: "55.2", "67", "47.0".
func ParseScore(s string) (Score, error) {
	s = strings.TrimSpace(s)
	whole, frac, hasFrac := strings.Cut(s, ".")
	// Only plain digits: strconv.Atoi alone would take "-0.5" and "+55", and a huge whole
	// part could overflow into a plausible score. Three digits are enough for 100.
	if whole == "" || len(whole) > 3 || !allDigits(whole) || (hasFrac && len(frac) != 1) {
		return 0, fmt.Errorf("%q: %w", s, ErrScore)
	}
	w, err := strconv.Atoi(whole)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, ErrScore)
	}
	f := 0
	if hasFrac {
		if frac[0] < '0' || frac[0] > '9' {
			return 0, fmt.Errorf("%q: %w", s, ErrScore)
		}
		f = int(frac[0] - '0')
	}
	sc := Score(w*10 + f)
	if !sc.Valid() {
		return 0, fmt.Errorf("%q: %w", s, ErrScore)
	}
	return sc, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Valid reports whether the score is within 0-100.
func (s Score) Valid() bool { return s >= 0 && s <= 1000 }

// Points returns the score as a number of points.
func (s Score) Points() float64 { return float64(s) / 10 }

// String writes the score with one decimal: "55.2".
func (s Score) String() string {
	sign := ""
	if s < 0 {
		sign, s = "-", -s
	}
	return fmt.Sprintf("%s%d.%d", sign, s/10, s%10)
}
