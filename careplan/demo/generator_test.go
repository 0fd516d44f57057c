package demo

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/pam"
)

func testToday() careplan.Date { return careplan.NewDate(2026, time.May, 1) }

// TestEveryoneIsValid checks what the store would refuse: every patient, plan and PAM result
// must pass the domain's own validation, and the pathway must hang together.
func TestEveryoneIsValid(t *testing.T) {
	today := testToday()
	for seed := uint64(1); seed <= 3; seed++ {
		g := New(seed, today)
		staff := map[string]careplan.StaffMember{}
		for _, m := range g.Staff() {
			staff[m.ID] = m
		}
		for i := range 2000 {
			p := g.Next()
			if err := p.Patient.Validate(today); err != nil {
				t.Fatalf("seed %d person %d: %v\n%+v", seed, i, err, p.Patient)
			}
			checkPathway(t, p.Patient, today)
			checkTeam(t, p.Patient, staff)
			for _, plan := range p.Plans {
				if err := plan.Validate(); err != nil {
					t.Fatalf("seed %d person %d plan v%d: %v", seed, i, plan.Version, err)
				}
				if plan.State == careplan.PlanAgreed {
					// Demo plans are agreed as a key worker would agree them today.
					if err := careplan.ReadyToAgree(plan, plan.Agreement.On, today); err != nil {
						t.Fatalf("seed %d person %d plan v%d breaks the agreement rules: %v", seed, i, plan.Version, err)
					}
				}
			}
			checkPlans(t, p, today)
			for _, a := range p.Assessments {
				if err := a.Validate(today); err != nil {
					t.Fatalf("seed %d person %d PAM: %v", seed, i, err)
				}
			}
			checkOutcomes(t, p, today)
		}
	}
}

func checkPathway(t *testing.T, p careplan.Patient, today careplan.Date) {
	t.Helper()
	if !p.NHSNumber.Valid() || !strings.HasPrefix(string(p.NHSNumber), "999") {
		t.Fatalf("%s: NHS number %s is not a valid test-range number", p.ID, p.NHSNumber)
	}
	if age := p.DateOfBirth.AgeOn(today); age < 45 || age > 95 {
		t.Fatalf("%s: aged %d", p.ID, age)
	}
	h := p.History
	if len(h) == 0 || h[0].To != careplan.StatusNominated || h[len(h)-1].To != p.Status {
		t.Fatalf("%s: history %+v does not lead to %s", p.ID, h, p.Status)
	}
	for i := 1; i < len(h); i++ {
		if err := careplan.CanMove(h[i].From, h[i].To); err != nil || h[i].From != h[i-1].To {
			t.Fatalf("%s: step %d %+v: %v", p.ID, i, h[i], err)
		}
		if h[i].On.Before(h[i-1].On) || h[i].On.After(today) || h[i].By == "" {
			t.Fatalf("%s: step %d %+v out of order or undated", p.ID, i, h[i])
		}
	}
	reached := map[careplan.Status]bool{}
	for _, c := range h {
		reached[c.To] = true
	}
	joined := false
	for _, c := range p.Consent {
		joined = joined || (c.Scope == careplan.ConsentToJoin && c.Decision == careplan.ConsentGiven)
	}
	if reached[careplan.StatusConsented] != joined {
		t.Fatalf("%s: reached consented %v but consent to join on file %v", p.ID, reached[careplan.StatusConsented], joined)
	}
	switch p.Status {
	case careplan.StatusConsented, careplan.StatusActive, careplan.StatusDischarged:
		if !careplan.HasConsent(p.Consent, careplan.ConsentToJoin) {
			t.Fatalf("%s: %s without current consent to join", p.ID, p.Status)
		}
	}
}

func checkTeam(t *testing.T, p careplan.Patient, staff map[string]careplan.StaffMember) {
	t.Helper()
	if c, ok := staff[p.Team.CoordinatorID]; !ok || c.Role != careplan.RoleCoordinator || c.Name != p.Team.Coordinator {
		t.Fatalf("%s: coordinator %+v", p.ID, p.Team)
	}
	if p.Status == careplan.StatusNominated {
		return
	}
	if k, ok := staff[p.Team.KeyWorkerID]; !ok || k.Role != careplan.RoleKeyWorker || k.Name != p.Team.KeyWorker {
		t.Fatalf("%s: key worker %+v", p.ID, p.Team)
	}
}

