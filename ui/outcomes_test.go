package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/careplan/outcomes"
	"carehub/pam"
)

// fillPAM types a whole PAM into the form.
func fillPAM(f *pamForm, score string, level pam.Level, date, by string) {
	test.Type(f.score, score)
	if level != 0 {
		f.level.SetSelectedIndex(int(level) - 1)
	}
	f.takenOn.SetText("") // the form offers today; a person types over it
	test.Type(f.takenOn, date)
	f.recordedBy.SetText("")
	test.Type(f.recordedBy, by)
	test.Type(f.source, "PAM online portal")
}

func openPAMForm(t *testing.T, s *session) *pamForm {
	t.Helper()
	test.Tap(s.patient.outcomes.recordPAM)
	f := s.patient.outcomes.pamForm
	if f == nil {
		t.Fatal("Record a PAM opened no form")
	}
	return f
}

func tabText(s *session) string { return strings.Join(labelTexts(s.patient.outcomes.content), "\n") }

func TestOutcomesTabGolden(t *testing.T) {
	s, w, _ := outcomesSession(t)
	text := tabText(s)
	for _, want := range []string{
		"Next PAM due 20 Aug 2026",
		"Since the first PAM (10 Feb 2025): +7.0 points, Level 1 to Level 2 · meaningful, over more than 12 months",
		"Since the previous PAM (28 Aug 2025): +2.2 points",
		"entered in error: another patient's form (Jo Marsh)",
		"Level 2: becoming aware but still struggling",
		"5: living with mild frailty",
		"entered in error: scored for her husband (Jo Marsh)",
		"Lacks companionship: often; Feels left out: some of the time; Feels isolated from others: often",
		"8 of 9",
		"often or always",
		"7 (high)",
		"1 (very low)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the Outcomes tab does not say %q", want)
		}
	}
	if n := len(s.patient.outcomes.chart.history); n != 3 {
		t.Errorf("the chart draws %d PAMs, want the 3 that count", n)
	}
	test.AssertRendersToMarkup(t, "outcomes_tab.xml", w.Canvas())
}

// Someone who may not change a person's record reads their summary alone: no Outcomes tab to
// record measures in (the outcome service refuses them anyway).
func TestOutcomesTabHiddenFromWhoMayNotEdit(t *testing.T) {
	h := newTestHub(t, testRecords())
	s, _ := h.session(t, oluKeyWorker)
	s.openPatient(pid("p01")) // Sam Green's, not Olu's
	if s.patient.tabs != nil || s.patient.outcomes != nil {
		t.Error("a key worker who is not this person's sees an Outcomes tab")
	}
	if !labelShown(s.patient.body, "Siân O'Brien") && s.patient.name.Text != "Siân O'Brien" {
		t.Error("the summary itself did not open")
	}
}

func TestNoPAMSaysNothingAboutChange(t *testing.T) {
	if got := pamChange(nil); len(got) != 0 {
		t.Errorf("with no PAM, %d lines about change beside \"No PAM recorded yet\"", len(got))
	}
	if got := pamChange(threePAMs("p")[:1]); len(got) != 1 || !labelShown(got[0], "Only one PAM counts so far, so there is no change to show yet.") {
		t.Error("with one PAM, nothing says there is no change to show yet")
	}
}

