package careplan

import (
	"errors"
	"testing"
	"time"
)

func TestCanMove(t *testing.T) {
	allowed := map[[2]Status]bool{
		{StatusNominated, StatusContacted}:  true,
		{StatusNominated, StatusDeclined}:   true,
		{StatusNominated, StatusDied}:       true,
		{StatusContacted, StatusConsented}:  true,
		{StatusContacted, StatusDeclined}:   true,
		{StatusContacted, StatusDied}:       true,
		{StatusConsented, StatusActive}:     true,
		{StatusConsented, StatusDeclined}:   true,
		{StatusConsented, StatusDischarged}: true,
		{StatusConsented, StatusDied}:       true,
		{StatusConsented, StatusWithdrew}:   true,
		{StatusActive, StatusDischarged}:    true,
		{StatusActive, StatusWithdrew}:      true,
		{StatusActive, StatusDied}:          true,
		{StatusWithdrew, StatusNominated}:   true, // re-referral
		{StatusWithdrew, StatusDied}:        true,
		{StatusDischarged, StatusNominated}: true, // re-referral
		{StatusDischarged, StatusDied}:      true,
		{StatusDeclined, StatusNominated}:   true, // re-referral
		{StatusDeclined, StatusDied}:        true,
	}
	// Every pair is checked, so a move slipped into the table by mistake is caught too
	// (died → anything, nominated → active skipping consent, active → nominated...).
	for _, from := range Statuses() {
		for _, to := range Statuses() {
			err := CanMove(from, to)
			if allowed[[2]Status{from, to}] {
				if err != nil {
					t.Errorf("%s → %s refused: %v", from, to, err)
				}
			} else if !errors.Is(err, ErrStatusMove) {
				t.Errorf("%s → %s: error = %v, want ErrStatusMove", from, to, err)
			}
		}
	}
	if err := CanMove("", StatusNominated); !errors.Is(err, ErrStatusMove) {
		t.Errorf("from no status: error = %v, want ErrStatusMove", err)
	}
}

func TestMoveToActiveNeedsConsent(t *testing.T) {
	day := NewDate(2026, time.January, 5)
	join := func(d ConsentDecision, on Date) ConsentRecord {
		return ConsentRecord{Scope: ConsentToJoin, Decision: d, On: on, RecordedBy: "Kerry Hole"}
	}
	share := ConsentRecord{Scope: ConsentToShareCarers, Decision: ConsentGiven, On: day, RecordedBy: "Kerry Hole"}
	tests := []struct {
		name    string
		consent []ConsentRecord
		ok      bool
	}{
		{"no consent", nil, false},
		{"consent given", []ConsentRecord{join(ConsentGiven, day)}, true},
		{"refused", []ConsentRecord{join(ConsentRefused, day)}, false},
		{"given then withdrawn", []ConsentRecord{join(ConsentGiven, day), join(ConsentWithdrawn, day.AddDays(3))}, false},
		{"withdrawn then given again", []ConsentRecord{join(ConsentGiven, day), join(ConsentWithdrawn, day.AddDays(3)), join(ConsentGiven, day.AddDays(9))}, true},
		{"only consent to share", []ConsentRecord{share}, false},
		{"share recorded after join", []ConsentRecord{join(ConsentGiven, day), share}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Patient{Status: StatusConsented, Consent: tt.consent}
			err := p.MoveTo(StatusActive, day.AddDays(10), "Kerry Hole", "")
			if tt.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if p.Status != StatusActive || len(p.History) != 1 {
					t.Fatalf("status %s, history %v; want active with one change", p.Status, p.History)
				}
				return
			}
			if !errors.Is(err, ErrStatusMove) {
				t.Fatalf("error = %v, want ErrStatusMove", err)
			}
			if p.Status != StatusConsented || len(p.History) != 0 {
				t.Fatalf("a refused move changed the record: %s %v", p.Status, p.History)
			}
		})
	}
}

func TestMoveToRecordsHistory(t *testing.T) {
	p := Patient{Status: StatusNominated}
	on := NewDate(2026, time.February, 2)
	if err := p.MoveTo(StatusContacted, on, "Ann Lee", "phoned"); err != nil {
		t.Fatal(err)
	}
	want := StatusChange{From: StatusNominated, To: StatusContacted, On: on, By: "Ann Lee", Reason: "phoned"}
	if len(p.History) != 1 || p.History[0] != want {
		t.Fatalf("history = %+v, want [%+v]", p.History, want)
	}
	if err := p.MoveTo(StatusActive, on, "Ann Lee", ""); !errors.Is(err, ErrStatusMove) {
		t.Fatalf("contacted → active skipped consent: error = %v", err)
	}
}

func TestHasConsentLatestDecisionWins(t *testing.T) {
	d := NewDate(2026, time.March, 1)
	h := []ConsentRecord{
		{Scope: ConsentToShareCarers, Decision: ConsentGiven, On: d},
		{Scope: ConsentToShareProfessionals, Decision: ConsentGiven, On: d},
		{Scope: ConsentToShareCarers, Decision: ConsentWithdrawn, On: d.AddDays(30)},
	}
	if HasConsent(h, ConsentToShareCarers) {
		t.Error("withdrawn consent to share with carers still counts")
	}
	if !HasConsent(h, ConsentToShareProfessionals) {
		t.Error("consent to share with professionals lost when carers' consent was withdrawn")
	}
	if HasConsent(h, ConsentToJoin) {
		t.Error("consent to join reported with no record of it")
	}
	if c, ok := CurrentConsent(h, ConsentToShareCarers); !ok || c.Decision != ConsentWithdrawn {
		t.Errorf("CurrentConsent = %+v, %v; want the withdrawal", c, ok)
	}
}

func TestStatusValidAndOpen(t *testing.T) {
	open := map[Status]bool{StatusNominated: true, StatusContacted: true, StatusConsented: true, StatusActive: true}
	for _, s := range Statuses() {
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
		if s.Open() != open[s] {
			t.Errorf("%s.Open() = %v", s, s.Open())
		}
		if s.Label() == string(s) {
			t.Errorf("%s has no label", s)
		}
	}
	if Status("admitted").Valid() || Status("").Valid() {
		t.Error("unknown status reported valid")
	}
}
