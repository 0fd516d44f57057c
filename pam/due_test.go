package pam

import (
	"testing"
	"time"

	"carehub/careplan"
)

func TestDue(t *testing.T) {
	today := careplan.NewDate(2026, time.March, 2)
	own := func(on careplan.Date) Assessment {
		return Assessment{Score: 450, Level: Level1, Instrument: PAM13, TakenOn: on}
	}
	carer := func(on careplan.Date) Assessment {
		return Assessment{Score: 700, Level: Level4, Instrument: CarerPAM, CarerName: "Ffion Jones", TakenOn: on}
	}
	inError := own(today.AddDays(-1))
	inError.InError = &EnteredInError{Reason: "wrong person", By: "Sam Green"}
	tests := []struct {
		name string
		all  []Assessment
		due  bool
	}{
		{"no PAM yet", nil, true},
		{"own PAM yesterday", []Assessment{own(today.AddDays(-1))}, false},
		{"own PAM six months ago to the day", []Assessment{own(today.AddMonths(-6))}, true},
		{"own PAM six months ago less a day", []Assessment{own(today.AddMonths(-6).AddDays(1))}, false},
		{"only a Carer PAM, yesterday", []Assessment{carer(today.AddDays(-1))}, true},
		{"old own PAM, recent Carer PAM", []Assessment{own(today.AddMonths(-7)), carer(today.AddDays(-1))}, true},
		{"only PAM entered in error", []Assessment{inError}, true},
	}
	for _, tt := range tests {
		if got := Due(tt.all, today); got != tt.due {
			t.Errorf("%s: Due = %v, want %v", tt.name, got, tt.due)
		}
	}
}

// The caseload asks DueToday for 30,000 people at once; it must give DueSince's answer for
// every PAM date on every day, month ends and leap years included.
func TestDueTodayMatchesDueSince(t *testing.T) {
	start := careplan.NewDate(2026, time.January, 1)
	for today := start; today.Before(start.AddMonths(48)); today = today.AddDays(1) {
		d := DueOn(today)
		if !d.Since(careplan.Date{}) || !DueSince(careplan.Date{}, today) {
			t.Fatalf("%v: no PAM yet is not due", today)
		}
		for back := 0; back <= 200; back++ {
			last := today.AddDays(-back)
			if got, want := d.Since(last), DueSince(last, today); got != want {
				t.Fatalf("today %v, PAM on %v: DueToday says %v, DueSince %v", today, last, got, want)
			}
		}
	}
}

// Once due, a PAM stays due until a new one is recorded: the answer never flips back as the
// days go by (31 Aug + 6 months runs on to 3 Mar, after 1 Mar).
func TestDueNeverFlipsBack(t *testing.T) {
	start := careplan.NewDate(2025, time.January, 1)
	for last := start; last.Before(start.AddMonths(24)); last = last.AddDays(1) {
		was := false
		for today := last; today.Before(last.AddMonths(8)); today = today.AddDays(1) {
			now := DueSince(last, today)
			if was && !now {
				t.Fatalf("PAM on %v: due the day before %v, not due on it", last, today)
			}
			was = now
		}
		if !was {
			t.Fatalf("PAM on %v: never due within eight months", last)
		}
	}
}
