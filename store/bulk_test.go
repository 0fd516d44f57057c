package store

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	"carehub/careplan"
	"carehub/careplan/outcomes"
)

func TestEachPatientReadsEveryoneInOneUnauditedPass(t *testing.T) {
	s, _ := newTestStore(t)
	ada, bea := savedPatient(t, s, "Ada", 1), savedPatient(t, s, "Bea", 20)
	plan := testPlan(ada.ID)
	if err := s.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	visit := testContact(bea.ID, careplan.NewDate(2026, time.March, 2))
	if err := s.SaveContact(&visit); err != nil {
		t.Fatal(err)
	}
	before, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}

	seen := map[string]PatientRecords{}
	if err := s.EachPatient(func(r PatientRecords) error { seen[r.Patient.ID] = r; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 {
		t.Fatalf("EachPatient saw %d people, want 2", len(seen))
	}
	if got := seen[ada.ID]; got.Patient.GivenName != "Ada" || got.Plan == nil || got.Plan.ID != plan.ID || len(got.Contacts) != 0 {
		t.Errorf("Ada's records: %+v", got)
	}
	if got := seen[bea.ID]; got.Plan != nil || len(got.Contacts) != 1 || got.Contacts[0].ID != visit.ID {
		t.Errorf("Bea's records: %+v", got)
	}
	after, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("a bulk read added %d audit entries; the caller audits the export once", len(after)-len(before))
	}
}

