package careplan

import "testing"

func TestTabletEligible(t *testing.T) {
	given := []ConsentRecord{{Scope: ConsentToJoin, Decision: ConsentGiven}}
	withdrawn := append(append([]ConsentRecord(nil), given...), ConsentRecord{Scope: ConsentToJoin, Decision: ConsentWithdrawn})
	tests := []struct {
		name    string
		status  Status
		consent []ConsentRecord
		want    bool
	}{
		{"active with consent", StatusActive, given, true},
		{"consented", StatusConsented, given, true},
		{"active, consent withdrawn", StatusActive, withdrawn, false},
		{"nominated", StatusNominated, given, false},
		{"no consent on record", StatusConsented, nil, false},
		{"died", StatusDied, given, false},
	}
	for _, tt := range tests {
		if got := TabletEligible(Patient{Status: tt.status, Consent: tt.consent}); got != tt.want {
			t.Errorf("%s: TabletEligible = %v, want %v", tt.name, got, tt.want)
		}
	}
}
