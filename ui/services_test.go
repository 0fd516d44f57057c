package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
)

// servicesSession is a person with no plan yet, with the enrolment tools and plans both on, so
// the caseload has its Services button.
func servicesSession(t *testing.T) (*session, fyne.Window, *fakePlans) {
	t.Helper()
	r := &fakeRecords{}
	p := fullPatient("p01", testNHSNumber(100))
	r.add(p, nil, threePAMs(p.ID))
	f := &fakePlans{records: r, services: testServices()}
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, w := newTestSession(t, Config{Vault: v, Plans: f, Enrolment: &fakeEnrolment{staff: testStaff(), target: 800}})
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload == nil || s.caseload.queues == nil || s.caseload.queues.services == nil {
		t.Fatal("the caseload has no Services button")
	}
	return s, w, f
}

func TestServicesButtonNeedsPlans(t *testing.T) {
	s, _ := enrolSession(t, &fakeRecords{})
	if s.caseload.queues.services != nil {
		t.Error("a Services button without plans to link services to")
	}
}

func TestServicesScreenAddsEditsAndWithdraws(t *testing.T) {
	s, _, f := servicesSession(t)
	test.Tap(s.caseload.queues.services)
	sc := s.enrolled.services

	// A service with no name shows why and saves nothing.
	test.Type(sc.offers, "Hot lunch on Tuesdays")
	test.Tap(sc.page.Save)
	if sc.nameProblem.Hidden || len(f.services) != 2 {
		t.Fatalf("unnamed service: problem shown %v, directory %+v", !sc.nameProblem.Hidden, f.services)
	}
	test.Type(sc.name, "Frome Lunch Club")
	test.Type(sc.area, "Frome")
	test.Tap(sc.page.Save)
	if !sc.nameProblem.Hidden || len(f.services) != 3 {
		t.Fatalf("after adding: directory %+v", f.services)
	}
	added := f.services[2]
	if added.Name != "Frome Lunch Club" || added.Offers != "Hot lunch on Tuesdays" || added.Area != "Frome" || added.Withdrawn {
		t.Errorf("added %+v", added)
	}

	// Editing keeps the same entry.
	test.Tap(sc.page.EditButton(added.ID))
	sc.contact.SetText("01373 000 444")
	test.Tap(sc.page.Save)
	if len(f.services) != 3 || f.services[2].Contact != "01373 000 444" {
		t.Fatalf("after editing: %+v", f.services)
	}

	// Withdrawing keeps it in the directory, marked, but takes it out of the plan's picker.
	test.Tap(sc.page.EditButton("s2"))
	sc.withdrawn.SetChecked(true)
	test.Tap(sc.page.Save)
	if len(f.services) != 3 || !f.services[1].Withdrawn {
		t.Fatalf("after withdrawing: %+v", f.services)
	}
	if !labelShown(sc.page.List, "Mendip Walking for Health (withdrawn)") {
		t.Error("the list does not mark the withdrawn service")
	}
	test.Tap(sc.page.Back)
	s.openPatient("p01")
	s.patient.showPlan()
	offered := s.patient.plan.editor.support.service.Options
	want := []string{"Frome Community Connectors", "Frome Lunch Club"}
	if len(offered) != len(want) || offered[0] != want[0] || offered[1] != want[1] {
		t.Errorf("the plan offers %q, want %q", offered, want)
	}
}

func TestServicesScreenGolden(t *testing.T) {
	s, w, f := servicesSession(t)
	f.services = append(f.services, careplan.Service{ID: "s3", Name: "Shepton Carers Café", Offers: "Monthly café for carers",
		Area: "Shepton Mallet", Contact: "01749 000 111", Withdrawn: true})
	test.Tap(s.caseload.queues.services)
	test.Tap(s.enrolled.services.page.EditButton("s3"))
	test.AssertRendersToMarkup(t, "services.xml", w.Canvas())
}
