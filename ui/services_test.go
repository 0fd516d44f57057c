package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
)

// servicesSession is a person with no plan yet, with the enrolment tools and plans both on, so
// the caseload has its Services button.
func servicesSession(t *testing.T) (*session, fyne.Window, *testHub) {
	t.Helper()
	r := planPerson()
	h := newTestHub(t, r)
	s, w := h.session(t, catCoordinator)
	if s.caseload == nil || s.caseload.queues == nil || s.caseload.queues.services == nil {
		t.Fatal("the caseload has no Services button")
	}
	return s, w, h
}

// serviceNamed is the directory's entry with that name.
func serviceNamed(t *testing.T, dir []careplan.Service, name string) careplan.Service {
	t.Helper()
	for _, s := range dir {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no %q in the directory %+v", name, dir)
	return careplan.Service{}
}

func TestServicesScreenAddsEditsAndWithdraws(t *testing.T) {
	s, _, f := servicesSession(t)
	test.Tap(s.caseload.queues.services)
	sc := s.enrolled.services

	// A service with no name shows why and saves nothing.
	test.Type(sc.offers, "Hot lunch on Tuesdays")
	test.Tap(sc.page.Save)
	if dir := f.directory(t); sc.nameProblem.Hidden || len(dir) != 2 {
		t.Fatalf("unnamed service: problem shown %v, directory %+v", !sc.nameProblem.Hidden, dir)
	}
	test.Type(sc.name, "Frome Lunch Club")
	test.Type(sc.area, "Frome")
	test.Tap(sc.page.Save)
	if dir := f.directory(t); !sc.nameProblem.Hidden || len(dir) != 3 {
		t.Fatalf("after adding: directory %+v", dir)
	}
	added := serviceNamed(t, f.directory(t), "Frome Lunch Club")
	if added.Name != "Frome Lunch Club" || added.Offers != "Hot lunch on Tuesdays" || added.Area != "Frome" || added.Withdrawn {
		t.Errorf("added %+v", added)
	}

	// Editing keeps the same entry.
	test.Tap(sc.page.EditButton(added.ID))
	sc.contact.SetText("01373 000 444")
	test.Tap(sc.page.Save)
	if dir := f.directory(t); len(dir) != 3 || serviceNamed(t, dir, "Frome Lunch Club").Contact != "01373 000 444" {
		t.Fatalf("after editing: %+v", dir)
	}

	// Withdrawing keeps it in the directory, marked, but takes it out of the plan's picker.
	test.Tap(sc.page.EditButton(fixtureID("service-s2")))
	sc.withdrawn.SetChecked(true)
	test.Tap(sc.page.Save)
	if dir := f.directory(t); len(dir) != 3 || !serviceNamed(t, dir, "Mendip Walking for Health").Withdrawn {
		t.Fatalf("after withdrawing: %+v", dir)
	}
	if !labelShown(sc.page.List, "Mendip Walking for Health (withdrawn)") {
		t.Error("the list does not mark the withdrawn service")
	}
	test.Tap(sc.page.Back)
	s.openPatient(pid("p01"))
	s.patient.showPlan()
	offered := s.patient.plan.editor.support.service.Options
	want := []string{"Frome Community Connectors", "Frome Lunch Club"}
	if len(offered) != len(want) || offered[0] != want[0] || offered[1] != want[1] {
		t.Errorf("the plan offers %q, want %q", offered, want)
	}
}

func TestServicesScreenGolden(t *testing.T) {
	r := planPerson()
	r.services = append(r.services, careplan.Service{ID: fixtureID("service-s3"), Name: "Shepton Carers Café", Offers: "Monthly café for carers",
		Area: "Shepton Mallet", Contact: "01749 000 111", Withdrawn: true})
	s, w := newTestHub(t, r).session(t, catCoordinator)
	test.Tap(s.caseload.queues.services)
	test.Tap(s.enrolled.services.page.EditButton(fixtureID("service-s3")))
	test.AssertRendersToMarkup(t, "services.xml", w.Canvas())
}
