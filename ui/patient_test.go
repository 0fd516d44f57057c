package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/pam"
)

func TestPatientSummaryAgreedPlanGolden(t *testing.T) {
	s, w, _ := unlockedSession(t, testRecords())
	s.openPatient(pid("p01"))

	if got := s.patient.nhsNumber.Text; got != testNHSNumber(100).Display() {
		t.Errorf("banner NHS number = %q", got)
	}
	if got := s.patient.born.Text; got != "3 Mar 1948 (77)" {
		t.Errorf("banner date of birth = %q, want %q", got, "3 Mar 1948 (77)")
	}
	texts := strings.Join(labelTexts(s.patient.body), "\n")
	for _, want := range []string{
		"Needs large print",
		"Needs an interpreter: Welsh",
		"Frome Medical Practice (ODS code L85016)",
		"Given on 3 Feb 2025 (verbal; recorded by Sam Green)",
		"Withdrawn on 20 Nov 2025 (by phone; recorded by Jo Marsh)",
		"Not recorded",
		"Nominated → Contacted",
		"Osteoarthritis",
		"Version 2 · agreed with the person by Sam Green on 1 Sep 2025 · PAM level 2 when agreed",
		"Review was due on 18 Feb 2026 · overdue",
		"Importance 9/10 · confidence 5/10 · 1 action open, 1 done",
		"Green: I'm well",
		"Amber: warning signs",
		"Red: emergency",
		"82.3 (in error)",
		"Since the first PAM (10 Feb 2025): +7.0 points, Level 1 to Level 2 · meaningful, over more than 12 months",
		"Since the previous PAM (28 Aug 2025): +2.2 points",
		"Next PAM due by 20 Aug 2026",
	} {
		if !strings.Contains(texts, want) {
			t.Errorf("the summary does not say %q", want)
		}
	}
	test.AssertRendersToMarkup(t, "patient_agreed.xml", w.Canvas())
}

func TestPatientSummaryDraftPlanGolden(t *testing.T) {
	r := &people{}
	p := fullPatient(pid("d1"), testNHSNumber(4321))
	p.GivenName, p.FamilyName, p.PreferredName = "Zoë", "Clarke", ""
	p.Needs = careplan.CommunicationNeeds{}
	p.Carers = nil
	p.Nomination.Judgement = &careplan.ClinicalJudgement{Reason: "Frailty with two conditions", By: "Dr Helen Ames"}
	r.add(p, []careplan.Plan{draftPlan(p.ID)}, nil)
	s, w, _ := unlockedSession(t, r)
	s.openPatient(p.ID)

	texts := strings.Join(labelTexts(s.patient.body), "\n")
	for _, want := range []string{
		"Version 1 · Draft — not yet agreed",
		"Review by 1 Sep 2026",
		"No communication needs recorded.",
		"No carers recorded.",
		"Frailty with two conditions (decided by Dr Helen Ames)",
		"No PAM recorded yet: one is due now.",
	} {
		if !strings.Contains(texts, want) {
			t.Errorf("the summary does not say %q", want)
		}
	}
	test.AssertRendersToMarkup(t, "patient_draft.xml", w.Canvas())
}

func TestPatientSummaryReadProblem(t *testing.T) {
	s, _, _ := unlockedSession(t, testRecords())
	s.openPatient(pid("nobody"))
	if !strings.Contains(strings.Join(labelTexts(s.patient.body), "\n"), "could not be read") {
		t.Error("a record that cannot be read does not say so")
	}
	if s.patient.nhsNumber.Text != "" {
		t.Errorf("the banner shows NHS number %q for a record that was not read", s.patient.nhsNumber.Text)
	}
}

func TestBannerStaysAboveTheScroll(t *testing.T) {
	s, _, _ := unlockedSession(t, testRecords())
	s.openPatient(pid("p01"))
	for _, o := range test.LaidOutObjects(s.patient.body) {
		if o == s.patient.nhsNumber || o == s.patient.name {
			t.Fatal("the identity banner is inside the scrolling part of the summary")
		}
	}
}

func TestCurrentPlan(t *testing.T) {
	draft := func(v int) careplan.Plan { return careplan.Plan{Version: v, State: careplan.PlanDraft} }
	agreed := func(v int) careplan.Plan { return careplan.Plan{Version: v, State: careplan.PlanAgreed} }
	tests := []struct {
		name        string
		plans       []careplan.Plan
		want        int // version; 0 for none
		wantState   careplan.PlanState
		wantNextVer int
	}{
		{"none", nil, 0, "", 0},
		{"only a draft", []careplan.Plan{draft(1)}, 1, careplan.PlanDraft, 0},
		{"agreed", []careplan.Plan{agreed(1)}, 1, careplan.PlanAgreed, 0},
		{"latest agreed", []careplan.Plan{agreed(1), agreed(2)}, 2, careplan.PlanAgreed, 0},
		{"agreed with a newer draft", []careplan.Plan{agreed(1), agreed(2), draft(3)}, 2, careplan.PlanAgreed, 3},
	}
	for _, tt := range tests {
		got, next, ok := currentPlan(tt.plans)
		if ok != (tt.want != 0) || got.Version != tt.want || got.State != tt.wantState {
			t.Errorf("%s: got version %d %s (ok %v), want %d %s", tt.name, got.Version, got.State, ok, tt.want, tt.wantState)
		}
		nextVer := 0
		if next != nil {
			nextVer = next.Version
		}
		if nextVer != tt.wantNextVer {
			t.Errorf("%s: next draft version %d, want %d", tt.name, nextVer, tt.wantNextVer)
		}
	}
}

func TestPAMDue(t *testing.T) {
	today := fixedToday()
	on := func(d careplan.Date) []pam.Assessment {
		return []pam.Assessment{{Score: 500, Level: pam.Level2, TakenOn: d, Instrument: pam.PAM13, RecordedBy: "Sam Green"}}
	}
	tests := []struct {
		name string
		all  []pam.Assessment
		want string
	}{
		{"none", nil, "No PAM counts yet: one is due now."},
		{"recent", on(today.AddMonths(-1)), "Next PAM due by 2 Aug 2026"},
		{"old", on(careplan.NewDate(2025, time.May, 1)), "Next PAM was due on 1 Nov 2025 · overdue"},
	}
	for _, tt := range tests {
		if got := pamDue(tt.all, today).Text; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
