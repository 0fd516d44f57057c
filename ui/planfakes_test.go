package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/pam"
)

// fakePlans keeps plans in the fake records, with the store's rules: an agreed version is
// locked, and a plan without an id gets one.
type fakePlans struct {
	records   *fakeRecords
	templates []careplan.Template
	services  []careplan.Service
	checkIns  map[string][]myplan.CheckIn // by patient, as they reached the hub
	saves     int
	nextID    int
}

var _ Plans = (*fakePlans)(nil)

func (f *fakePlans) Plans(id string) ([]careplan.Plan, error) {
	f.records.mu.Lock()
	defer f.records.mu.Unlock()
	var out []careplan.Plan
	for _, p := range f.records.plans[id] {
		out = append(out, p.Clone())
	}
	return out, nil
}

func (f *fakePlans) CheckIns(id string) ([]myplan.CheckIn, error) {
	return append([]myplan.CheckIn(nil), f.checkIns[id]...), nil
}

func (f *fakePlans) SavePlan(p *careplan.Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	f.records.mu.Lock()
	defer f.records.mu.Unlock()
	if p.ID == "" {
		f.nextID++
		p.ID = fmt.Sprintf("plan-%d", f.nextID)
	}
	f.saves++
	versions := f.records.plans[p.PatientID]
	for i, v := range versions {
		if v.ID == p.ID {
			if v.State == careplan.PlanAgreed {
				return careplan.ErrPlanLocked
			}
			versions[i] = p.Clone()
			return nil
		}
	}
	f.records.plans[p.PatientID] = append(versions, p.Clone())
	return nil
}

func (f *fakePlans) AgreePlan(p *careplan.Plan, by string, on careplan.Date) error {
	if err := careplan.ReadyToAgree(*p, on, fixedToday()); err != nil {
		return err
	}
	f.records.mu.Lock()
	latest, ok := pam.Latest(f.records.assessments[p.PatientID])
	f.records.mu.Unlock()
	level := 0
	if ok {
		level = int(latest.Level)
	}
	agreed := p.Clone()
	if err := agreed.Agree(by, on.Time().Add(10*time.Hour), fixedToday(), level); err != nil {
		return err
	}
	if err := f.SavePlan(&agreed); err != nil {
		return err
	}
	*p = agreed
	return nil
}

func (f *fakePlans) Templates() ([]careplan.Template, error) {
	return append(careplan.BuiltInTemplates(), f.templates...), nil
}

func (f *fakePlans) SaveTemplate(t *careplan.Template) error {
	if err := t.Validate(); err != nil {
		return err
	}
	t.ID = fmt.Sprintf("template-%d", len(f.templates)+1)
	f.templates = append(f.templates, *t)
	return nil
}

func (f *fakePlans) Services() ([]careplan.Service, error) { return f.services, nil }

func (f *fakePlans) SaveService(s *careplan.Service) error {
	if err := s.Validate(); err != nil {
		return err
	}
	// As the store does: an id updates that entry, no id adds one.
	for i := range f.services {
		if s.ID != "" && f.services[i].ID == s.ID {
			f.services[i] = *s
			return nil
		}
	}
	s.ID = fmt.Sprintf("service-%d", len(f.services)+1)
	f.services = append(f.services, *s)
	return nil
}

func testServices() []careplan.Service {
	return []careplan.Service{
		{ID: "s1", Name: "Frome Community Connectors", Offers: "Help finding local groups", Area: "Frome", Contact: "01373 000 333"},
		{ID: "s2", Name: "Mendip Walking for Health", Offers: "Short led walks", Area: "Mendip"},
	}
}

// planSession opens the Care plan tab of a person with no plan yet and PAMs at level 2.
func planSession(t *testing.T) (*session, fyne.Window, *fakePlans) {
	t.Helper()
	r := &fakeRecords{}
	p := fullPatient("p01", testNHSNumber(100))
	r.add(p, nil, threePAMs(p.ID))
	f := &fakePlans{records: r, services: testServices()}
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, w := newTestSession(t, Config{Vault: v, Plans: f})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	s.openPatient(p.ID)
	if s.patient.plan == nil || s.patient.plan.editor == nil {
		t.Fatal("the patient screen has no Care plan tab")
	}
	s.patient.showPlan()
	return s, w, f
}

// storedVersions is the plans the fake holds for p01.
func (f *fakePlans) storedVersions(t *testing.T) []careplan.Plan {
	t.Helper()
	v, _ := f.Plans("p01")
	return v
}
