package store

import (
	"errors"
	"path/filepath"
	"testing"

	"carehub/careplan"
)

func TestTemplatesAndServicesRoundTrip(t *testing.T) {
	s, _ := newTestStore(t)
	tpl := careplan.TemplateFrom(testPlan(""), "Walking again", "from a plan that worked")
	if err := s.SaveTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	if tpl.ID == "" {
		t.Fatal("the template got no id")
	}
	bad := careplan.Template{Name: " "}
	if err := s.SaveTemplate(&bad); !errors.Is(err, careplan.ErrTemplateName) || bad.ID != "" {
		t.Errorf("unnamed template: %v (id %q)", err, bad.ID)
	}
	builtin := careplan.BuiltInTemplates()[0]
	if err := s.SaveTemplate(&builtin); !errors.Is(err, ErrBuiltInTemplate) {
		t.Errorf("built-in template saved: %v", err)
	}
	for _, c := range []careplan.Service{
		{Name: "Health Connections Mendip", Offers: "Social prescribing", Area: "Mendip", Contact: "01749 000 000"},
		{Name: "Frome Lunch Club", Area: "Frome"},
	} {
		if err := s.SaveService(&c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveService(&careplan.Service{}); !errors.Is(err, careplan.ErrServiceName) {
		t.Errorf("unnamed service: %v", err)
	}
	tpls, err := s.Templates()
	if err != nil || len(tpls) != 1 || tpls[0].Name != "Walking again" || len(tpls[0].Goals) != 1 {
		t.Errorf("Templates = %+v, %v", tpls, err)
	}
	svcs, err := s.Services()
	if err != nil || len(svcs) != 2 || svcs[0].Name != "Frome Lunch Club" {
		t.Errorf("Services = %+v, %v", svcs, err)
	}
	c := counts(t, s)
	if c["plan templates"] != 1 || c["community services"] != 2 {
		t.Errorf("counts %v", c)
	}
}

// An autosaved draft is a plain SavePlan; closing the store between edits, as when the app
// is shut or the laptop's battery dies mid-edit, must lose nothing saved so far.
func TestAutosavedDraftSurvivesReopening(t *testing.T) {
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	p := testPatient("Ann", "Edits", testNHSNumber(1))
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	plan := testPlan(p.ID)
	if err := s.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	// Keystrokes in the editor: each autosave writes the whole draft again.
	for _, words := range []string{"I", "I live", "I live alone now"} {
		plan.AboutMe = words
		if err := s.SavePlan(&plan); err != nil {
			t.Fatal(err)
		}
	}
	plan.Contingency.Red.WhoToCall = "999"
	if err := s.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openTestStore(t, path, c)
	plans, err := s.Plans(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 {
		t.Fatalf("%d versions after reopening, want the one draft", len(plans))
	}
	got := plans[0]
	if got.ID != plan.ID || got.State != careplan.PlanDraft || got.AboutMe != "I live alone now" || got.Contingency.Red.WhoToCall != "999" {
		t.Errorf("after reopening the draft is %+v", got)
	}
	// Carry on editing where it left off.
	got.Strengths = "My dog keeps me walking"
	if err := s.SavePlan(&got); err != nil {
		t.Errorf("editing the reopened draft: %v", err)
	}
}

// Withdrawing a service is a save over the same entry: it stays in the directory, marked, so
// the hub can still see it, and reopening the store keeps the mark.
func TestWithdrawnServiceRoundTrip(t *testing.T) {
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	svc := careplan.Service{Name: "Frome Lunch Club", Offers: "Hot lunch on Tuesdays", Area: "Frome"}
	if err := s.SaveService(&svc); err != nil {
		t.Fatal(err)
	}
	id := svc.ID
	svc.Withdrawn = true
	svc.Contact = "01373 000 444"
	if err := s.SaveService(&svc); err != nil || svc.ID != id {
		t.Fatalf("withdrawing: %v (id %q, was %q)", err, svc.ID, id)
	}
	bad := svc
	bad.Name = " "
	if err := s.SaveService(&bad); !errors.Is(err, careplan.ErrServiceName) {
		t.Errorf("saving over it without a name: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openTestStore(t, path, c)
	got, err := s.Services()
	if err != nil || len(got) != 1 {
		t.Fatalf("Services = %+v, %v", got, err)
	}
	if g := got[0]; g.ID != id || g.Name != "Frome Lunch Club" || !g.Withdrawn || g.Contact != "01373 000 444" {
		t.Errorf("reopened %+v", g)
	}
	if offered := careplan.OfferedServices(got); len(offered) != 0 {
		t.Errorf("a withdrawn service is still offered: %+v", offered)
	}
}