// EachPatient reads only the plan in force, and must pick the one careplan.CurrentPlan picks
// from every version; its PAM and outcome lists must be the ones the per-patient readers give.
func TestEachPatientGivesThePlanInForceAndEveryMeasure(t *testing.T) {
	s, c := newTestStore(t)
	agree := func(p *careplan.Plan) {
		t.Helper()
		if err := p.Agree("Sam Green", c.Now(), careplan.DateOf(c.Now()), 3); err != nil {
			t.Fatal(err)
		}
	}
	save := func(p *careplan.Plan) {
		t.Helper()
		if err := s.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	draftOnly := savedPatient(t, s, "Ada", 1)
	d := testPlan(draftOnly.ID)
	save(&d)

	agreedThenDraft := savedPatient(t, s, "Bea", 2)
	v1 := testPlan(agreedThenDraft.ID)
	agree(&v1)
	save(&v1)
	v2 := v1.NextDraft("")
	v2.WhatMatters = "Seeing my grandchildren."
	save(&v2)

	twoAgreed := savedPatient(t, s, "Cy", 3)
	w1 := testPlan(twoAgreed.ID)
	agree(&w1)
	save(&w1)
	w2 := w1.NextDraft("")
	save(&w2)
	agree(&w2)
	save(&w2)
	w3 := w2.NextDraft("")
	save(&w3)
	for _, id := range []string{draftOnly.ID, agreedThenDraft.ID, twoAgreed.ID} {
		a := testAssessment(id)
		if err := s.SaveAssessment(&a); err != nil {
			t.Fatal(err)
		}
		for _, r := range []outcomes.Record{testWellbeing(id, careplan.NewDate(2026, time.March, 1)), testFrailty(id, 6)} {
			if err := s.SaveOutcome(&r); err != nil {
				t.Fatal(err)
			}
		}
	}
	none := savedPatient(t, s, "Di", 4)

	seen := 0
	err := s.EachPatient(func(r PatientRecords) error {
		seen++
		id := r.Patient.ID
		versions, err := s.Plans(id)
		if err != nil {
			return err
		}
		want, ok := careplan.CurrentPlan(versions)
		if !ok && r.Plan != nil || ok && (r.Plan == nil || !reflect.DeepEqual(*r.Plan, want)) {
			t.Errorf("%s: plan in force %+v, want %+v", r.Patient.GivenName, r.Plan, want)
		}
		pams, err := s.Assessments(id)
		if err != nil {
			return err
		}
		outs, err := s.Outcomes(id)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(r.Assessments, pams) || !reflect.DeepEqual(r.Outcomes, outs) {
			t.Errorf("%s: measures %+v %+v, want %+v %+v", r.Patient.GivenName, r.Assessments, r.Outcomes, pams, outs)
		}
		return nil
	})
	if err != nil || seen != 4 {
		t.Fatalf("EachPatient saw %d people: %v", seen, err)
	}
	checks := map[string]int{agreedThenDraft.ID: 1, twoAgreed.ID: 2}
	s.EachPatient(func(r PatientRecords) error {
		if v, ok := checks[r.Patient.ID]; ok && (r.Plan == nil || r.Plan.Version != v || r.Plan.State != careplan.PlanAgreed) {
			t.Errorf("%s: plan in force %+v, want agreed version %d", r.Patient.GivenName, r.Plan, v)
		}
		if r.Patient.ID == none.ID && (r.Plan != nil || r.Assessments != nil || r.Outcomes != nil) {
			t.Errorf("Di has no records: %+v", r)
		}
		return nil
	})
}

// EachPatient decodes on several goroutines; fn must still see everyone in key order, one at a
// time, and its first error must stop the pass and come back.
func TestEachPatientDecodesAheadInKeyOrder(t *testing.T) {
	s, _ := newTestStore(t)
	const n = 3*bulkBatchPeople + 5
	for i := range n {
		p := savedPatient(t, s, "Ada", 20*i+1)
		if i%10 == 0 {
			plan := testPlan(p.ID)
			if err := s.SavePlan(&plan); err != nil {
				t.Fatal(err)
			}
		}
	}
	var serial []PatientRecords
	if err := s.eachPatient(1, func(r PatientRecords) error { serial = append(serial, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(serial) != n {
		t.Fatalf("%d people, want %d", len(serial), n)
	}
	for i := 1; i < n; i++ {
		a, b := uuid.MustParse(serial[i-1].Patient.ID), uuid.MustParse(serial[i].Patient.ID)
		if bytes.Compare(a[:], b[:]) >= 0 {
			t.Fatalf("person %d is out of key order", i)
		}
	}
	for _, decoders := range []int{2, 5} {
		var got []PatientRecords
		if err := s.eachPatient(decoders, func(r PatientRecords) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, serial) {
			t.Errorf("%d decoders: records differ from one decoder's", decoders)
		}
		stop := errors.New("stop here")
		calls := 0
		err := s.eachPatient(decoders, func(PatientRecords) error {
			if calls++; calls == bulkBatchPeople+3 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || calls != bulkBatchPeople+3 {
			t.Errorf("%d decoders: fn's error gave %v after %d calls", decoders, err, calls)
		}
	}
}

// A store that breaks the rule that final means agreed (Check reports it) must still give the
// plan CurrentPlan picks from every version, not trust the flag.
func TestEachPatientDoesNotTrustAFinalFlagOnADraft(t *testing.T) {
	s, _ := newTestStore(t)
	p := savedPatient(t, s, "Ada", 1)
	v1 := testPlan(p.ID)
	if err := s.SavePlan(&v1); err != nil {
		t.Fatal(err)
	}
	v2 := v1.NextDraft(uuid.NewString())
	err := s.update(func(w *writer) error {
		id, pid := uuid.MustParse(v2.ID), uuid.MustParse(p.ID)
		if _, err := w.putRecord(record{kind: KindPlan, id: id, body: &v2, final: true}); err != nil {
			return err
		}
		idx, err := bucket(w.tx, bucketPlansByPatient)
		if err != nil {
			return err
		}
		return idx.Put(byPatientKey(pid, id), nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	versions, err := s.Plans(p.ID)
	if err != nil || len(versions) != 2 {
		t.Fatalf("%d versions: %v", len(versions), err)
	}
	want, _ := careplan.CurrentPlan(versions)
	err = s.EachPatient(func(r PatientRecords) error {
		if r.Plan == nil || !reflect.DeepEqual(*r.Plan, want) {
			t.Errorf("plan in force %+v, want version %d %s", r.Plan, want.Version, want.State)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEachPatientOnAClosedStoreFails(t *testing.T) {
	s, _ := newTestStore(t)
	savedPatient(t, s, "Ada", 1)
	s.Close()
	if err := s.EachPatient(func(PatientRecords) error { return nil }); err == nil {
		t.Error("EachPatient on a closed store succeeded")
	}
}
