package printout

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/pam"
)

// zoneText is the text a page's layout puts in one zone, pieces joined by spaces, leaving out
// the page number (set beside the footer's first line, it would split a wrapped sentence).
func zoneText(pg page, z zone) string {
	var b strings.Builder
	for _, o := range pg.ops {
		if o.kind == opText && o.zone == z && !pageNumber.MatchString(o.text) {
			b.WriteString(o.text + " ")
		}
	}
	return b.String()
}

var pageNumber = regexp.MustCompile(`^Page \d+ of \d+$`)

// pageText is everything a page says, header to footer.
func pageText(pg page) string {
	return zoneText(pg, zoneHeader) + zoneText(pg, zoneContent) + zoneText(pg, zoneFooter)
}

// diedCopy is Siân's long plan after she died on 3 Nov 2026, the hub told on 10 Nov.
func diedCopy() Copy {
	c := longCopy()
	c.Patient.Status = careplan.StatusDied
	c.Patient.History = []careplan.StatusChange{
		{To: careplan.StatusActive, On: careplan.NewDate(2025, time.March, 1)},
		{From: careplan.StatusActive, To: careplan.StatusDied, On: careplan.NewDate(2026, time.November, 10),
			DiedOn: careplan.NewDate(2026, time.November, 3)},
	}
	return c
}

func TestClosedRecordIsStampedOnEveryPage(t *testing.T) {
	const stamp = "Record closed (died on 3 Nov 2026) — not a current plan"
	for _, large := range []bool{false, true} {
		pages := layoutFor(t, diedCopy(), large)
		if len(pages) < 2 {
			t.Fatalf("large=%v: %d page(s); the test needs a plan of several", large, len(pages))
		}
		for i, pg := range pages {
			head, foot := zoneText(pg, zoneHeader), zoneText(pg, zoneFooter)
			if !strings.Contains(head, stamp) {
				t.Errorf("large=%v page %d: header %q lacks %q", large, i+1, head, stamp)
			}
			if !strings.Contains(foot, stamp) {
				t.Errorf("large=%v page %d: footer %q lacks %q", large, i+1, foot, stamp)
			}
			if !hasWatermark(pg, closedWatermark) {
				t.Errorf("large=%v page %d: no %q across the page", large, i+1, closedWatermark)
			}
			if text := pageText(pg); strings.Contains(text, "next PAM is due") || strings.Contains(text, "To do") {
				t.Errorf("large=%v page %d still reads as a live plan: %q", large, i+1, text)
			}
		}
		checkGeometry(t, pages, styleOf(large), "Siân O'Brien")
	}
	// The same plan while she was alive says none of it.
	for i, pg := range layoutFor(t, longCopy(), false) {
		if text := pageText(pg); strings.Contains(text, "Record closed") || hasWatermark(pg, closedWatermark) {
			t.Errorf("page %d of an open record is stamped closed", i+1)
		}
	}
}

func hasWatermark(pg page, text string) bool {
	for _, o := range pg.ops {
		if o.kind == opWatermark && o.text == text {
			return true
		}
	}
	return false
}

func styleOf(large bool) style {
	if large {
		return largeStyle()
	}
	return standardStyle()
}

// overdueCopy is Siân's long plan with its review date, 2 Feb 2026, passed by the print date
// (5 Mar 2026); its actions fall due from 10 Jan.
func overdueCopy() Copy {
	c := longCopy()
	c.Plan.ReviewDate = careplan.NewDate(2026, time.February, 2)
	return c
}

func TestOverduePlanSaysSoAboveTheContingencyAndInEveryFooter(t *testing.T) {
	const warn = "Review overdue since 2 Feb 2026 — check with your key worker"
	for _, large := range []bool{false, true} {
		pages := layoutFor(t, overdueCopy(), large)
		for i, pg := range pages {
			if foot := zoneText(pg, zoneFooter); !strings.Contains(foot, warn) {
				t.Errorf("large=%v page %d: footer %q lacks %q", large, i+1, foot, warn)
			}
		}
		warnY, crisisY := -1.0, -1.0
		for _, o := range pages[0].ops {
			if o.kind != opText || o.zone != zoneContent {
				continue
			}
			if strings.HasPrefix(o.text, "Review overdue since") && warnY < 0 {
				warnY = o.y
			}
			if o.text == "If I become unwell" {
				crisisY = o.y
			}
		}
		if warnY < 0 || crisisY < 0 || warnY >= crisisY {
			t.Errorf("large=%v: the warning (y %.1f) is not above the contingency plan (y %.1f) on page 1", large, warnY, crisisY)
		}
		all := ""
		for _, pg := range pages {
			all += pageText(pg)
		}
		if !strings.Contains(all, "Overdue: still to do") {
			t.Errorf("large=%v: no action marked overdue, though actions fell due in January", large)
		}
		if strings.Contains(all, "We will look at this plan together again by") {
			t.Errorf("large=%v: an overdue plan still promises a review by a date gone by", large)
		}
		checkGeometry(t, pages, styleOf(large), "Siân O'Brien")
	}
	// Reviewed on time, the same plan carries no warning.
	c := overdueCopy()
	c.Plan.ReviewDate = careplan.NewDate(2026, time.March, 5) // due on the print date: not overdue
	for i, pg := range layoutFor(t, c, false) {
		if strings.Contains(pageText(pg), "Review overdue") {
			t.Errorf("page %d of a plan due today says it is overdue", i+1)
		}
	}
}

