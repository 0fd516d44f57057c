package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/demo"
	"carehub/pam"
	"carehub/store"
)

// storePlans is Plans on a real store, as the app wires it (app.planService), for tests that
// must see what reaches the disk. The app package cannot be used here: it imports ui.
type storePlans struct{ *store.Store }

func (s storePlans) AgreePlan(p *careplan.Plan, by string, on careplan.Date) error {
	if err := careplan.ReadyToAgree(*p); err != nil {
		return err
	}
	as, err := s.Assessments(p.PatientID)
	if err != nil {
		return err
	}
	level := 0
	if l, ok := pam.Latest(as); ok {
		level = int(l.Level)
	}
	agreed := p.Clone()
	if err := agreed.Agree(by, on.Time(), level); err != nil {
		return err
	}
	if err := s.SavePlan(&agreed); err != nil {
		return err
	}
	*p = agreed
	return nil
}

func (s storePlans) Templates() ([]careplan.Template, error) {
	own, err := s.Store.Templates()
	return append(careplan.BuiltInTemplates(), own...), err
}

// storeVault opens a store that is already open.
type storeVault struct{ st *store.Store }

func (v storeVault) Exists() bool             { return true }
func (v storeVault) Open(string) error        { return nil }
func (v storeVault) Create(_, _ string) error { return nil }
func (v storeVault) SignedIn() access.User    { return v.st.SignedIn() }
func (v storeVault) Unlock(p string) error    { return v.st.CheckPassphrase(p) }

// demoStore is a real store in a temp dir, with a cheap key derivation, holding a few demo
// people; it returns the first person whose plan has an agreed version and no draft on top.
func demoStore(t *testing.T) (*store.Store, string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hub.db")
	now := func() time.Time { return fixedToday().Time().Add(10 * time.Hour) }
	opts := store.Options{Now: now, User: "test", KDF: &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}}
	st, err := store.Create(path, "pw", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	g := demo.New(1, fixedToday())
	chosen := ""
	for i := 0; i < 40; i++ {
		p := g.Next()
		if err := st.SavePatient(&p.Patient); err != nil {
			t.Fatal(err)
		}
		for j := range p.Plans {
			p.Plans[j].PatientID = p.Patient.ID
			if err := st.SavePlan(&p.Plans[j]); err != nil {
				t.Fatal(err)
			}
		}
		for j := range p.Assessments {
			p.Assessments[j].PatientID = p.Patient.ID
			if err := st.SaveAssessment(&p.Assessments[j]); err != nil {
				t.Fatal(err)
			}
		}
		n := len(p.Plans)
		if chosen == "" && n > 0 && p.Plans[n-1].State == careplan.PlanAgreed && len(p.Plans[n-1].Goals) > 0 {
			chosen = p.Patient.ID
		}
	}
	if chosen == "" {
		t.Fatal("no demo person has an agreed plan")
	}
	return st, path, chosen
}

// The review wizard, end to end on a real store: the new version is on disk, agreed, and
// the version it came from is untouched.
func TestReviewWizardOnRealStore(t *testing.T) {
	st, _, id := demoStore(t)
	before, err := st.Plans(id)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newTestSession(t, Config{Vault: storeVault{st}, Plans: storePlans{st}})
	test.Type(s.unlock.passphrase, "pw")
	test.Tap(s.unlock.submit)
	s.openPatient(id)
	s.patient.showPlan()
	test.Tap(s.patient.plan.editor.review)
	rw := s.patient.plan.review
	if len(rw.actionParts) > 0 {
		rw.actionParts[0].decision.SetSelected("done")
	}
	for rw.step < 4 {
		if rw.step == 3 {
			rw.contingency.SetChecked(true)
		}
		test.Tap(rw.next)
		if rw.problem.Visible() {
			t.Fatalf("step %d: %s", rw.step+1, rw.problem.Text)
		}
	}
	test.Tap(rw.agree)
	if rw.problem.Visible() {
		t.Fatalf("agreeing: %s", rw.problem.Text)
	}
	after, err := st.Plans(id)
	if err != nil {
		t.Fatal(err)
	}
	last := before[len(before)-1]
	if len(after) != len(before)+1 {
		t.Fatalf("%d versions after the review, want %d", len(after), len(before)+1)
	}
	got := after[len(after)-1]
	if got.State != careplan.PlanAgreed || got.Version != last.Version+1 || got.ReviewDate != fixedToday().AddMonths(3) {
		t.Errorf("the new version is %d %s, review %s", got.Version, got.State, got.ReviewDate)
	}
	if current, _ := careplan.CurrentPlan(after); current.ID != got.ID {
		t.Error("the reviewed version is not the current one")
	}
	if d := careplan.Diff(last, after[len(before)-1]); d[0] != "No changes." {
		t.Error("the review changed the version it started from")
	}
	r, err := st.Check()
	if err != nil || !r.OK() {
		t.Errorf("store check: %v %v", r.Problems, err)
	}
}
