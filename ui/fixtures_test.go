package ui

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
	"carehub/store"
)

// fixtureID is the stored id of the fixture record a test calls key ("p01", "m2"): the store
// wants UUIDs, the tests want names they can read.
func fixtureID(key string) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte("carehub ui test "+key)).String()
}

// pid is the stored id of fixture person key ("p01" is Siân O'Brien in testRecords).
func pid(key string) string { return fixtureID(key) }

// people are fixture data for a test hub: people with their plans, PAMs and outcome records,
// the hub's staff and its directory of services.
type people struct {
	patients    []careplan.Patient
	plans       map[string][]careplan.Plan
	assessments map[string][]pam.Assessment
	outcomes    map[string][]outcomes.Record
	staff       []careplan.StaffMember
	services    []careplan.Service
}

// add puts one person on the fixture with their plans and PAMs.
func (r *people) add(p careplan.Patient, plans []careplan.Plan, pams []pam.Assessment) {
	if r.plans == nil {
		r.plans = map[string][]careplan.Plan{}
		r.assessments = map[string][]pam.Assessment{}
		r.outcomes = map[string][]outcomes.Record{}
	}
	r.patients = append(r.patients, p)
	r.plans[p.ID] = plans
	r.assessments[p.ID] = pams
}

// saveServices writes the hub's directory of services, which a batch does not carry.
func (r *people) saveServices(st *store.Store) error {
	for i := range r.services {
		if err := st.SaveService(&r.services[i]); err != nil {
			return err
		}
	}
	return nil
}

// save writes the fixture into a hub store in one transaction.
func (r *people) save(b *store.Batch) error {
	for i := range r.staff {
		if err := b.SaveStaff(&r.staff[i]); err != nil {
			return err
		}
	}
	for _, p := range r.patients {
		if err := b.SavePatient(&p); err != nil {
			return err
		}
		if err := r.saveRecordsOf(b, p.ID); err != nil {
			return err
		}
	}
	return nil
}

func (r *people) saveRecordsOf(b *store.Batch, id string) error {
	for _, plan := range r.plans[id] {
		if err := b.SavePlan(&plan); err != nil {
			return err
		}
	}
	for _, a := range r.assessments[id] {
		if err := b.SaveAssessment(&a); err != nil {
			return err
		}
	}
	for _, o := range r.outcomes[id] {
		if err := b.SaveOutcome(&o); err != nil {
			return err
		}
	}
	return nil
}

// testNHSNumber makes a valid NHS number in the 999 range kept for testing.
func testNHSNumber(n int) careplan.NHSNumber {
	for ; ; n++ {
		nine := fmt.Sprintf("999%06d", n)
		if d, ok := careplan.NHSCheckDigit(nine); ok {
			return careplan.NHSNumber(fmt.Sprintf("%s%d", nine, d))
		}
	}
}

// caseloadPeople are made-up people, with the accents real names have, so search is tested on
// names like Siân and Zoë.
func caseloadPeople() [][2]string {
	return [][2]string{
		{"Siân", "O'Brien"}, {"Zoë", "Clarke"}, {"Renée", "Dubois"}, {"José", "Álvarez"},
		{"Seán", "Murphy"}, {"Björn", "Larsen"}, {"Chloë", "Evans"}, {"Dafydd", "ap Rhys"},
		{"Aoife", "Ní Bhriain"}, {"Łukasz", "Nowak"}, {"Ifeoma", "Okafor"}, {"Priya", "Patel"},
		{"Mohammed", "Rahman"}, {"Margaret", "Thompson"}, {"Gwen", "Pryce"}, {"Tomás", "Ó Ceallaigh"},
		{"Noémie", "Laurent"}, {"Eleanor", "Hughes"}, {"Kwame", "Mensah"}, {"Anaïs", "Moreau-Whitfield"},
	}
}

