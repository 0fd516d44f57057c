package printout

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/pam"
)

var update = flag.Bool("update", false, "rewrite testdata/plan.golden.pdf")

func TestGoldenPDF(t *testing.T) {
	got, _ := writePDF(t, sianCopy(), testOptions(false))
	golden := filepath.Join("testdata", "plan.golden.pdf")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		failed := filepath.Join("testdata", "failed")
		_ = os.MkdirAll(failed, 0o755)
		_ = os.WriteFile(filepath.Join(failed, "plan.pdf"), got, 0o644)
		t.Fatalf("the PDF differs from %s (%d bytes, want %d); written to %s", golden, len(got), len(want), failed)
	}
}

func TestSameInputSameBytes(t *testing.T) {
	for _, large := range []bool{false, true} {
		a, _ := writePDF(t, sianCopy(), testOptions(large))
		b, _ := writePDF(t, sianCopy(), testOptions(large))
		if !bytes.Equal(a, b) {
			t.Errorf("large=%v: two prints of the same plan differ", large)
		}
	}
	var a, b bytes.Buffer
	copies := []Copy{sianCopy(), longCopy(), draftCopy()}
	if _, err := WriteBatch(&a, copies, testOptions(false), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteBatch(&b, copies, testOptions(false), nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two prints of the same batch differ")
	}
}

var uuidPattern = regexp.MustCompile(`(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

func TestEveryPageSaysWhoseItIs(t *testing.T) {
	c := sianCopy()
	pdf, n := writePDF(t, c, testOptions(false))
	pages := pdfText(t, pdf, n)
	for i, text := range pages {
		for _, want := range []string{"Siân O'Brien", "944 930 5552", "12 Jul 1948", "My care and support plan",
			"Version 2, agreed 3 Mar 2026 with Sam Green", fmt.Sprintf("Page %d of %d", i+1, n),
			"South Somerset Symphony Hub", "Printed 5 Mar 2026", "Review by 3 Sep 2026"} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d lacks %q:\n%s", i+1, want, text)
			}
		}
		if strings.Contains(text, "DRAFT") {
			t.Errorf("page %d of an agreed plan says DRAFT", i+1)
		}
	}
	for _, want := range []string{"If I become unwell", "GREEN", "I'm well", "AMBER", "Warning signs",
		"RED", "Emergency — call 999 (or 111 if it is not an emergency)", "Take my inhalers",
		"Who to call", "Zoë D'Arcy", "07700 900123", "01935 384000"} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
}

func TestPlanContentInPlainWords(t *testing.T) {
	c := sianCopy()
	pdf, n := writePDF(t, c, testOptions(false))
	// Table cells wrap, so compare with all runs of white space as one space.
	all := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf, n), "\n")), " ")
	for _, want := range []string{
		"About me", "What matters to me", "My strengths", "My goals",
		"I want to walk to the post office on my own by the summer", "Movement", "8 out of 10", "6 out of 10",
		"To do", "Done 4 Mar 2026", "No longer needed", "Key worker (Sam Green)", "Carer (Zoë D'Arcy)", "Me",
		"Support and services", "Singing for Better Breathing", "01935 555010",
		"People involved in my care", "Dr Alun Price", "Hendford Lodge Medical Centre",
		"My PAM over time", "Level 1", "Level 4",
		"Your latest score was 58.4 (Level 3, taking action), 6.1 points higher than your first.",
		"My next review", "Type 2 diabetes",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the plan lacks %q", want)
		}
	}
	// No internal codes: ids, SNOMED codes, the practice's ODS code, a PAM entered in error.
	for _, code := range append(append([]string{}, c.Patient.Conditions...), c.Patient.ID, c.Plan.ID, goalWalk,
		c.Patient.Practice.ODSCode, c.Patient.Team.KeyWorkerID, "90.0") {
		if strings.Contains(all, code) {
			t.Errorf("the plan shows the internal code %q", code)
		}
	}
	if m := uuidPattern.FindString(all); m != "" {
		t.Errorf("the plan shows a uuid %q", m)
	}
	// SNOMED CT ids are 6 to 18 digits; phone numbers here are printed in groups of 5 and 6.
	if codes := regexp.MustCompile(`\b\d{7,18}\b`).FindAllString(all, -1); len(codes) > 0 {
		t.Errorf("the plan shows long numbers that look like codes: %q", codes)
	}
}

func draftCopy() Copy {
	c := sianCopy()
	c.Plan = c.Plan.NextDraft("0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b")
	c.Plan.Goals = append(c.Plan.Goals, careplan.Goal{Domain: careplan.DomainMind, InMyWords: "Feel less low in the winter", Importance: careplan.Score(7), Confidence: careplan.Score(4)})
	return c
}

func TestDraftIsMarkedOnEveryPage(t *testing.T) {
	watermarks := func(pages []page) (n int) {
		for _, pg := range pages {
			for _, o := range pg.ops {
				if o.kind == opWatermark {
					n++
				}
			}
		}
		return n
	}
	for _, large := range []bool{false, true} {
		if pages := layoutFor(t, draftCopy(), large); watermarks(pages) != len(pages) {
			t.Errorf("large=%v: %d watermarks on %d pages of a draft", large, watermarks(pages), len(pages))
		}
	}
	if n := watermarks(layoutFor(t, sianCopy(), false)); n != 0 {
		t.Errorf("an agreed plan has %d draft watermarks", n)
	}
	pdf, n := writePDF(t, draftCopy(), testOptions(false))
	for i, text := range pdfText(t, pdf, n) {
		// pdftotext reads the diagonal watermark in scattered pieces; the header says it plainly.
		if !strings.Contains(text, "DRAFT · My care and support plan") {
			t.Errorf("page %d of a draft does not say DRAFT in its header:\n%s", i+1, text)
		}
		if !strings.Contains(text, "Version 3, not yet agreed") {
			t.Errorf("page %d lacks the draft's version line", i+1)
		}
	}
}

func TestLongPlanPaginatesCleanly(t *testing.T) {
	c := longCopy()
	for _, large := range []bool{false, true} {
		pages := layoutFor(t, c, large)
		st := standardStyle()
		if large {
			st = largeStyle()
		}
		if len(pages) < 6 || len(pages) > 30 {
			t.Errorf("large=%v: %d pages for 12 goals and 40 actions", large, len(pages))
		}
		checkGeometry(t, pages, st, "Siân O'Brien")
	}
	// Every action reaches the paper, and every page says whose it is.
	pdf, n := writePDF(t, c, testOptions(false))
	text := pdfText(t, pdf, n)
	all := strings.Join(text, "\n")
	for i := 1; i <= 40; i++ {
		if !strings.Contains(all, fmt.Sprintf("Action %d:", i)) {
			t.Errorf("action %d is missing", i)
		}
	}
	for i, p := range text {
		if !strings.Contains(p, "Siân O'Brien") || !strings.Contains(p, fmt.Sprintf("Page %d of %d", i+1, n)) {
			t.Errorf("page %d lacks its header or page number", i+1)
		}
	}
}

func TestTableHeadingRepeatsAfterABreak(t *testing.T) {
	for pi, pg := range layoutFor(t, longCopy(), false) {
		var first string
		for _, o := range pg.ops {
			if o.kind == opText && o.zone == zoneContent {
				first = o.text
				break
			}
		}
		if strings.HasPrefix(first, "Action") {
			t.Errorf("page %d starts with an action row without the table's heading", pi+1)
		}
	}
}

func TestLargePrint(t *testing.T) {
	c := sianCopy()
	std, large := layoutFor(t, c, false), layoutFor(t, c, true)
	if len(large) <= len(std) {
		t.Errorf("large print has %d pages, standard %d: large print should need more", len(large), len(std))
	}
	biggest := 0.0
	for i, pg := range large {
		for _, o := range pg.ops {
			if o.kind != opText {
				continue
			}
			if o.size < 16 {
				t.Errorf("page %d: %q is %.1f pt in large print", i+1, o.text, o.size)
			}
			if o.bold && strings.HasPrefix(o.text, "If I become unwell") && o.size < 20 {
				t.Errorf("heading %q is %.1f pt in large print", o.text, o.size)
			}
			if o.fill != black && o.zone == zoneContent {
				t.Errorf("page %d: %q is not black in large print", i+1, o.text)
			}
			biggest = max(biggest, o.size)
		}
	}
	if biggest < 20 {
		t.Errorf("no heading of 20 pt or more in large print")
	}
	checkGeometry(t, large, largeStyle(), "Siân O'Brien")
	// The crisis boxes are all on page 1 of the large print too.
	pdf, n := writePDF(t, c, testOptions(true))
	p1 := pdfText(t, pdf, n)[0]
	for _, want := range []string{"GREEN", "AMBER", "RED", "Zoë has a key"} {
		if !strings.Contains(p1, want) {
			t.Errorf("large print page 1 lacks %q", want)
		}
	}
}

func TestLargePrintFor(t *testing.T) {
	p := sian()
	if LargePrintFor(p) {
		t.Error("no need recorded, yet large print")
	}
	p.Needs.LargePrint = true
	if !LargePrintFor(p) {
		t.Error("large print flag ignored")
	}
	p.Needs = careplan.CommunicationNeeds{Other: "Macular degeneration: Large print please"}
	if !LargePrintFor(p) {
		t.Error("large print written in other needs ignored")
	}
}

func TestCurrent(t *testing.T) {
	agreed := func(v int, on careplan.Date) careplan.Plan {
		return careplan.Plan{ID: fmt.Sprint("v", v), Version: v, State: careplan.PlanAgreed,
			Agreement: &careplan.Agreement{By: "Sam Green", On: on, At: on.Time()}}
	}
	draft := func(v int) careplan.Plan {
		return careplan.Plan{ID: fmt.Sprint("d", v), Version: v, State: careplan.PlanDraft}
	}
	d := careplan.NewDate
	tests := []struct {
		name   string
		plans  []careplan.Plan
		wantID string
		wantOK bool
	}{
		{"none", nil, "", false},
		{"draft only", []careplan.Plan{draft(1)}, "", false},
		{"one agreed", []careplan.Plan{agreed(1, d(2025, 3, 1))}, "v1", true},
		{"latest agreed wins over a newer draft", []careplan.Plan{agreed(1, d(2025, 3, 1)), agreed(2, d(2025, 9, 1)), draft(3)}, "v2", true},
		{"order does not matter", []careplan.Plan{agreed(2, d(2025, 9, 1)), agreed(1, d(2025, 3, 1))}, "v2", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Current(tt.plans)
			if ok != tt.wantOK || got.ID != tt.wantID {
				t.Errorf("Current = %q, %v; want %q, %v", got.ID, ok, tt.wantID, tt.wantOK)
			}
		})
	}
}

func TestEmptyPlanStillPrints(t *testing.T) {
	c := Copy{Patient: sian()}
	pdf, n := writePDF(t, c, testOptions(false))
	if n < 1 {
		t.Fatalf("%d pages", n)
	}
	all := strings.Join(pdfText(t, pdf, n), "\n")
	for _, want := range []string{"Siân O'Brien", "DRAFT", "Not written yet", "No goals written yet",
		"No PAM recorded yet", "No review date set", "111", "999"} {
		if !strings.Contains(all, want) {
			t.Errorf("an empty plan's print lacks %q", want)
		}
	}
	checkGeometry(t, layoutFor(t, c, false), standardStyle(), "Siân O'Brien")
}

func TestNoFonts(t *testing.T) {
	var buf bytes.Buffer
	opt := testOptions(false)
	opt.Fonts = Fonts{Regular: opt.Fonts.Regular}
	if _, err := Write(&buf, sianCopy(), opt); !errors.Is(err, ErrNoFonts) {
		t.Errorf("err = %v, want ErrNoFonts", err)
	}
	for _, bad := range [][]byte{[]byte("not a font at all"), opt.Fonts.Regular[:400]} {
		opt.Fonts.Bold = bad
		if _, err := Write(&buf, sianCopy(), opt); !errors.Is(err, ErrNoFonts) {
			t.Errorf("err = %v, want ErrNoFonts", err)
		}
	}
	if buf.Len() != 0 {
		t.Error("something was written without fonts")
	}
}

func TestPAMSummary(t *testing.T) {
	at := func(score pam.Score, level pam.Level, month int) pam.Assessment {
		return pam.Assessment{Score: score, Level: level, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2025, time.Month(month), 1)}
	}
	tests := []struct {
		h    []pam.Assessment
		want string
	}{
		{[]pam.Assessment{at(523, 2, 1)}, "Your score was 52.3 (Level 2, building knowledge and confidence). This is your first PAM score."},
		{[]pam.Assessment{at(523, 2, 1), at(584, 3, 6)}, "Your latest score was 58.4 (Level 3, taking action), 6.1 points higher than your first."},
		{[]pam.Assessment{at(584, 3, 1), at(523, 2, 6)}, "Your latest score was 52.3 (Level 2, building knowledge and confidence), 6.1 points lower than your first."},
		{[]pam.Assessment{at(500, 2, 1), at(500, 2, 6)}, "Your latest score was 50.0 (Level 2, building knowledge and confidence), the same as your first."},
	}
	for _, tt := range tests {
		if got := pamSummary(tt.h); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
	// A Carer PAM and one entered in error are not the person's own scores.
	if got := len(patientPAMs(sianPAMs())); got != 3 {
		t.Errorf("%d of Siân's PAMs count, want 3", got)
	}
}

func TestWrapBreaksLongWordsAndKeepsEverything(t *testing.T) {
	p, err := newPrinter(testOptions(false))
	if err != nil {
		t.Fatal(err)
	}
	text := "Short words first, then https://www.example.nhs.uk/a/very/long/address/with/no/spaces/at/all/that/goes/on/and/on and a tab\there\r\nand a new line 😀."
	lines := p.wrap(text, false, 11, 40)
	for _, l := range lines {
		if w := p.width(l, false, 11); w > 40+0.01 {
			t.Errorf("line %q is %.1f mm, wider than 40", l, w)
		}
	}
	joined := strings.Join(lines, "")
	for _, want := range []string{"nhs.uk", "tab here", "line ?."} {
		if !strings.Contains(strings.Join(lines, " "), want) && !strings.Contains(joined, want) {
			t.Errorf("lost %q in %q", want, lines)
		}
	}
	if got := p.wrapIndent("Call 999", false, 11, 40, 38); got[0] != "" || got[1] != "Call 999" {
		t.Errorf("text that cannot follow its label should start on the next line: %q", got)
	}
}

func TestLongNameAndHubWrapInsideTheirBands(t *testing.T) {
	c := sianCopy()
	c.Patient.GivenName = "Bartholomew-Alexander Llewelyn Siôn"
	c.Patient.FamilyName = "Montgomery-Fitzwilliam ap Gruffydd-Vaughan-Williams"
	c.Plan.Agreement.By = "Dr Marguerite-Anastasia Wolstenholme-Featherstonehaugh, complex care GP"
	opt := testOptions(true)
	opt.Hub = "South Somerset Symphony Complex Care Hub at Yeovil District Hospital, Higher Kingston, Yeovil"
	p, err := newPrinter(opt)
	if err != nil {
		t.Fatal(err)
	}
	checkGeometry(t, p.layout(c, largeStyle()), largeStyle(), c.Patient.FullName())
}

// TestPrintedWordsStayOnThePage reads the word boxes back from the PDF, to prove the painter
// puts text where the layout said: nothing past the right margin or below the footer.
func TestPrintedWordsStayOnThePage(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	for _, large := range []bool{false, true} {
		st := standardStyle()
		if large {
			st = largeStyle()
		}
		pdf, _ := writePDF(t, longCopy(), testOptions(large))
		file := filepath.Join(t.TempDir(), "plan.pdf")
		if err := os.WriteFile(file, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-bbox", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
		words := word.FindAllStringSubmatch(string(out), -1)
		if len(words) < 500 {
			t.Fatalf("only %d words read back", len(words))
		}
		const pt = 72 / 25.4
		for _, w := range words {
			var x0, y0, x1, y1 float64
			fmt.Sscan(w[1], &x0)
			fmt.Sscan(w[2], &y0)
			fmt.Sscan(w[3], &x1)
			fmt.Sscan(w[4], &y1)
			if x0 < st.margin*pt-1 || x1 > (pageW-st.margin)*pt+1 || y0 < 0 || y1 > (pageH-st.bottom)*pt+2 {
				t.Errorf("large=%v: %q at (%.0f,%.0f)-(%.0f,%.0f) pt is outside the printable area", large, w[5], x0, y0, x1, y1)
			}
		}
	}
}

// A goal closed at a review still prints, with its actions, and says in plain words what the
// review decided; a goal still being worked on prints as before.
func TestClosedGoalsSayWhatTheReviewDecided(t *testing.T) {
	c := sianCopy()
	reviewed := careplan.NewDate(2026, time.March, 3)
	c.Plan.Goals[0].Outcome = &careplan.GoalOutcome{Decision: careplan.GoalAchieved, On: reviewed}
	c.Plan.Goals[1].Outcome = &careplan.GoalOutcome{Decision: careplan.GoalDropped, On: reviewed, Note: "The group has closed"}
	continuing := careplan.Goal{ID: "g3", Domain: careplan.DomainSocial, InMyWords: "I want to see my grandchildren every week",
		Importance: careplan.Score(9), Confidence: careplan.Score(7), Outcome: &careplan.GoalOutcome{Decision: careplan.GoalContinuing, On: reviewed},
		Actions: []careplan.Action{{ID: "a5", What: "Ask Zoë to drive me on Sundays", Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient}}}}
	c.Plan.Goals = append(c.Plan.Goals, continuing)
	pdf, n := writePDF(t, c, testOptions(false))
	text := strings.Join(pdfText(t, pdf, n), "\n")
	for _, want := range []string{
		"Achieved at review (3 Mar 2026)", "No longer a goal (3 Mar 2026): The group has closed",
		"Walk to the end of the road", "Singing for Better",
		"I want to see my grandchildren every week", "Ask Zoë to drive me on Sundays",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the printout lacks %q:\n%s", want, text)
		}
	}
	if got := strings.Count(text, "Achieved at review") + strings.Count(text, "No longer a goal"); got != 2 {
		t.Errorf("%d outcomes printed, want 2 (none for a continuing goal):\n%s", got, text)
	}
}

// A goal the person never scored prints "not scored yet", never "0 out of 10", while a real 0
// still prints as 0.
func TestUnscoredGoalIsNotPrintedAsZero(t *testing.T) {
	c := sianCopy()
	c.Plan.Goals[0].Importance, c.Plan.Goals[0].Confidence = nil, nil
	c.Plan.Goals[1].Importance, c.Plan.Goals[1].Confidence = careplan.Score(0), careplan.Score(3)
	pdf, n := writePDF(t, c, testOptions(false))
	all := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf, n), "\n")), " ")
	if got := strings.Count(all, "0 out of 10"); got != 1 {
		t.Errorf("%q printed %d times, want once (the real 0)", "0 out of 10", got)
	}
	if got := strings.Count(all, "not scored yet"); got != 2 {
		t.Errorf("%q printed %d times, want twice (importance and confidence of goal 1)", "not scored yet", got)
	}
}
