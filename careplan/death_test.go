package careplan

import (
	"errors"
	"testing"
	"time"
)

func TestRecordDeath(t *testing.T) {
	today := NewDate(2026, time.March, 2)
	active := func() Patient {
		p := Patient{DateOfBirth: NewDate(1940, time.May, 3), Status: StatusActive,
			History: []StatusChange{{To: StatusActive, On: NewDate(2025, time.June, 1), By: "Sam Green"}}}
		return p
	}
	tests := []struct {
		name   string
		death  Death
		want   error // nil for recorded
		diedOn Date
	}{
		{"told today, died last week", Death{ToldOn: today, DiedOn: today.AddDays(-7), By: "Jo Marsh", Reason: "notified by the practice"}, nil, today.AddDays(-7)},
		{"told today, date of death not known", Death{ToldOn: today, By: "Jo Marsh"}, nil, Date{}},
		{"died on the day the hub was told", Death{ToldOn: today, DiedOn: today, By: "Jo Marsh"}, nil, today},
		{"died after the hub was told", Death{ToldOn: today.AddDays(-3), DiedOn: today.AddDays(-1), By: "Jo Marsh"}, ErrDiedAfterTold, Date{}},
		{"died tomorrow", Death{ToldOn: today, DiedOn: today.AddDays(1), By: "Jo Marsh"}, ErrDiedInFuture, Date{}},
		{"died before birth", Death{ToldOn: today, DiedOn: NewDate(1939, 1, 1), By: "Jo Marsh"}, ErrDiedBeforeBirth, Date{}},
		{"told on a day to come", Death{ToldOn: today.AddDays(1), By: "Jo Marsh"}, ErrStatusDateInFuture, Date{}},
		{"no one named", Death{ToldOn: today}, ErrStatusBy, Date{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := active()
			err := p.RecordDeath(tt.death, today)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("error %v, want %v", err, tt.want)
				}
				if p.Status != StatusActive || len(p.History) != 1 {
					t.Errorf("refused, but the record changed: %s, %d changes", p.Status, len(p.History))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			last := p.History[len(p.History)-1]
			if p.Status != StatusDied || last.To != StatusDied || last.On != tt.death.ToldOn || last.DiedOn != tt.diedOn {
				t.Errorf("recorded %s with %+v", p.Status, last)
			}
			got, known := p.DateOfDeath()
			if known != !tt.diedOn.IsZero() || got != tt.diedOn {
				t.Errorf("DateOfDeath = %v, %v; want %v", got, known, tt.diedOn)
			}
		})
	}
}

func TestDateOfDeathOnlyWhenDied(t *testing.T) {
	p := Patient{Status: StatusActive, History: []StatusChange{{To: StatusDied, DiedOn: NewDate(2026, 1, 1)}}}
	if _, ok := p.DateOfDeath(); ok {
		t.Error("a date of death for someone whose status is active")
	}
}
