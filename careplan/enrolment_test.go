package careplan

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestConsentRules(t *testing.T) {
	today := NewDate(2026, time.March, 2)
	rhodri := SharedWith{Name: "Rhodri O'Brien", Role: "son", Organisation: "family"}
	var p Patient
	if err := p.RecordConsent(ConsentRecord{Scope: ConsentToShareCarers, Decision: ConsentWithdrawn, On: today, RecordedBy: "Jo"}, today); !errors.Is(err, ErrNothingToWithdraw) {
		t.Errorf("withdrawing nothing: %v", err)
	}
	if err := p.RecordConsent(ConsentRecord{Scope: ConsentToShareCarers, Decision: ConsentGiven, On: today, RecordedBy: "Jo",
		Parties: []SharedWith{{Name: "Rhodri"}}}, today); !errors.Is(err, ErrConsentParties) {
		t.Errorf("a party without role and organisation: %v", err)
	}
	bad := ConsentRecord{On: today.AddDays(1)}
	err := ValidateConsent(nil, bad, today)
	for _, want := range []error{ErrConsentScope, ErrConsentDecision, ErrConsentInFuture, ErrConsentRecordedBy} {
		if !errors.Is(err, want) {
			t.Errorf("bad record: %v, want %v among them", err, want)
		}
	}
	for _, c := range []ConsentRecord{
		{Scope: ConsentToJoin, Decision: ConsentGiven, On: today, How: "verbal", RecordedBy: "Sam"},
		{Scope: ConsentToShareCarers, Decision: ConsentGiven, On: today, RecordedBy: "Sam", Parties: []SharedWith{rhodri}},
		{Scope: ConsentToShareProfessionals, Decision: ConsentGiven, On: today, RecordedBy: "Sam",
			Parties: []SharedWith{{Name: "Dr Ames", Role: "GP", Organisation: "Frome Medical Practice"}}},
	} {
		if err := p.RecordConsent(c, today); err != nil {
			t.Fatal(err)
		}
	}
	s := CurrentSharing(p.Consent)
	if len(s.SharedWith) != 2 || len(s.NotSharedWith) != 0 || s.SharedWith[0] != "Rhodri O'Brien (son, family)" {
		t.Errorf("sharing = %+v", s)
	}
	if err := p.RecordConsent(ConsentRecord{Scope: ConsentToShareCarers, Decision: ConsentWithdrawn, On: today, RecordedBy: "Jo"}, today); err != nil {
		t.Fatal(err)
	}
	s = CurrentSharing(p.Consent)
	if len(s.SharedWith) != 1 || len(s.NotSharedWith) != 1 || !strings.Contains(s.NotSharedWith[0], "carers: consent withdrawn on 2 Mar 2026") {
		t.Errorf("after withdrawal sharing = %+v", s)
	}
	if len(p.Consent) != 4 {
		t.Errorf("history has %d records, want all 4 kept", len(p.Consent))
	}
}

func TestChangeStatus(t *testing.T) {
	today := NewDate(2026, time.March, 2)
	p := NewNomination(Patient{Nomination: Nomination{On: today.AddDays(-10), Clinician: "Dr Ames", Practice: Practice{Name: "Frome"}}})
	if p.Status != StatusNominated || len(p.History) != 1 || p.Practice.Name != "Frome" {
		t.Fatalf("new nomination = %+v", p)
	}
	err := p.ChangeStatus(StatusActive, today.AddDays(1), today, "", "")
	for _, want := range []error{ErrStatusDateInFuture, ErrStatusBy, ErrStatusMove} {
		if !errors.Is(err, want) {
			t.Errorf("bad move: %v, want %v", err, want)
		}
	}
	if err := p.ChangeStatus(StatusContacted, today.AddDays(-11), today, "Sam", ""); !errors.Is(err, ErrStatusDateOrder) {
		t.Errorf("move dated before the nomination: %v", err)
	}
	if err := p.ChangeStatus(StatusContacted, today, today, "Sam", ""); err != nil {
		t.Fatal(err)
	}
	if err := p.ChangeStatus(StatusConsented, today, today, "Sam", ""); !errors.Is(err, ErrConsentedWithoutConsent) {
		t.Errorf("consented with no consent to join recorded: %v", err)
	}
	p.Consent = append(p.Consent, ConsentRecord{Scope: ConsentToJoin, Decision: ConsentRefused, On: today, RecordedBy: "Sam"})
	if err := p.ChangeStatus(StatusConsented, today, today, "Sam", ""); !errors.Is(err, ErrConsentedWithoutConsent) {
		t.Errorf("consented after a refusal: %v", err)
	}
	p.Consent = append(p.Consent, ConsentRecord{Scope: ConsentToJoin, Decision: ConsentGiven, On: today, RecordedBy: "Sam"})
	if err := p.ChangeStatus(StatusConsented, today, today, "Sam", ""); err != nil {
		t.Fatal(err)
	}
	p.Consent = append(p.Consent, ConsentRecord{Scope: ConsentToJoin, Decision: ConsentWithdrawn, On: today, RecordedBy: "Sam"})
	if err := p.ChangeStatus(StatusActive, today, today, "Sam", ""); !errors.Is(err, ErrStatusMove) {
		t.Errorf("active without consent to join: %v", err)
	}
	if len(p.History) != 3 {
		t.Errorf("history = %+v", p.History)
	}
}
