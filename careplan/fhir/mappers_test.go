package fhir_test

import (
	"strings"
	"testing"

	"carehub/careplan"
	"carehub/careplan/fhir"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

const patientID = "6f1c1c3e-8d0a-4a57-9a39-2a1d6f0d1f01"

func patient() careplan.Patient {
	return careplan.Patient{
		ID: patientID, NHSNumber: "9449305552", GivenName: "Siân", FamilyName: "O'Brien", PreferredName: "Sid",
		DateOfBirth: careplan.NewDate(1941, 3, 2),
		Contact:     careplan.ContactDetails{Address: "1 Church Lane, Wells", Postcode: "BA5 1AA", Phone: "01632 960001"},
		Practice:    careplan.Practice{Name: "Quantock Surgery", ODSCode: "L85001"},
		Needs:       careplan.CommunicationNeeds{Interpreter: "Welsh"},
		Carers:      []careplan.Carer{{Name: "Ray O'Brien", Relationship: "husband"}},
		Conditions:  []string{"44054006", "13645005", "84114007"},
		Nomination:  careplan.Nomination{On: careplan.NewDate(2026, 1, 5)},
		Status:      careplan.StatusActive,
		Team:        careplan.CareTeam{KeyWorker: "Sam Green", Coordinator: "Jo Bell"},
		Consent: []careplan.ConsentRecord{
			{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: careplan.NewDate(2026, 1, 20), RecordedBy: "Sam Green"},
			{Scope: careplan.ConsentToShareProfessionals, Decision: careplan.ConsentGiven, On: careplan.NewDate(2026, 1, 20),
				RecordedBy: "Sam Green", Parties: []careplan.SharedWith{{Name: "Dr Shah", Role: "GP"}}},
			{Scope: careplan.ConsentToShareCarers, Decision: careplan.ConsentRefused, On: careplan.NewDate(2026, 1, 20), RecordedBy: "Sam Green"},
		},
	}
}

func plan() careplan.Plan {
	return careplan.Plan{
		ID: "0b7e3c7e-51f4-4a0e-8d1a-9d1f3e2c0a01", PatientID: patientID, Version: 2, State: careplan.PlanAgreed,
		AboutMe: "I was a postman", WhatMatters: "Getting to chapel on Sundays", Strengths: "My family",
		Goals: []careplan.Goal{
			{ID: "0b7e3c7e-51f4-4a0e-8d1a-9d1f3e2c0a02", Domain: careplan.DomainMovement, InMyWords: "Walk to the shop",
				Importance: careplan.Score(9), Confidence: careplan.Score(4), Actions: []careplan.Action{
					{ID: "a1", What: "Walk to the gate daily", Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient},
						Due: careplan.NewDate(2026, 12, 1), Status: careplan.ActionOpen},
					{ID: "a2", What: "Falls assessment", Owner: careplan.ActionOwner{Kind: careplan.OwnerKeyWorker, Name: "Sam Green"},
						Status: careplan.ActionDone},
					{ID: "a3", What: "Buy a stick", Status: careplan.ActionDropped},
				}},
			{ID: "0b7e3c7e-51f4-4a0e-8d1a-9d1f3e2c0a03", Domain: careplan.DomainSocial, InMyWords: "See my friends",
				Importance: careplan.Score(7), Confidence: careplan.Score(7), Outcome: &careplan.GoalOutcome{Decision: careplan.GoalAchieved, On: careplan.NewDate(2026, 6, 1)}},
		},
		Contingency: careplan.Contingency{Red: careplan.Red{WhoToCall: "999"}, Amber: careplan.Amber{WarningSigns: "Breathless"}},
		People:      []careplan.Person{{Name: "Dr Shah", Role: "GP", Organisation: "Quantock Surgery"}, {Name: "Sam Green", Role: "Key worker", Organisation: "Mendip Hub"}},
		ReviewDate:  careplan.NewDate(2027, 3, 1),
		Agreement:   &careplan.Agreement{By: "Sam Green", On: careplan.NewDate(2026, 9, 1), PAMLevel: 2},
	}
}

