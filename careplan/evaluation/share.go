package evaluation

import "fmt"

// Share is a count out of a total, so a report can say both "12 of 40" and "30%": a
// percentage of a handful of people misleads unless the numbers are beside it.
type Share struct {
	Count, Of int
}

// Percent is the share as a percentage, or 0 when Of is 0.
func (s Share) Percent() float64 {
	if s.Of == 0 {
		return 0
	}
	return 100 * float64(s.Count) / float64(s.Of)
}

// String writes "12 of 40 (30.0%)", or "0 of 0" when there is no one to count.
func (s Share) String() string {
	if s.Of == 0 {
		return "0 of 0"
	}
	return fmt.Sprintf("%d of %d (%.1f%%)", s.Count, s.Of, s.Percent())
}

// mean divides a sum by a count, or gives 0 for no one (reports show "no one" instead).
func mean(sum, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}
