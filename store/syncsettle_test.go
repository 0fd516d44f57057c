package store

import (
	"slices"
	"testing"

	"github.com/google/uuid"
)

// The runs of patients settled side by side cover every patient once, in order, however
// many processors there are.
func TestSplitRunsCoversEveryPatientInOrder(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7} {
		ids := make([]uuid.UUID, n)
		for i := range ids {
			ids[i] = uuid.New()
		}
		for _, procs := range []int{1, 2, 3, 16} {
			runs := splitRuns(ids, procs)
			if got := slices.Concat(runs...); !slices.Equal(got, ids) || len(runs) > procs {
				t.Errorf("%d patients on %d processors: %d runs giving %d patients", n, procs, len(runs), len(got))
			}
			for _, r := range runs {
				if len(r) == 0 {
					t.Errorf("%d patients on %d processors: an empty run", n, procs)
				}
			}
		}
	}
}