func TestOverdueWarningInThePDF(t *testing.T) {
	pdf, n := writePDF(t, overdueCopy(), testOptions(false))
	for i, text := range pdfText(t, pdf, n) {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), "Review overdue since 2 Feb 2026") {
			t.Errorf("page %d of the PDF does not say the review is overdue:\n%s", i+1, text)
		}
	}
}

// No printed plan says "disengaged" (or any evaluation descriptor) whatever the person's level.
func TestPrintedPlanUsesNeutralPAMWords(t *testing.T) {
	for l := pam.Level1; l <= pam.Level4; l++ {
		c := sianCopy()
		for i := range c.Assessments {
			c.Assessments[i].Level = l
		}
		for i, pg := range layoutFor(t, c, false) {
			if text := pageText(pg); strings.Contains(text, "disengaged") || strings.Contains(text, "struggling") {
				t.Errorf("level %d, page %d: %q", l, i+1, text)
			}
		}
	}
}

// A plan with planning ahead recorded prints it under its own heading, each answer with who
// told the hub and when, and the interpreter the person needs; a plan without prints neither.
func TestPlanningAheadAndInterpreterArePrinted(t *testing.T) {
	c := sianCopy()
	c.Patient.Needs.Interpreter = "Welsh"
	c.Plan.Ahead.Respect = careplan.AheadItem{Answer: "In place: the pink form in the kitchen drawer", On: careplan.NewDate(2026, time.March, 3), ToldBy: "Zoë D'Arcy"}
	c.Plan.Ahead.PlaceOfDeath = careplan.AheadItem{Answer: "At home", On: careplan.NewDate(2026, time.March, 3), ToldBy: "Siân"}
	all := ""
	pages := layoutFor(t, c, false)
	for _, pg := range pages {
		all += pageText(pg)
	}
	for _, want := range []string{"Planning ahead", "ReSPECT or DNACPR form:", "the pink form in the kitchen drawer",
		"(told by Zoë D'Arcy on 3 Mar 2026)", "Preferred place of death:", "an interpreter for Welsh"} {
		if !strings.Contains(all, want) {
			t.Errorf("the plan does not print %q", want)
		}
	}
	checkGeometry(t, pages, standardStyle(), "Siân O'Brien")
	plain := ""
	for _, pg := range layoutFor(t, sianCopy(), false) {
		plain += pageText(pg)
	}
	if strings.Contains(plain, "Planning ahead") || strings.Contains(plain, "interpreter") {
		t.Error("a plan with nothing planned ahead and no interpreter prints them")
	}
}

// The plan says the PAM level it was agreed at (what it was tailored to), not only the latest,
// and who it is shared with.
func TestPlanSaysItsPAMAtAgreementAndWhoItIsSharedWith(t *testing.T) {
	c := sianCopy() // agreed at level 3 on 3 Mar 2026
	c.Plan.Agreement.PAMLevel = 2
	c.Patient.Consent = []careplan.ConsentRecord{{Scope: careplan.ConsentToShareCarers, Decision: careplan.ConsentGiven,
		On: careplan.NewDate(2026, time.March, 3), RecordedBy: "Sam", Parties: []careplan.SharedWith{{Name: "Zoë D'Arcy", Role: "daughter", Organisation: "family"}}}}
	all := ""
	for _, pg := range layoutFor(t, c, false) {
		all += pageText(pg)
	}
	for _, want := range []string{"When this plan was agreed on 3 Mar 2026, your PAM was Level 2 (building knowledge and confidence).",
		"Who this plan is shared with:", "Zoë D'Arcy (daughter, family)."} {
		if !strings.Contains(all, want) {
			t.Errorf("the plan does not say %q", want)
		}
	}
}
