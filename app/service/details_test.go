package service

import (
	"errors"
	"testing"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/printout"
	"carehub/store"
)

// TestDetailsCanBeCorrectedAndAudited: a key worker puts right their person's mobile and asks
// for large print, which the print offer then follows; the audit says what changed; the NHS
// number is only a coordinator's to correct, and never to another person's number.
func TestDetailsCanBeCorrectedAndAudited(t *testing.T) {
	h := newRoleHub(t)
	h.signIn(t, annPW)
	enrol := servicesOn(h.v.Store).Enrolment
	st, _ := h.v.Store()
	p, err := st.Patient(h.annsPatient)
	if err != nil {
		t.Fatal(err)
	}
	d := careplan.DetailsOf(p)
	d.Contact.Mobile = "07700 900456"
	d.Needs.LargePrint = true
	d.Practice = careplan.Practice{Name: "Frome Medical Practice", ODSCode: "L85016"}
	if _, err := enrol.CorrectDetails(h.bobsPatient, d); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann correcting Bob's patient: %v", err)
	}
	got, err := enrol.CorrectDetails(h.annsPatient, d)
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact.Mobile != "07700 900456" || !printout.OfferFor(got, nil).LargePrint {
		t.Errorf("after correcting: mobile %q, large print offered %v", got.Contact.Mobile, printout.OfferFor(got, nil).LargePrint)
	}
	bad := d
	bad.Contact.Email = "not an email"
	if _, err := enrol.CorrectDetails(h.annsPatient, bad); !errors.Is(err, careplan.ErrEmail) {
		t.Errorf("a bad email: %v", err)
	}
	if _, err := enrol.CorrectNHSNumber(h.annsPatient, "4010232137", "4010232137", "letter"); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("Ann correcting an NHS number: %v", err)
	}

	st = h.signIn(t, catPW)
	enrol = servicesOn(h.v.Store).Enrolment
	bobs, _ := st.Patient(h.bobsPatient)
	if _, err := enrol.CorrectNHSNumber(h.annsPatient, string(bobs.NHSNumber), string(bobs.NHSNumber), "letter"); !errors.Is(err, store.ErrDuplicateNHS) {
		t.Errorf("correcting to another person's NHS number: %v", err)
	}
	if _, err := enrol.CorrectNHSNumber(h.annsPatient, "4010232137", "4010232137", "checked against the practice's letter"); err != nil {
		t.Fatal(err)
	}
	if found, err := st.PatientByNHS("4010232137"); err != nil || found.ID != h.annsPatient {
		t.Errorf("the corrected number finds %q, %v", found.ID, err)
	}
	entries, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, e := range entries {
		said = append(said, e.Detail)
	}
	for _, want := range []string{"details corrected for patient " + h.annsPatient + ": mobile phone, GP practice, communication needs",
		"patient " + h.annsPatient + ": NHS number corrected: checked against the practice's letter"} {
		if !containsString(said, want) {
			t.Errorf("the audit does not say %q", want)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