func TestOutcomesPAMDue(t *testing.T) {
	today := fixedToday()
	old := []pam.Assessment{{Score: 500, Level: pam.Level2, TakenOn: today.AddMonths(-7)}}
	wrong := []pam.Assessment{{Score: 500, Level: pam.Level2, TakenOn: today, InError: &pam.EnteredInError{Reason: "x", By: "y"}}}
	tests := []struct {
		name string
		all  []pam.Assessment
		want string
	}{
		{"none", nil, "No PAM recorded yet — one is due now"},
		{"only one in error", wrong, "No PAM that counts yet — one is due now"},
		{"overdue", old, "Next PAM due 2 Feb 2026 · overdue"},
		{"recent", threePAMs("p"), "Next PAM due 20 Aug 2026"},
	}
	for _, tt := range tests {
		if got := outcomesPAMDue(tt.all, today).Text; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRecordPAMMatchingLevel(t *testing.T) {
	s, _, o := outcomesSession(t)
	f := openPAMForm(t, s)
	fillPAM(f, "58.4", pam.Level3, "01/03/2026", "Sam Green")
	test.Tap(f.form.Save)
	if f.mismatch != nil {
		t.Fatal("a level that matches the score asked to confirm")
	}
	if len(o.savedPAM(t)) != 1 {
		t.Fatalf("saved %d PAMs, want 1", len(o.savedPAM(t)))
	}
	a := o.savedPAM(t)[0]
	if a.Score != 584 || a.Level != pam.Level3 || a.Instrument != pam.PAM13 || a.PatientID != pid("p01") ||
		a.RecordedBy != "Sam Green" || a.Source != "PAM online portal" || a.TakenOn.String() != "2026-03-01" {
		t.Errorf("saved %+v", a)
	}
	if !strings.Contains(tabText(s), "Next PAM due 1 Sep 2026") {
		t.Error("the tab was not redrawn with the new PAM")
	}
	if n := len(s.patient.outcomes.chart.history); n != 4 {
		t.Errorf("the chart draws %d PAMs after saving, want 4", n)
	}
	if s.patient.tabs.SelectedIndex() != 1 {
		t.Error("saving left the Outcomes tab")
	}
}

func TestRecordPAMMismatchSavedAsReported(t *testing.T) {
	s, _, o := outcomesSession(t)
	f := openPAMForm(t, s)
	fillPAM(f, "58.4", pam.Level2, "01/03/2026", "Sam Green")
	test.Tap(f.form.Save)
	if f.mismatch == nil {
		t.Fatal("a mismatched level saved without asking")
	}
	if want := "A score of 58.4 is usually Level 3, but Level 2 was reported. Save it as reported?"; f.mismatchText.Text != want {
		t.Errorf("asked %q, want %q", f.mismatchText.Text, want)
	}
	if len(o.savedPAM(t)) != 0 {
		t.Fatal("saved before the answer")
	}
	test.Tap(f.asReported)
	if len(o.savedPAM(t)) != 1 {
		t.Fatalf("saved %d PAMs, want 1", len(o.savedPAM(t)))
	}
	if got := o.savedPAM(t)[0].Level; got != pam.Level2 {
		t.Errorf("saved %v, want the reported Level 2 (not the expected Level 3)", got)
	}
}

func TestRecordPAMMismatchGoBack(t *testing.T) {
	s, _, o := outcomesSession(t)
	f := openPAMForm(t, s)
	fillPAM(f, "58.4", pam.Level2, "01/03/2026", "Sam Green")
	test.Tap(f.form.Save)
	test.Tap(f.goBack)
	if len(o.savedPAM(t)) != 0 {
		t.Fatal("No saved the PAM")
	}
	if f.score.Text != "58.4" {
		t.Errorf("going back lost the score: %q", f.score.Text)
	}
}

func TestPAMMismatchGolden(t *testing.T) {
	s, w, _ := outcomesSession(t)
	f := openPAMForm(t, s)
	fillPAM(f, "58.4", pam.Level2, "01/03/2026", "Sam Green")
	test.Tap(f.form.Save)
	test.AssertRendersToMarkup(t, "pam_mismatch.xml", w.Canvas())
}

func TestRecordPAMBadInput(t *testing.T) {
	tests := []struct {
		name     string
		score    string
		level    pam.Level
		date, by string
		problem  func(f *pamForm) string
		want     string
	}{
		{"score over 100", "101", pam.Level4, "01/03/2026", "Sam Green", scoreProblem, "a number from 0 to 100"},
		{"score not a number", "abc", pam.Level2, "01/03/2026", "Sam Green", scoreProblem, "a number from 0 to 100"},
		{"two decimals", "55.25", pam.Level3, "01/03/2026", "Sam Green", scoreProblem, "at most one decimal place"},
		{"no level", "55.2", 0, "01/03/2026", "Sam Green", func(f *pamForm) string { return f.levelProblem.Text }, "Choose the level"},
		{"future date", "55.2", pam.Level3, "03/03/2026", "Sam Green", dateProblem, "cannot be in the future"},
		{"not a date", "55.2", pam.Level3, "31/02/2026", "Sam Green", dateProblem, "DD/MM/YYYY"},
		{"no date", "55.2", pam.Level3, "", "Sam Green", dateProblem, "Write the date"},
		{"no recorder", "55.2", pam.Level3, "01/03/2026", "  ", func(f *pamForm) string { return f.recordedByProblem.Text }, "Say who"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, o := outcomesSession(t)
			f := openPAMForm(t, s)
			fillPAM(f, tt.score, tt.level, tt.date, tt.by)
			test.Tap(f.form.Save)
			if got := tt.problem(f); !strings.Contains(got, tt.want) {
				t.Errorf("inline problem %q, want it to say %q", got, tt.want)
			}
			if len(o.savedPAM(t)) != 0 || f.mismatch != nil {
				t.Error("bad input was saved or went on to the level check")
			}
		})
	}
}

func scoreProblem(f *pamForm) string { return f.scoreProblem.Text }
func dateProblem(f *pamForm) string  { return f.takenOnProblem.Text }

func TestPAMFormGolden(t *testing.T) {
	s, w, _ := outcomesSession(t)
	f := openPAMForm(t, s)
	fillPAM(f, "101", pam.Level4, "01/03/2026", "Sam Green")
	test.Tap(f.form.Save)
	test.AssertRendersToMarkup(t, "pam_form.xml", w.Canvas())
}

func TestCarerPAMNeedsCarer(t *testing.T) {
	s, _, o := outcomesSession(t)
	f := openPAMForm(t, s)
	if f.carerRow.Visible() {
		t.Error("the carer is asked for a PAM-13")
	}
	fillPAM(f, "60.1", pam.Level3, "01/03/2026", "Sam Green")
	f.instrument.SetSelected(string(pam.CarerPAM))
	if !f.carerRow.Visible() {
		t.Fatal("a Carer PAM does not ask whose it is")
	}
	test.Tap(f.form.Save)
	if !strings.Contains(f.carerProblem.Text, "Choose which carer") || len(o.savedPAM(t)) != 0 {
		t.Fatalf("a Carer PAM without a carer: problem %q, saved %d", f.carerProblem.Text, len(o.savedPAM(t)))
	}
	f.carer.SetSelected("Rhodri O'Brien")
	test.Tap(f.form.Save)
	if len(o.savedPAM(t)) != 1 || o.savedPAM(t)[0].CarerName != "Rhodri O'Brien" || o.savedPAM(t)[0].Instrument != pam.CarerPAM {
		t.Fatalf("saved %+v", o.savedPAM(t))
	}
}

func TestMarkPAMEnteredInError(t *testing.T) {
	s, _, o := outcomesSession(t)
	tab := s.patient.outcomes
	if _, ok := tab.marks[fixtureID(pid("p01")+"-m3")]; ok {
		t.Error("a PAM already entered in error can be marked again")
	}
	test.Tap(tab.marks[fixtureID(pid("p01")+"-m4")])
	d := tab.marking
	mustBeSignedInName(t, d.by)
	d.by.SetText("")
	test.Tap(d.form.Save)
	if !d.reasonProblem.Visible() || !d.byProblem.Visible() || len(o.savedPAM(t)) != 0 {
		t.Fatal("marking without a reason or a name was not refused inline")
	}
	test.Type(d.reason, "typed into the wrong record")
	d.by.SetText("")
	test.Type(d.by, "Jo Marsh")
	test.Tap(d.form.Save)
	if len(o.savedPAM(t)) != 1 {
		t.Fatalf("saved %d, want the mark", len(o.savedPAM(t)))
	}
	m := o.savedPAM(t)[0]
	if m.ID != fixtureID(pid("p01")+"-m4") || m.InError == nil || m.InError.Reason != "typed into the wrong record" || m.InError.By != "Jo Marsh" || m.Score != 532 {
		t.Errorf("saved %+v", m)
	}
	tab = s.patient.outcomes
	text := tabText(s)
	if !strings.Contains(text, "entered in error: typed into the wrong record (Jo Marsh)") {
		t.Error("the row does not say it was entered in error")
	}
	if n := len(tab.chart.history); n != 2 {
		t.Errorf("the chart draws %d PAMs, want 2 once the latest is in error", n)
	}
	if strings.Contains(text, "Since the previous PAM") || !strings.Contains(text, "Since the first PAM (10 Feb 2025): +4.8 points, Level 1 to Level 2 · meaningful") {
		t.Errorf("the change still counts the PAM entered in error:\n%s", text)
	}
	if !strings.Contains(text, "Next PAM due 28 Feb 2026 · overdue") {
		t.Error("the next due date still counts the PAM entered in error")
	}
}

func TestMarkOutcomeEnteredInError(t *testing.T) {
	s, _, o := outcomesSession(t)
	test.Tap(s.patient.outcomes.marks[fixtureID(pid("p01")+"-w2")])
	d := s.patient.outcomes.marking
	d.by.SetText("")
	test.Type(d.by, "Jo Marsh")
	test.Tap(d.form.Save)
	if !strings.Contains(d.reasonProblem.Text, "Say why") || len(o.savedOut(t)) != 0 {
		t.Fatal("marking without a reason was not refused")
	}
	test.Type(d.reason, "answers were another person's")
	test.Tap(d.form.Save)
	if len(o.savedOut(t)) != 1 || o.savedOut(t)[0].ID != fixtureID(o.patientID+"-w2") || o.savedOut(t)[0].InError == nil {
		t.Fatalf("saved %+v", o.savedOut(t))
	}
	if !strings.Contains(tabText(s), "entered in error: answers were another person's (Jo Marsh)") {
		t.Error("the wellbeing row does not say it was entered in error")
	}
}

func TestRecordFrailty(t *testing.T) {
	s, _, o := outcomesSession(t)
	test.Tap(s.patient.outcomes.recordFrailty)
	f := s.patient.outcomes.outcomeForm
	mustBeSignedInName(t, f.recordedBy)
	f.recordedBy.SetText("")
	test.Tap(f.form.Save)
	if !f.frailtyProblem.Visible() || !f.recordedByProblem.Visible() || len(o.savedOut(t)) != 0 {
		t.Fatal("an empty frailty form was not refused inline")
	}
	f.frailty.SetSelectedIndex(5) // 6 — living with moderate frailty
	f.recordedBy.SetText("")
	test.Type(f.recordedBy, "Dr Helen Ames")
	test.Tap(f.form.Save)
	if len(o.savedOut(t)) != 1 {
		t.Fatalf("saved %d records", len(o.savedOut(t)))
	}
	r := o.savedOut(t)[0]
	if r.Measure != outcomes.MeasureFrailty || r.Frailty == nil || r.Frailty.Score != 6 || r.TakenOn != fixedToday() || r.RecordedBy != "Dr Helen Ames" {
		t.Errorf("saved %+v", r)
	}
	if !strings.Contains(tabText(s), "6: living with moderate frailty") {
		t.Error("the new frailty score is not in the history")
	}
}

func TestRecordLoneliness(t *testing.T) {
	s, _, o := outcomesSession(t)
	test.Tap(s.patient.outcomes.recordLoneliness)
	f := s.patient.outcomes.outcomeForm
	f.recordedBy.SetText("")
	test.Type(f.recordedBy, "Sam Green")
	f.ucla[0].SetSelected("often")
	f.ucla[1].SetSelected("hardly ever or never")
	test.Tap(f.form.Save)
	if !f.uclaProblem.Visible() || len(o.savedOut(t)) != 0 {
		t.Fatal("unanswered loneliness questions were not refused inline")
	}
	f.ucla[2].SetSelected("some of the time")
	if got := f.uclaTotal.Text; got != "Total 6 of 9 (lonely)" {
		t.Errorf("live total %q", got)
	}
	test.Tap(f.form.Save)
	if f.uclaProblem.Visible() || !f.howOftenProblem.Visible() || len(o.savedOut(t)) != 0 {
		t.Fatal("an unanswered how-often question was not refused inline")
	}
	f.howOften.SetSelected("occasionally")
	test.Tap(f.form.Save)
	if len(o.savedOut(t)) != 1 {
		t.Fatalf("saved %d records", len(o.savedOut(t)))
	}
	l := o.savedOut(t)[0].Loneliness
	if l == nil || *l != (outcomes.Loneliness{LackCompanionship: 3, LeftOut: 1, Isolated: 2, HowOften: outcomes.Occasionally}) {
		t.Errorf("saved %+v", l)
	}
}

func TestRecordWellbeing(t *testing.T) {
	s, _, o := outcomesSession(t)
	test.Tap(s.patient.outcomes.recordWellbeing)
	f := s.patient.outcomes.outcomeForm
	f.recordedBy.SetText("")
	test.Type(f.recordedBy, "Sam Green")
	test.Type(f.takenOn, "x") // now "02/03/2026x"
	f.ons[0].SetSelectedIndex(0)
	f.ons[1].SetSelectedIndex(9)
	f.ons[2].SetSelectedIndex(7)
	test.Tap(f.form.Save)
	if !f.onsProblem.Visible() || !f.takenOnProblem.Visible() || len(o.savedOut(t)) != 0 {
		t.Fatal("a missing answer or a bad date was not refused inline")
	}
	f.ons[3].SetSelectedIndex(2)
	if f.onsBands[0].Text != "low" || f.onsBands[1].Text != "very high" || f.onsBands[3].Text != "low" {
		t.Errorf("bands %q %q %q", f.onsBands[0].Text, f.onsBands[1].Text, f.onsBands[3].Text)
	}
	f.takenOn.SetText("2026-02-27")
	test.Tap(f.form.Save)
	if len(o.savedOut(t)) != 1 {
		t.Fatalf("saved %d records", len(o.savedOut(t)))
	}
	w := o.savedOut(t)[0].Wellbeing
	if w == nil || *w != (outcomes.Wellbeing{LifeSatisfaction: 0, Worthwhile: 9, Happy: 7, Anxious: 2}) {
		t.Errorf("saved %+v", w)
	}
}

func TestSaveFailureKeepsForm(t *testing.T) {
	s, _, _ := outcomesSession(t, func(c *Config) { c.Services.Outcomes = failingOutcomes{c.Services.Outcomes, errDiskFull} })
	f := openPAMForm(t, s)
	fillPAM(f, "58.4", pam.Level3, "01/03/2026", "Sam Green")
	test.Tap(f.form.Save)
	if !strings.Contains(f.form.Problem.Text, "could not be saved") {
		t.Errorf("a failed save says %q", f.form.Problem.Text)
	}
	if f.score.Text != "58.4" {
		t.Error("a failed save lost what was typed")
	}
}