func TestPatientHasNHSNumberNamesAndPractice(t *testing.T) {
	r := fhir.MapPatient(patient())
	if r.ID != patientID || r.Identifier[0].System != fhir.SystemNHSNumber || r.Identifier[0].Value != "9449305552" {
		t.Fatalf("identifier %+v", r.Identifier)
	}
	if r.Name[0].Family != "O'Brien" || r.Name[0].Given[0] != "Siân" || r.Name[1].Use != "usual" || r.BirthDate != "1941-03-02" {
		t.Errorf("name/birth %+v %s", r.Name, r.BirthDate)
	}
	gp := r.GeneralPractitioner[0]
	if gp.Identifier.System != fhir.SystemODS || gp.Identifier.Value != "L85001" || gp.Display != "Quantock Surgery" {
		t.Errorf("GP %+v", gp)
	}
	if !r.Active || r.Address[0].PostalCode != "BA5 1AA" || r.Telecom[0].System != "phone" || len(r.Contact) != 1 {
		t.Errorf("details %+v", r)
	}
}

// The interpreter need is UK Core's NHSCommunication extension: a coded language and
// interpreterRequired, not free text only.
func TestInterpreterNeedIsUKCoreNHSCommunication(t *testing.T) {
	r := fhir.MapPatient(patient())
	if len(r.Extension) != 1 || r.Extension[0].URL != fhir.ExtensionNHSCommunication {
		t.Fatalf("extensions %+v", r.Extension)
	}
	sub := map[string]fhir.Extension{}
	for _, e := range r.Extension[0].Extension {
		sub[e.URL] = e
	}
	lang, need := sub["language"], sub["interpreterRequired"]
	if lang.ValueCodeableConcept == nil || len(lang.ValueCodeableConcept.Coding) != 1 ||
		lang.ValueCodeableConcept.Coding[0].Code != "cy" ||
		lang.ValueCodeableConcept.Coding[0].System != "https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage" {
		t.Errorf("language %+v", lang.ValueCodeableConcept)
	}
	if need.ValueBoolean == nil || !*need.ValueBoolean {
		t.Errorf("interpreterRequired %+v", need)
	}
	unknown := patient()
	unknown.Needs.Interpreter = "Klingon"
	e := fhir.MapPatient(unknown).Extension[0].Extension[0].ValueCodeableConcept
	if len(e.Coding) != 0 || e.Text != "Klingon" {
		t.Errorf("a language carehub has no code for must be words only, not a guess: %+v", e)
	}
	none := patient()
	none.Needs.Interpreter = ""
	if x := fhir.MapPatient(none).Extension; x != nil {
		t.Errorf("no interpreter needed, yet %+v", x)
	}
}

func TestMobileNumbersAreMobile(t *testing.T) {
	cases := map[string]string{"07700 900123": "mobile", "+44 7700 900123": "mobile", "0044 7700 900123": "mobile",
		"01632 960001": "home", "(01749) 123456": "home"}
	for phone, use := range cases {
		p := patient()
		p.Contact.Phone = phone
		p.Carers[0].Phone = phone
		r := fhir.MapPatient(p)
		if r.Telecom[0].Use != use || r.Contact[0].Telecom[0].Use != use {
			t.Errorf("%s: patient %s, carer %s; want %s", phone, r.Telecom[0].Use, r.Contact[0].Telecom[0].Use, use)
		}
	}
}

// A Modulus 11 check is not a trace: the NHS number goes as "present but not traced", never as
// verified.
func TestNHSNumberIsNotClaimedVerified(t *testing.T) {
	id := fhir.MapPatient(patient()).Identifier[0]
	if len(id.Extension) != 1 || id.Extension[0].URL != fhir.ExtensionNHSNumberVerified {
		t.Fatalf("identifier %+v", id)
	}
	if c := id.Extension[0].ValueCodeableConcept.Coding[0]; c.Code != "02" || c.Display != "Number present but not traced" {
		t.Errorf("verification status %+v", c)
	}
}

