package evaluation

import (
	"fmt"
	"testing"
)

// No practice × age band cell of the CSV describes fewer than MinCell people, except the one
// cell everything too small ends in ("other practices", "withheld"); a large cell is untouched.
func TestSmallCellsAreMergedOrWithheld(t *testing.T) {
	var rows [][]string
	add := func(practice, band string, n int) {
		for i := 0; i < n; i++ {
			rows = append(rows, []string{fmt.Sprint(len(rows)), practice, "active", band})
		}
	}
	add("Frome", "80-89", 7)
	add("Frome", "90+", 2)
	add("Wells", "80-89", 3)
	add("Tiny", "70-79", 1)
	suppressSmallCells(rows)
	n := map[[2]string]int{}
	for _, r := range rows {
		n[[2]string{r[1], r[3]}]++
	}
	if n[[2]string{"Frome", "80-89"}] != 7 {
		t.Errorf("a cell of 7 was changed: %v", n)
	}
	for c, k := range n {
		if k < MinCell && c != [2]string{OtherPractices, BandWithheld} {
			t.Errorf("cell %v holds %d people", c, k)
		}
		if c[0] == "Tiny" || c[0] == "Wells" {
			t.Errorf("a practice with fewer than %d people is named: %v", MinCell, c)
		}
	}
	if len(rows) != 13 {
		t.Errorf("%d rows, want all 13 kept", len(rows))
	}
}