// testRecords is a caseload of 20 people with varied statuses, key workers and review dates.
// The first, Siân O'Brien, has the full record used by the patient summary tests.
func testRecords() *people {
	r := &people{staff: testStaff(), services: testServices()}
	// The statuses before withdrew was its own exit, so the caseload and dashboard goldens keep
	// their people; withdrew has its own tests (TestWithdrawingConsentClosesTheRecordAsWithdrew).
	statuses := []careplan.Status{careplan.StatusNominated, careplan.StatusContacted, careplan.StatusConsented,
		careplan.StatusActive, careplan.StatusDischarged, careplan.StatusDeclined, careplan.StatusDied}
	workers := []string{"Sam Green", "Rhian Davies", "Olu Adebayo", ""}
	for i, name := range caseloadPeople() {
		p := careplan.Patient{
			ID:          pid(fmt.Sprintf("p%02d", i+1)),
			NHSNumber:   testNHSNumber(100 + i*37),
			GivenName:   name[0],
			FamilyName:  name[1],
			DateOfBirth: careplan.NewDate(1934+i*3, time.Month(1+i%12), 1+i),
			Status:      statuses[i%len(statuses)],
			Practice:    careplan.Practice{Name: "Frome Medical Practice", ODSCode: "L85016"},
			Conditions:  []string{"44054006", "13645005", "84114007"},
			Team:        careplan.CareTeam{KeyWorker: workers[i%len(workers)], Coordinator: "Jo Marsh"},
		}
		var plans []careplan.Plan
		if i%3 != 2 {
			plans = []careplan.Plan{agreedPlan(p.ID, fixedToday().AddDays(60-i*9))}
		}
		r.add(p, plans, nil)
	}
	sian := &r.patients[0]
	*sian = fullPatient(sian.ID, sian.NHSNumber)
	r.plans[sian.ID] = []careplan.Plan{agreedPlan(sian.ID, fixedToday().AddDays(-12))}
	r.assessments[sian.ID] = threePAMs(sian.ID)
	return r
}

// fullPatient is a record with every part of the summary filled in.
func fullPatient(id string, nhs careplan.NHSNumber) careplan.Patient {
	d := func(y int, m time.Month, day int) careplan.Date { return careplan.NewDate(y, m, day) }
	return careplan.Patient{
		ID:            id,
		NHSNumber:     nhs,
		GivenName:     "Siân",
		FamilyName:    "O'Brien",
		PreferredName: "Siân",
		DateOfBirth:   d(1948, time.March, 3),
		Contact: careplan.ContactDetails{
			Address: "4 Orchard Row, Frome", Postcode: "BA11 1AA", Phone: "01373 000 111",
		},
		Practice:   careplan.Practice{Name: "Frome Medical Practice", ODSCode: "L85016"},
		Needs:      careplan.CommunicationNeeds{LargePrint: true, Interpreter: "Welsh"},
		Carers:     []careplan.Carer{{Name: "Rhodri O'Brien", Relationship: "son", Phone: "07700 900123"}},
		Conditions: []string{"44054006", "13645005", "84114007", "396275006"},
		Nomination: careplan.Nomination{
			On: d(2025, time.January, 14), Practice: careplan.Practice{Name: "Frome Medical Practice", ODSCode: "L85016"},
			Clinician: "Dr Helen Ames", Reason: "Three admissions in a year; lives alone since her husband died.",
		},
		Consent: []careplan.ConsentRecord{
			{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: d(2025, time.February, 3), How: "verbal", RecordedBy: "Sam Green"},
			{Scope: careplan.ConsentToShareCarers, Decision: careplan.ConsentGiven, On: d(2025, time.February, 3), How: "verbal", RecordedBy: "Sam Green",
				Parties: []careplan.SharedWith{{Name: "Rhodri O'Brien", Role: "son"}}},
			{Scope: careplan.ConsentToShareCarers, Decision: careplan.ConsentWithdrawn, On: d(2025, time.November, 20), How: "by phone", RecordedBy: "Jo Marsh"},
		},
		Status: careplan.StatusActive,
		History: []careplan.StatusChange{
			{To: careplan.StatusNominated, On: d(2025, time.January, 14), By: "Dr Helen Ames"},
			{From: careplan.StatusNominated, To: careplan.StatusContacted, On: d(2025, time.January, 20), By: "Sam Green", Reason: "Home visit"},
			{From: careplan.StatusContacted, To: careplan.StatusConsented, On: d(2025, time.February, 3), By: "Sam Green"},
			{From: careplan.StatusConsented, To: careplan.StatusActive, On: d(2025, time.February, 10), By: "Jo Marsh", Reason: "First planning conversation"},
		},
		Team: careplan.CareTeam{KeyWorker: "Sam Green", Coordinator: "Jo Marsh"},
	}
}

func testGoals() []careplan.Goal {
	d := func(y int, m time.Month, day int) careplan.Date { return careplan.NewDate(y, m, day) }
	return []careplan.Goal{
		{ID: "g1", Domain: careplan.DomainSocial, InMyWords: "Get back to chapel choir on Sundays", Importance: careplan.Score(9), Confidence: careplan.Score(5),
			Actions: []careplan.Action{
				{ID: "a1", What: "Ask Rhodri about lifts", Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient}, Due: d(2026, time.January, 10), Status: careplan.ActionDone},
				{ID: "a2", What: "Ring community transport", Owner: careplan.ActionOwner{Kind: careplan.OwnerKeyWorker, Name: "Sam Green"}, Due: d(2026, time.March, 20), Status: careplan.ActionOpen},
			}},
		{ID: "g2", Domain: careplan.DomainMovement, InMyWords: "Walk to the post office without stopping", Importance: careplan.Score(7), Confidence: careplan.Score(4),
			Actions: []careplan.Action{
				{ID: "a3", What: "Pulmonary rehab course", Owner: careplan.ActionOwner{Kind: careplan.OwnerService, Name: "Mendip COPD team"}, Due: d(2026, time.April, 1), Status: careplan.ActionOpen},
			}},
		{ID: "g3", Domain: careplan.DomainMind, InMyWords: "Feel less worried at night", Importance: careplan.Score(8), Confidence: careplan.Score(6)},
	}
}