func checkPlans(t *testing.T, p Person, today careplan.Date) {
	t.Helper()
	want := p.Patient.Status == careplan.StatusConsented || p.Patient.Status == careplan.StatusActive ||
		p.Patient.Status == careplan.StatusDischarged
	if want && len(p.Plans) == 0 {
		t.Fatalf("%s: %s but no plan", p.Patient.ID, p.Patient.Status)
	}
	if len(p.Plans) > 0 && len(p.Assessments) == 0 {
		t.Fatalf("%s: a plan but no PAM", p.Patient.ID)
	}
	for i, plan := range p.Plans {
		if plan.Version != i+1 || plan.PatientID != p.Patient.ID || plan.ID == "" {
			t.Fatalf("%s: plan %d is version %d", p.Patient.ID, i, plan.Version)
		}
		if len(plan.Goals) < 1 || len(plan.Goals) > 5 {
			t.Fatalf("%s: %d goals", p.Patient.ID, len(plan.Goals))
		}
		if !strings.Contains(plan.Contingency.Red.WhoToCall, "999") {
			t.Fatalf("%s: red contingency %q has no 999", p.Patient.ID, plan.Contingency.Red.WhoToCall)
		}
		last := i == len(p.Plans)-1
		if plan.State == careplan.PlanDraft {
			if !last {
				t.Fatalf("%s: a draft before an agreed version", p.Patient.ID)
			}
			continue
		}
		a := plan.Agreement
		if a.On.After(today) || a.PAMLevel != levelOn(p.Assessments, a.On) {
			t.Fatalf("%s: agreement %+v (PAM level before it: %d)", p.Patient.ID, a, levelOn(p.Assessments, a.On))
		}
		for _, g := range plan.Goals {
			for _, act := range g.Actions {
				if act.Status == careplan.ActionDone && (act.DoneOn.IsZero() || act.DoneOn.After(today) || act.DoneOn.Before(a.On)) {
					t.Fatalf("%s: action done on %v (agreed %v)", p.Patient.ID, act.DoneOn, a.On)
				}
			}
		}
	}
	for i := 1; i < len(p.Assessments); i++ {
		if !p.Assessments[i-1].TakenOn.Before(p.Assessments[i].TakenOn) {
			t.Fatalf("%s: PAMs out of order", p.Patient.ID)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b, c := New(7, testToday()), New(7, testToday()), New(8, testToday())
	if !reflect.DeepEqual(a.Staff(), b.Staff()) {
		t.Fatal("same seed, different staff")
	}
	if reflect.DeepEqual(a.Staff(), c.Staff()) {
		t.Fatal("different seeds, same staff")
	}
	same := 0
	for i := range 300 {
		pa, pb, pc := a.Next(), b.Next(), c.Next()
		if !reflect.DeepEqual(pa, pb) {
			t.Fatalf("person %d differs with the same seed:\n%+v\n%+v", i, pa.Patient, pb.Patient)
		}
		if pa.Patient.NHSNumber == pc.Patient.NHSNumber || pa.Patient.ID == pc.Patient.ID {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 300 people share an NHS number or id across seeds", same)
	}
	if !reflect.DeepEqual(a.Staff(), b.Staff()) {
		t.Error("staff changed after making people")
	}
}

func TestStaff(t *testing.T) {
	staff := New(1, testToday()).Staff()
	roles := map[careplan.Role]int{}
	covered := map[careplan.Specialism]bool{}
	ids := map[string]bool{}
	for _, m := range staff {
		roles[m.Role]++
		ids[m.ID] = true
		if m.Role == careplan.RoleKeyWorker && (len(m.Specialisms) < 1 || len(m.Specialisms) > 2) {
			t.Errorf("%s has %d specialisms", m.Name, len(m.Specialisms))
		}
		for _, s := range m.Specialisms {
			covered[s] = true
		}
	}
	if roles[careplan.RoleKeyWorker] != 8 || roles[careplan.RoleCoordinator] != 3 || roles[careplan.RoleHubGP] != 1 {
		t.Errorf("roles %v", roles)
	}
	if len(covered) != len(careplan.Specialisms()) {
		t.Errorf("specialisms covered: %v", covered)
	}
	if len(ids) != len(staff) {
		t.Error("staff ids repeat")
	}
}

// TestMix checks the hub looks like a hub: the status mix, awkward names, the odd mismatched
// PAM level and two-condition nomination, and key workers who suit people's conditions.
func TestMix(t *testing.T) {
	const n = 5000
	g := New(42, testToday())
	status := map[careplan.Status]int{}
	nhs := map[careplan.NHSNumber]bool{}
	var apostrophes, diacritics, two, mismatches, pams, largePrint, interpreter, drafts, twoVersions int
	var dementia, dementiaMatched int
	staff := map[string]careplan.StaffMember{}
	for _, m := range g.Staff() {
		staff[m.ID] = m
	}
	for range n {
		p := g.Next()
		pt := p.Patient
		status[pt.Status]++
		if nhs[pt.NHSNumber] {
			t.Fatalf("NHS number %s given twice", pt.NHSNumber)
		}
		nhs[pt.NHSNumber] = true
		name := pt.GivenName + pt.FamilyName
		if strings.Contains(name, "'") {
			apostrophes++
		}
		if strings.ContainsAny(name, "âëéáíóúñçüöšłśåøÁÓ") {
			diacritics++
		}
		if len(pt.Conditions) == 2 {
			two++
		}
		if pt.Needs.LargePrint {
			largePrint++
		}
		if pt.Needs.Interpreter != "" {
			interpreter++
		}
		for _, a := range p.Assessments {
			pams++
			if errors.Is(a.CrossCheck(), pam.ErrLevelMismatch) {
				mismatches++
			}
		}
		if len(p.Plans) > 0 && p.Plans[len(p.Plans)-1].State == careplan.PlanDraft {
			drafts++
		}
		if len(p.Plans) >= 2 && p.Plans[1].State == careplan.PlanAgreed {
			twoVersions++
		}
		if pt.Status != careplan.StatusNominated && contains(pt.Conditions, "52448006") {
			dementia++
			if hasSpecialism(staff[pt.Team.KeyWorkerID], careplan.SpecDementia) {
				dementiaMatched++
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / n }
	t.Logf("status %v; two LTCs %.1f%%; apostrophes %.1f%%; diacritics %.1f%%; large print %.1f%%; interpreter %.1f%%; drafts %d; two agreed versions %d; PAM mismatches %d/%d",
		status, pct(two), pct(apostrophes), pct(diacritics), pct(largePrint), pct(interpreter), drafts, twoVersions, mismatches, pams)
	if a := pct(status[careplan.StatusActive]); a < 55 || a > 65 {
		t.Errorf("%.1f%% active, want about 60%%", a)
	}
	for _, s := range careplan.Statuses() {
		if status[s] == 0 {
			t.Errorf("nobody %s", s)
		}
	}
	if two == 0 || pct(two) > 6 || apostrophes == 0 || diacritics == 0 || mismatches == 0 || drafts == 0 || twoVersions == 0 {
		t.Error("the mix is missing a kind of person the hub sees")
	}
	if r := float64(mismatches) / float64(pams); r > 0.04 {
		t.Errorf("%.1f%% of PAM levels mismatched, want about 2%%", 100*r)
	}
	if float64(dementiaMatched) < 0.7*float64(dementia) {
		t.Errorf("only %d of %d people with dementia have a dementia key worker", dementiaMatched, dementia)
	}
}

func TestCaseloadEntry(t *testing.T) {
	g := New(3, testToday())
	for range 200 {
		p := g.Next()
		e := p.CaseloadEntry()
		if e.PatientID != p.Patient.ID || e.NHSNumber != p.Patient.NHSNumber || e.PreferredName != p.Patient.PreferredName {
			t.Fatalf("entry %+v for %+v", e, p.Patient)
		}
		if plan, ok := p.CurrentPlan(); ok != !e.ReviewDate.IsZero() || (ok && plan.ReviewDate != e.ReviewDate) {
			t.Fatalf("review date %v, plan %v %v", e.ReviewDate, plan.ReviewDate, ok)
		}
	}
}

// TestGenerate30kTime keeps the demo quick to load: the brief is well under three seconds for
// 30,000 people. It is skipped with -short and under the race detector's slowdown.
// BenchmarkNext measures one synthetic person; 30,000 (a county) is 30,000 × this. Speed is
// measured here, never asserted in a test.
func BenchmarkNext(b *testing.B) {
	g := New(1, testToday())
	for b.Loop() {
		g.Next()
	}
}