func TestConditionsAreSNOMEDCoded(t *testing.T) {
	cs := fhir.MapConditions(patient())
	if len(cs) != 3 {
		t.Fatalf("%d conditions", len(cs))
	}
	c := cs[0].Code.Coding[0]
	if c.System != fhir.SystemSNOMED || c.Code != "44054006" || cs[0].Subject.Reference != "Patient/"+patientID {
		t.Errorf("condition %+v", cs[0])
	}
	// The coding's display is SNOMED CT's term; the hub's own words are the text.
	if c.Display != "Diabetes mellitus type 2" || cs[0].Code.Text != "Type 2 diabetes" {
		t.Errorf("display %q, text %q", c.Display, cs[0].Code.Text)
	}
	if cs[1].Code.Coding[0].Display != "Chronic obstructive lung disease" {
		t.Errorf("COPD display %q", cs[1].Code.Coding[0].Display)
	}
	for _, cond := range careplan.Conditions() {
		if term, ok := fhir.SNOMEDTerm(cond.Code); !ok || term == "" {
			t.Errorf("%s (%s) on the hub's list has no SNOMED CT term", cond.Code, cond.Term)
		}
	}
	odd := patient()
	odd.Conditions = []string{"123456789"}
	if d := fhir.MapConditions(odd)[0].Code.Coding[0].Display; d != "" {
		t.Errorf("an unknown code got display %q", d)
	}
}