func testContingency() careplan.Contingency {
	return careplan.Contingency{
		Green: careplan.Green{WhatIDo: "Take my inhalers, walk a little every day"},
		Amber: careplan.Amber{WarningSigns: "More breathless, ankles swelling", WhatIDo: "Start my rescue pack", WhoICall: "Sam at the hub, 01373 000 222"},
		Red:   careplan.Red{WhoToCall: "999", WhatTheyNeedToKnow: "COPD and heart failure; lives alone; son Rhodri 07700 900123"},
	}
}

func agreedPlan(patientID string, review careplan.Date) careplan.Plan {
	return careplan.Plan{
		ID: fixtureID(patientID + "-v2"), PatientID: patientID, Version: 2, State: careplan.PlanAgreed,
		Goals: testGoals(), Contingency: testContingency(), ReviewDate: review,
		Agreement: &careplan.Agreement{By: "Sam Green", On: careplan.NewDate(2025, time.September, 1), PAMLevel: 2},
	}
}

func draftPlan(patientID string) careplan.Plan {
	return careplan.Plan{
		ID: fixtureID(patientID + "-v1"), PatientID: patientID, Version: 1, State: careplan.PlanDraft,
		Goals: testGoals()[:1], Contingency: testContingency(), ReviewDate: careplan.NewDate(2026, time.September, 1),
	}
}

// threePAMs are three that count (46.2, 51.0, 53.2) and one entered in error between them.
func threePAMs(patientID string) []pam.Assessment {
	d := func(y int, m time.Month, day int) careplan.Date { return careplan.NewDate(y, m, day) }
	return []pam.Assessment{
		{ID: fixtureID(patientID + "-m1"), PatientID: patientID, Score: 462, Level: pam.Level1, Instrument: pam.PAM13, TakenOn: d(2025, time.February, 10), RecordedBy: "Sam Green", Source: "paper form"},
		{ID: fixtureID(patientID + "-m2"), PatientID: patientID, Score: 510, Level: pam.Level2, Instrument: pam.PAM13, TakenOn: d(2025, time.August, 28), RecordedBy: "Sam Green", Source: "PAM online portal"},
		{ID: fixtureID(patientID + "-m3"), PatientID: patientID, Score: 823, Level: pam.Level4, Instrument: pam.PAM13, TakenOn: d(2025, time.September, 2), RecordedBy: "Olu Adebayo", Source: "paper form",
			InError: &pam.EnteredInError{Reason: "another patient's form", By: "Jo Marsh", At: time.Date(2025, time.September, 3, 10, 0, 0, 0, time.UTC)}},
		{ID: fixtureID(patientID + "-m4"), PatientID: patientID, Score: 532, Level: pam.Level2, Instrument: pam.PAM13, TakenOn: d(2026, time.February, 20), RecordedBy: "Sam Green", Source: "PAM online portal"},
	}
}

// testStaff are the hub's staff in the fixtures: three key workers and a coordinator.
func testStaff() []careplan.StaffMember {
	return []careplan.StaffMember{
		{ID: fixtureID("staff-s1"), Name: "Olu Adebayo", Role: careplan.RoleKeyWorker, Active: true, Specialisms: []careplan.Specialism{careplan.SpecFalls}},
		{ID: fixtureID("staff-s2"), Name: "Rhian Davies", Role: careplan.RoleKeyWorker, Active: true, Specialisms: []careplan.Specialism{careplan.SpecDementia}},
		{ID: fixtureID("staff-s3"), Name: "Sam Green", Role: careplan.RoleKeyWorker, Active: true, Specialisms: []careplan.Specialism{careplan.SpecTelehealth, careplan.SpecMentalHealth}},
		{ID: fixtureID("staff-s4"), Name: "Jo Marsh", Role: careplan.RoleCoordinator, Active: true},
	}
}

// testServices are the hub's directory of community services in the fixtures.
func testServices() []careplan.Service {
	return []careplan.Service{
		{ID: fixtureID("service-s1"), Name: "Frome Community Connectors", Offers: "Help finding local groups", Area: "Frome", Contact: "01373 000 333"},
		{ID: fixtureID("service-s2"), Name: "Mendip Walking for Health", Offers: "Short led walks", Area: "Mendip"},
	}
}
