package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"carehub/app/service"
	"carehub/careplan"
	"carehub/careplan/devices"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/store"
)

func TestConflictShowsBothSidesAndSavesTheChoice(t *testing.T) {
	f := newSyncHub(t)
	f.importFromLaptop2(t)
	s := f.syncSession(t, syncCoordinator, &fakeFiles{})
	test.Tap(s.caseload.conflictsButton)
	r := s.resolve
	if r == nil || s.w.Content() != r.root {
		t.Fatal("the Conflicts screen did not open")
	}
	if r.list.Length() != 2 || r.count.Text != "2 to resolve" {
		t.Fatalf("%d conflicts listed, count %q", r.list.Length(), r.count.Text)
	}
	d := r.detail
	if d == nil {
		t.Fatal("the first conflict is not shown")
	}
	// Wrong-patient safety: whose record heads the fields.
	if d.patient.Text != "Siân O'Brien · "+testNHSNumber(100).Display() || d.what.Text != "Care plan draft" {
		t.Errorf("heading %q, %q", d.patient.Text, d.what.Text)
	}
	if d.oursHead.Text != "This device: Mendip hub laptop 1, Jo Marsh, 2 Mar 2026 11:20" ||
		d.theirsHead.Text != "Hub laptop 2, Sam Green, 2 Mar 2026 11:40" {
		t.Errorf("column headings %q, %q", d.oursHead.Text, d.theirsHead.Text)
	}
	if len(d.rows) != 2 || d.rows[1].label.Text != "Review date" || d.rows[1].ours.Text != "1 March 2027" ||
		d.rows[1].theirs.Text != "15 February 2027" {
		t.Fatalf("rows %+v", d.rows)
	}
	for _, row := range d.rows {
		if row.keep.Selected != keepOurs {
			t.Errorf("%s: %q chosen at first, want this device's", row.key, row.keep.Selected)
		}
	}
	test.AssertRendersToMarkup(t, "conflicts.xml", s.w.Canvas())

	// Keep laptop 2's goals and this laptop's review date.
	d.rows[0].keep.SetSelected(keepTheirs)
	test.Tap(d.save)
	plans, err := f.store(t).Plans(pid("p01"))
	must(t, err)
	draft := plans[len(plans)-1]
	if draft.ReviewDate != careplan.NewDate(2027, 3, 1) || draft.Goals[1].Actions[0].Due != careplan.NewDate(2026, 12, 10) {
		t.Errorf("after saving the draft has review %s and due %s", draft.ReviewDate, draft.Goals[1].Actions[0].Due)
	}
	if r.list.Length() != 1 || r.detail == nil || r.detail.patient.Text != "Hub record (not about one person)" {
		t.Errorf("after saving: %d listed, showing %+v", r.list.Length(), r.detail)
	}

	test.Tap(r.detail.save)
	if !labelShown(r.root, "No conflicts: every device's changes have merged.") {
		t.Errorf("the empty list shows %q", labelTexts(r.root))
	}
	test.AssertRendersToMarkup(t, "conflicts_empty.xml", s.w.Canvas())
}

// refusingConflicts is the real conflicts service whose choices cannot be saved: to see the
// screen keep the choice when a save fails.
type refusingConflicts struct {
	real Conflicts
	err  error
}

func (r refusingConflicts) Conflicts() ([]devices.Conflict, error)                { return r.real.Conflicts() }
func (r refusingConflicts) Unsettled(id string) ([]string, error)                 { return r.real.Unsettled(id) }
func (r refusingConflicts) ResolveConflict(string, map[string]devices.Side) error { return r.err }

func TestConflictSaveErrorKeepsTheChoice(t *testing.T) {
	f := newSyncHub(t)
	f.importFromLaptop2(t)
	refused := errors.New("that conflict was already resolved on this device")
	s := f.syncSession(t, syncCoordinator, &fakeFiles{}, func(c *Config) { c.Services.Conflicts = refusingConflicts{c.Services.Conflicts, refused} })
	test.Tap(s.caseload.conflictsButton)
	r := s.resolve
	r.detail.rows[1].keep.SetSelected(keepTheirs)
	test.Tap(r.detail.save)
	if !r.problem.Visible() || r.problem.Text != "The choice was not saved: that conflict was already resolved on this device" {
		t.Errorf("problem %q", r.problem.Text)
	}
	if r.detail.save.Disabled() || r.detail.rows[1].keep.Selected != keepTheirs || !r.list.Visible() {
		t.Error("after a failed save the choice is lost or the screen stays locked")
	}
}

// A key worker opening someone whose record two devices changed differently is told so first,
// before a due date or contingency plan they might act on; someone else's record says nothing.
func TestPatientSummaryWarnsOfUnsettledConflict(t *testing.T) {
	f := newSyncHub(t)
	f.importFromLaptop2(t)
	s := f.syncSession(t, samKeyWorker, &fakeFiles{})
	s.openPatient(pid("p01"))
	if !labelShown(s.patient.body, unsettledTitle) || !labelShown(s.patient.body, "Care plan draft: Goals and actions, Review date") {
		t.Fatalf("no notice of the open conflict on the summary: %q", labelTexts(s.patient.body))
	}
	if texts := labelTexts(s.patient.body); texts[0] != unsettledTitle {
		t.Errorf("the notice is not the first thing on the summary: %q", texts[:3])
	}

	s.openPatient(pid("p02"))
	if labelShown(s.patient.body, unsettledTitle) {
		t.Error("a person with no conflict is shown one")
	}
}

// The key worker sees whether the person's tablet has their latest plan: up to date, or how
// many changes have not reached it; nothing for someone without a tablet.
func TestPatientSummarySaysHowCurrentTheirTabletIs(t *testing.T) {
	f := newSyncHub(t)
	f.setUpTablet(t)
	s := f.syncSession(t, samKeyWorker, &fakeFiles{})

	s.openPatient(pid("p01"))
	if !labelShown(s.patient.body, "Up to date with this hub (last confirmed on 2 Mar 2026).") {
		t.Errorf("an up-to-date tablet not said so: %q", labelTexts(s.patient.body))
	}
	// Two records of hers change that the tablet carries: a PAM and a frailty score.
	f.hubDo(t, func(hub *service.Set, st *store.Store) {
		must(t, st.SaveAssessment(&pam.Assessment{PatientID: pid("p01"), Score: 560, Level: pam.Level3, Instrument: pam.PAM13,
			TakenOn: fixedToday(), RecordedBy: "Sam Green", Source: "paper form"}))
		must(t, st.SaveOutcome(&outcomes.Record{PatientID: pid("p01"), Measure: outcomes.MeasureFrailty, TakenOn: fixedToday(),
			RecordedBy: "Sam Green", Frailty: &outcomes.Frailty{Score: 4}}))
	})
	s.openPatient(pid("p01"))
	want := "Not yet on their tablet: 2 changes to their plan or records (last confirmed on 2 Mar 2026). " +
		"Until a new bundle is carried to it (Sync) and its acknowledgement brought back, they see what it had before."
	if !labelShown(s.patient.body, tabletTitle) || !labelShown(s.patient.body, want) {
		t.Errorf("no word that the tablet is behind: %q", labelTexts(s.patient.body))
	}
	s.openPatient(pid("p03"))
	if labelShown(s.patient.body, tabletTitle) {
		t.Error("a tablet section for someone without a tablet")
	}
	if strings.Contains(strings.Join(labelTexts(s.patient.body), "\n"), "tablet") {
		t.Error("someone without a tablet is told about one")
	}
}