func TestCarePlanCarriesReviewDateActivitiesAndContingency(t *testing.T) {
	r := fhir.MapCarePlan(patient(), plan(), fhir.DefaultCodes())
	if r.Status != "active" || r.Intent != "plan" || r.Description != "Getting to chapel on Sundays" {
		t.Errorf("status %s intent %s description %q", r.Status, r.Intent, r.Description)
	}
	if r.Period.End != "2027-03-01" || r.Period.Start != "2026-09-01" || r.Extension[0].ValueDate != "2027-03-01" ||
		!strings.HasSuffix(r.Extension[0].URL, "care-plan-review-date") {
		t.Errorf("review date %+v %+v", r.Period, r.Extension)
	}
	var statuses []string
	for _, a := range r.Activity {
		statuses = append(statuses, a.Detail.Status)
	}
	if strings.Join(statuses, ",") != "scheduled,completed,cancelled" {
		t.Errorf("activities %v", statuses)
	}
	// The person's own action references the Patient; the key worker's names them.
	if me := r.Activity[0].Detail.Performer[0]; me.Reference != "Patient/"+patientID || !strings.Contains(me.Display, "Siân") {
		t.Errorf("the person's own action's performer %+v", me)
	}
	if kw := r.Activity[1].Detail.Performer[0]; kw.Reference != "" || !strings.Contains(kw.Display, "Sam Green") {
		t.Errorf("the key worker's action's performer %+v", kw)
	}
	notes := ""
	for _, n := range r.Note {
		notes += n.Text + "\n"
	}
	for _, want := range []string{"Red – emergency, who to call: 999", "Amber – warning signs: Breathless", "About me: I was a postman", "PAM level when the plan was agreed: 2"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if len(r.Goal) != 2 || len(r.Addresses) != 3 {
		t.Errorf("%d goals, %d conditions addressed", len(r.Goal), len(r.Addresses))
	}
	discharged := patient()
	discharged.Status = careplan.StatusDischarged
	if s := fhir.MapCarePlan(discharged, plan(), fhir.DefaultCodes()).Status; s != "completed" {
		t.Errorf("discharged person's plan %s", s)
	}
	draft := plan()
	draft.State, draft.Agreement = careplan.PlanDraft, nil
	if s := fhir.MapCarePlan(patient(), draft, fhir.DefaultCodes()).Status; s != "draft" {
		t.Errorf("an open person's draft plan %s", s)
	}
	if s := fhir.MapCarePlan(discharged, draft, fhir.DefaultCodes()).Status; s != "revoked" {
		t.Errorf("a draft of someone who left %s", s)
	}
}

func TestGoalsAreInThePersonsWords(t *testing.T) {
	gs := fhir.MapGoals(patient(), plan(), fhir.DefaultCodes())
	if gs[0].Description.Text != "Walk to the shop" || gs[0].LifecycleStatus != "active" || gs[0].Category[0].Text != "Movement" {
		t.Errorf("goal %+v", gs[0])
	}
	if *gs[0].Extension[0].ValueInteger != 9 || *gs[0].Extension[1].ValueInteger != 4 || gs[0].Meta != nil {
		t.Errorf("importance/confidence %+v, meta %+v", gs[0].Extension, gs[0].Meta)
	}
	if gs[1].LifecycleStatus != "completed" || gs[1].AchievementStatus.Coding[0].Code != "achieved" {
		t.Errorf("achieved goal %+v", gs[1])
	}
	pl := plan()
	pl.Goals[0].Outcome = &careplan.GoalOutcome{Decision: careplan.GoalDropped, On: careplan.NewDate(2026, 6, 1), Note: "moved house"}
	if g := fhir.MapGoals(patient(), pl, fhir.DefaultCodes())[0]; g.LifecycleStatus != "cancelled" || g.StatusReason != "moved house" {
		t.Errorf("dropped goal %+v", g)
	}
}

func TestCareTeamNamesEveryoneOnce(t *testing.T) {
	pl := plan()
	r := fhir.MapCareTeam(patient(), &pl)
	var names []string
	for _, p := range r.Participant {
		names = append(names, p.Member.Display+"/"+p.Role[0].Text)
	}
	if got := strings.Join(names, ","); got != "Sam Green/key worker,Jo Bell/coordinator,Dr Shah/GP" {
		t.Errorf("participants %s", got)
	}
	if org := r.Participant[0].OnBehalfOf; org == nil || org.Display != "Mendip Hub" {
		t.Errorf("the key worker's organisation from the plan was lost: %+v", org)
	}
}

func TestConsentsFollowTheLatestDecision(t *testing.T) {
	cs := fhir.MapConsents(patient(), fhir.DefaultCodes())
	got := map[string]string{}
	for _, c := range cs {
		got[c.Scope.Coding[0].Code+"/"+c.Provision.Type] = c.Status
	}
	want := map[string]string{"treatment/permit": "active", "patient-privacy/permit": "active", "patient-privacy/deny": "rejected"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q (all %v)", k, got[k], v, got)
		}
	}
	// Sharing with professionals and with carers are told apart by a code, not by words.
	scopes := map[string]string{}
	for _, c := range cs {
		for _, cat := range c.Category {
			if cat.Coding[0].System == fhir.DefaultCodes().CodeSystemBase+"consent-scope" {
				scopes[cat.Coding[0].Code] = c.Status
			}
		}
	}
	if scopes["share-professionals"] != "active" || scopes["share-carers"] != "rejected" || scopes["join"] != "active" {
		t.Errorf("coded consent scopes %v", scopes)
	}
	if cs[1].Provision.Actor[0].Reference.Display != "Dr Shah (GP)" {
		t.Errorf("actor %+v", cs[1].Provision.Actor)
	}
}

func TestPAMHasScoreAndLevelAndSkipsCarerPAM(t *testing.T) {
	a := pam.Assessment{ID: "9a1c1c3e-8d0a-4a57-9a39-2a1d6f0d1f01", Score: 552, Level: 3, Instrument: pam.PAM13,
		TakenOn: careplan.NewDate(2026, 9, 1), RecordedBy: "Sam Green"}
	r, ok := fhir.MapPAM(patientID, a, fhir.DefaultCodes())
	if !ok || r.ValueQuantity.Value != 55.2 || *r.Component[0].ValueInteger != 3 || r.Status != "final" ||
		r.Code.Coding[0].Code != "925431000000109" || r.Component[0].Code.Coding[0].Code != "962851000000103" {
		t.Errorf("PAM %+v", r)
	}
	a.InError = &pam.EnteredInError{Reason: "wrong patient"}
	if r, _ := fhir.MapPAM(patientID, a, fhir.DefaultCodes()); r.Status != "entered-in-error" {
		t.Errorf("entered in error: %s", r.Status)
	}
	a.Instrument, a.CarerName = pam.CarerPAM, "Ray"
	if _, ok := fhir.MapPAM(patientID, a, fhir.DefaultCodes()); ok {
		t.Error("a Carer PAM was exported as the patient's")
	}
	none := fhir.Codes{}
	if r, _ := fhir.MapPAM(patientID, pam.Assessment{Score: 400, Level: 1, Instrument: pam.PAM13}, none); len(r.Code.Coding) != 0 || r.Code.Text == "" {
		t.Errorf("without codes the PAM should be text only: %+v", r.Code)
	}
	// A PAM-10 result never carries the PAM-13 concept.
	ten, _ := fhir.MapPAM(patientID, pam.Assessment{Score: 400, Level: 1, Instrument: pam.PAM10}, fhir.DefaultCodes())
	if c := ten.Code.Coding; len(c) != 1 || c[0].Code == "925431000000109" || c[0].System == fhir.SystemSNOMED ||
		!strings.Contains(ten.Code.Text, "PAM-10") {
		t.Errorf("PAM-10 code %+v", ten.Code)
	}
}

