package careplan

import "testing"

func TestFirstActiveFromTheStatusHistory(t *testing.T) {
	d := func(m, day int) Date { return NewDate(2026, 1, 1).AddDays((m-1)*31 + day - 1) }
	tests := []struct {
		name    string
		history []StatusChange
		want    Date
	}{
		{"never active", []StatusChange{{To: StatusNominated, On: d(1, 5)}, {From: StatusNominated, To: StatusContacted, On: d(1, 9)}}, Date{}},
		{"active, then died", []StatusChange{{To: StatusNominated, On: d(1, 5)}, {From: StatusConsented, To: StatusActive, On: d(2, 1)},
			{From: StatusActive, To: StatusDied, On: d(5, 1)}}, d(2, 1)},
		{"active twice: the first time counts", []StatusChange{{From: StatusConsented, To: StatusActive, On: d(2, 1)},
			{From: StatusActive, To: StatusDischarged, On: d(3, 1)}, {From: StatusDischarged, To: StatusNominated, On: d(4, 1)},
			{From: StatusConsented, To: StatusActive, On: d(6, 1)}}, d(2, 1)},
		{"history begins part way: leaving active shows they were", []StatusChange{{From: StatusActive, To: StatusWithdrew, On: d(3, 3)}}, d(3, 3)},
	}
	for _, tt := range tests {
		if got := (Patient{History: tt.history}).FirstActive(); got != tt.want {
			t.Errorf("%s: FirstActive = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestReachedActiveWhateverTheStatusNow(t *testing.T) {
	for _, tt := range []struct {
		e    CaseloadEntry
		want bool
	}{
		{CaseloadEntry{Status: StatusActive}, true},
		{CaseloadEntry{Status: StatusDied, FirstActive: NewDate(2026, 2, 1)}, true},
		{CaseloadEntry{Status: StatusDied}, false},
		{CaseloadEntry{Status: StatusConsented}, false},
	} {
		if got := tt.e.ReachedActive(); got != tt.want {
			t.Errorf("%s, first active %v: ReachedActive = %v, want %v", tt.e.Status, tt.e.FirstActive, got, tt.want)
		}
	}
}

func TestCaseloadEntryKeepsFirstActive(t *testing.T) {
	p := Patient{Status: StatusDied, History: []StatusChange{{From: StatusConsented, To: StatusActive, On: NewDate(2026, 2, 1)},
		{From: StatusActive, To: StatusDied, On: NewDate(2026, 5, 1)}}}
	if e := CaseloadEntryFor(p, nil); e.FirstActive != NewDate(2026, 2, 1) || !e.ReachedActive() {
		t.Errorf("entry first active %v, want 1 Feb 2026", e.FirstActive)
	}
}
