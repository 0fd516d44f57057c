package careplan

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestStatusMoveForConsent(t *testing.T) {
	join := func(d ConsentDecision) ConsentRecord { return ConsentRecord{Scope: ConsentToJoin, Decision: d} }
	tests := []struct {
		from Status
		c    ConsentRecord
		to   Status
	}{
		{StatusContacted, join(ConsentGiven), StatusConsented},
		{StatusNominated, join(ConsentRefused), StatusDeclined},
		{StatusContacted, join(ConsentRefused), StatusDeclined},
		{StatusConsented, join(ConsentWithdrawn), StatusWithdrew},
		{StatusActive, join(ConsentWithdrawn), StatusWithdrew},
		{StatusNominated, join(ConsentGiven), ""}, // contact comes first
		{StatusActive, join(ConsentGiven), ""},    // already fits
		{StatusActive, ConsentRecord{Scope: ConsentToShareCarers, Decision: ConsentWithdrawn}, ""},
	}
	for _, tt := range tests {
		to, ok := StatusMoveForConsent(tt.from, tt.c)
		if to != tt.to || ok != (tt.to != "") {
			t.Errorf("%s, %s %s: offers %q (%v), want %q", tt.from, tt.c.Scope, tt.c.Decision, to, ok, tt.to)
		}
	}
}

// Withdrawing consent to join while active closes the record as withdrew, its own exit, in one
// step; a withdrawal that cannot be recorded moves nothing.
func TestWithdrawingConsentClosesTheRecordAsWithdrew(t *testing.T) {
	today := NewDate(2026, time.March, 2)
	p := NewNomination(Patient{Nomination: Nomination{On: today.AddDays(-30), Clinician: "Dr Ames"}})
	given := ConsentRecord{Scope: ConsentToJoin, Decision: ConsentGiven, On: today.AddDays(-20), RecordedBy: "Sam"}
	if err := p.ChangeStatus(StatusContacted, today.AddDays(-25), today, "Sam", ""); err != nil {
		t.Fatal(err)
	}
	if err := p.RecordConsentAndMove(given, true, today); err != nil || p.Status != StatusConsented {
		t.Fatalf("consent given with the move: %v, status %s", err, p.Status)
	}
	if err := p.ChangeStatus(StatusActive, today.AddDays(-10), today, "Sam", ""); err != nil {
		t.Fatal(err)
	}
	if err := p.ChangeStatus(StatusWithdrew, today, today, "Sam", ""); !errors.Is(err, ErrWithdrewWithConsent) {
		t.Errorf("withdrew while consent to join stands: %v", err)
	}
	bad := ConsentRecord{Scope: ConsentToJoin, Decision: ConsentWithdrawn, On: today.AddDays(1), RecordedBy: "Sam"}
	before := len(p.Consent)
	if err := p.RecordConsentAndMove(bad, true, today); err == nil || p.Status != StatusActive || len(p.Consent) != before {
		t.Errorf("a withdrawal dated tomorrow: %v, status %s, %d consents", err, p.Status, len(p.Consent))
	}
	withdrawn := bad
	withdrawn.On = today
	if err := p.RecordConsentAndMove(withdrawn, true, today); err != nil {
		t.Fatal(err)
	}
	last := p.History[len(p.History)-1]
	if p.Status != StatusWithdrew || last.By != "Sam" || last.On != today || last.Reason != "consent to join withdrawn" {
		t.Errorf("after withdrawing: status %s, last change %+v", p.Status, last)
	}
	if c, ok := p.Closure(); !ok || c.Stamp() != "Record closed (withdrew on 2 Mar 2026) — not a current plan" {
		t.Errorf("closure %+v, %v", c, ok)
	}
	if ReviewOverdue(today.AddDays(-5), p.Status, today) {
		t.Error("a review is overdue for someone who withdrew")
	}
}

// Records saved before status was held to consent are flagged, in words a coordinator can act
// on; a record whose status and consent agree is not.
func TestConsentToPutRight(t *testing.T) {
	day := NewDate(2026, 3, 3)
	join := func(d ConsentDecision) ConsentRecord {
		return ConsentRecord{Scope: ConsentToJoin, Decision: d, On: day, RecordedBy: "Sam Green"}
	}
	wasActive := []StatusChange{{From: StatusConsented, To: StatusActive, On: day}, {From: StatusActive, To: StatusDischarged, On: day}}
	tests := []struct {
		name    string
		p       Patient
		flagged string // a part of the line; "" for no line
	}{
		{"consented, none on record", Patient{Status: StatusConsented}, "Consented with no consent to join on record"},
		{"active, none on record", Patient{Status: StatusActive}, "Active with no consent to join on record"},
		{"active after a withdrawal", Patient{Status: StatusActive, Consent: []ConsentRecord{join(ConsentGiven), join(ConsentWithdrawn)}},
			"Active, but their consent to join was withdrawn on 3 Mar 2026"},
		{"withdrew with none on record", Patient{Status: StatusWithdrew}, "closed as withdrew with no withdrawal"},
		{"discharged after being active, none ever", Patient{Status: StatusDischarged, History: wasActive}, "Discharged after being consented"},
		{"active with consent", Patient{Status: StatusActive, Consent: []ConsentRecord{join(ConsentGiven)}}, ""},
		{"withdrew with the withdrawal", Patient{Status: StatusWithdrew, Consent: []ConsentRecord{join(ConsentGiven), join(ConsentWithdrawn)}}, ""},
		{"contacted, none yet", Patient{Status: StatusContacted}, ""},
		{"died before consenting", Patient{Status: StatusDied}, ""},
	}
	for _, tt := range tests {
		got := tt.p.ConsentToPutRight()
		if tt.flagged == "" && got != "" || tt.flagged != "" && !strings.Contains(got, tt.flagged) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.flagged)
		}
	}
}