func TestOutcomesAreObservations(t *testing.T) {
	c := fhir.DefaultCodes()
	on := careplan.NewDate(2026, 9, 1)
	f, _ := fhir.MapOutcome(patientID, outcomes.Record{ID: "f", Measure: outcomes.MeasureFrailty, TakenOn: on, Frailty: &outcomes.Frailty{Score: 5}}, c)
	if f.Code.Coding[0].Code != "763264000" || *f.ValueInteger != 5 {
		t.Errorf("frailty %+v", f)
	}
	l, _ := fhir.MapOutcome(patientID, outcomes.Record{ID: "l", Measure: outcomes.MeasureLoneliness, TakenOn: on,
		Loneliness: &outcomes.Loneliness{LackCompanionship: 2, LeftOut: 3, Isolated: 1, HowOften: outcomes.Occasionally}}, c)
	if *l.ValueInteger != 6 || len(l.Component) != 4 || l.Component[3].ValueConcept.Text != "occasionally" {
		t.Errorf("loneliness %+v", l)
	}
	if c := l.Code.Coding; len(c) != 1 || c[0].System != fhir.SystemLOINC || c[0].Code != "106418-7" {
		t.Errorf("loneliness is not coded: %+v", l.Code)
	}
	if c := l.Component[2].Code.Coding; len(c) != 1 || c[0].Code != "66867-3" {
		t.Errorf("the 'isolated' item is not coded: %+v", l.Component[2].Code)
	}
	w, _ := fhir.MapOutcome(patientID, outcomes.Record{ID: "w", Measure: outcomes.MeasureWellbeing, TakenOn: on,
		Wellbeing: &outcomes.Wellbeing{LifeSatisfaction: 7, Worthwhile: 8, Happy: 6, Anxious: 3}}, c)
	if w.ValueInteger != nil || len(w.Component) != 4 || *w.Component[3].ValueInteger != 3 {
		t.Errorf("wellbeing %+v", w)
	}
	if cc := w.Code.Coding; len(cc) != 1 || cc[0].Code != "ons4-personal-wellbeing" || cc[0].System == "" {
		t.Errorf("wellbeing is not coded: %+v", w.Code)
	}
	if _, ok := fhir.MapOutcome(patientID, outcomes.Record{ID: "x"}, c); ok {
		t.Error("an empty outcome record was mapped")
	}
}

func TestEncounterPerContact(t *testing.T) {
	r := fhir.MapEncounter(patientID, careplan.Contact{ID: "c1", Kind: careplan.ContactHomeVisit, On: careplan.NewDate(2026, 9, 1),
		By: "Sam Green", Minutes: 45, Note: "private working note"})
	if r.Status != "finished" || r.Class.Code != "HH" || r.Length.Value != 45 || r.Period.Start != "2026-09-01" ||
		r.Participant[0].Individual.Display != "Sam Green" {
		t.Errorf("encounter %+v", r)
	}
	if p := fhir.MapEncounter(patientID, careplan.Contact{ID: "c2", Kind: careplan.ContactPhone}); p.Class.Code != "VR" {
		t.Errorf("phone class %s", p.Class.Code)
	}
}

