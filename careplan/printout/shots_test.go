package printout

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

// TestScreenshotsPrintedPages writes, for the docs, the printed pages issue 14 changed as PNGs
// (pdftoppm at 60 dpi) into the directory named by CAREHUB_SCREENSHOTS: the first page of a
// plan printed after its review date (the overdue warning above the contingency plan and in
// the footer) and the page holding a plan's Planning ahead section and interpreter need. It is
// skipped when that is not set, or pdftoppm is missing.
func TestScreenshotsPrintedPages(t *testing.T) {
	dir := screenshotsDir(t)
	ahead := sianCopy()
	ahead.Patient.Needs.Interpreter = "Welsh"
	on := careplan.NewDate(2026, time.March, 3)
	ahead.Plan.Ahead = careplan.PlanningAhead{
		Respect:      careplan.AheadItem{Answer: "In place: the pink form in the kitchen drawer", On: on, ToldBy: "Zoë D'Arcy"},
		LPA:          careplan.AheadItem{Answer: "Zoë D'Arcy (daughter), health and welfare", On: on, ToldBy: "Zoë D'Arcy"},
		ADRT:         careplan.AheadItem{Answer: "Not in place", On: on, ToldBy: "Siân"},
		PlaceOfCare:  careplan.AheadItem{Answer: "At home, with help from my daughter", On: on, ToldBy: "Siân"},
		PlaceOfDeath: careplan.AheadItem{Answer: "At home", On: on, ToldBy: "Siân"},
	}
	for _, shot := range []struct {
		name, holding string
		c             Copy
	}{
		{"print-overdue.png", "Review overdue since", overdueCopy()},
		{"print-planning-ahead.png", "Planning ahead", ahead},
	} {
		pageNo := 0
		for i, pg := range layoutFor(t, shot.c, false) {
			if strings.Contains(zoneText(pg, zoneContent), shot.holding) {
				pageNo = i + 1
				break
			}
		}
		if pageNo == 0 {
			t.Fatalf("%s: no page holds %q", shot.name, shot.holding)
		}
		pdf, _ := writePDF(t, shot.c, testOptions(false))
		in := filepath.Join(t.TempDir(), "plan.pdf")
		if err := os.WriteFile(in, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, strings.TrimSuffix(shot.name, ".png"))
		n := strconv.Itoa(pageNo)
		if b, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", n, "-l", n, "-singlefile", in, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, b)
		}
	}
}