func TestHandBuiltPersonIsValidR4(t *testing.T) {
	p := fhir.Person{Patient: patient(), Plans: []careplan.Plan{plan()},
		Assessments: []pam.Assessment{{ID: "9a1c1c3e-8d0a-4a57-9a39-2a1d6f0d1f01", Score: 552, Level: 3, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2026, 9, 1), RecordedBy: "Sam"}},
		Contacts:    []careplan.Contact{{Kind: careplan.ContactMDT, On: careplan.NewDate(2026, 9, 2), By: "Jo", Minutes: 20}}}
	var all [][]byte
	for _, r := range fhir.Resources(p, fhir.Options{}) {
		all = append(all, mustJSON(t, r))
	}
	checkAll(t, loadSchema(t), all)
}

// A death is exported as Patient.deceasedDateTime when the date of death is known (never the
// day the hub was told), else as deceasedBoolean; both are valid R4.
func TestDeathIsDeceasedDateTimeWhenKnown(t *testing.T) {
	known := patient()
	if err := known.RecordDeath(careplan.Death{ToldOn: careplan.NewDate(2026, 9, 10), DiedOn: careplan.NewDate(2026, 9, 3), By: "Jo Bell"},
		careplan.NewDate(2026, 9, 10)); err != nil {
		t.Fatal(err)
	}
	r := fhir.MapPatient(known)
	if r.DeceasedDateTime != "2026-09-03" || r.DeceasedBoolean || r.Active {
		t.Errorf("known date of death: deceasedDateTime %q, deceasedBoolean %v, active %v", r.DeceasedDateTime, r.DeceasedBoolean, r.Active)
	}
	unknown := patient()
	if err := unknown.RecordDeath(careplan.Death{ToldOn: careplan.NewDate(2026, 9, 10), By: "Jo Bell"}, careplan.NewDate(2026, 9, 10)); err != nil {
		t.Fatal(err)
	}
	u := fhir.MapPatient(unknown)
	if u.DeceasedDateTime != "" || !u.DeceasedBoolean {
		t.Errorf("date of death not known: deceasedDateTime %q, deceasedBoolean %v", u.DeceasedDateTime, u.DeceasedBoolean)
	}
	if a := fhir.MapPatient(patient()); a.DeceasedDateTime != "" || a.DeceasedBoolean {
		t.Errorf("alive: %q %v", a.DeceasedDateTime, a.DeceasedBoolean)
	}
	checkAll(t, loadSchema(t), [][]byte{mustJSON(t, r), mustJSON(t, u)})
}

// Planning ahead goes to the CarePlan's notes, each answer labelled as printed and with who
// told the hub and when.
func TestCarePlanCarriesPlanningAhead(t *testing.T) {
	pl := plan()
	pl.Ahead.Respect = careplan.AheadItem{Answer: "In place, by the fridge", On: careplan.NewDate(2026, 9, 1), ToldBy: "Siân"}
	notes := ""
	for _, n := range fhir.MapCarePlan(patient(), pl, fhir.DefaultCodes()).Note {
		notes += n.Text + "\n"
	}
	if want := "Planning ahead – ReSPECT or DNACPR form: In place, by the fridge (told by Siân on 1 Sep 2026)"; !strings.Contains(notes, want) {
		t.Errorf("notes lack %q:\n%s", want, notes)
	}
}

// A goal the person has not scored yet carries no importance or confidence at all: a 0 in the
// export would read as "not important at all" to whoever receives it.
func TestUnscoredGoalSendsNoScores(t *testing.T) {
	pl := plan()
	pl.Goals[0].Importance, pl.Goals[0].Confidence = nil, careplan.Score(0)
	gs := fhir.MapGoals(patient(), pl, fhir.DefaultCodes())
	if len(gs[0].Extension) != 1 || !strings.HasSuffix(gs[0].Extension[0].URL, "goal-confidence") || *gs[0].Extension[0].ValueInteger != 0 {
		t.Errorf("unscored importance, confidence 0: extensions %+v, want confidence 0 only", gs[0].Extension)
	}
}
