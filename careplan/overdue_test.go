package careplan

import (
	"testing"
	"time"
)

func TestReviewOverdue(t *testing.T) {
	today := NewDate(2026, time.March, 2)
	tests := []struct {
		name    string
		review  Date
		status  Status
		overdue bool
	}{
		{"active, review yesterday", today.AddDays(-1), StatusActive, true},
		{"consented, review last year", today.AddDays(-365), StatusConsented, true},
		{"active, review today is due, not overdue", today, StatusActive, false},
		{"active, review tomorrow", today.AddDays(1), StatusActive, false},
		{"active, no review date", Date{}, StatusActive, false},
		{"died, review passed", today.AddDays(-1), StatusDied, false},
		{"discharged, review passed", today.AddDays(-1), StatusDischarged, false},
		{"declined, review passed", today.AddDays(-1), StatusDeclined, false},
		{"nominated again after discharge, old review passed", today.AddDays(-1), StatusNominated, false},
		{"contacted, old review passed", today.AddDays(-1), StatusContacted, false},
	}
	for _, tt := range tests {
		if got := ReviewOverdue(tt.review, tt.status, today); got != tt.overdue {
			t.Errorf("%s: ReviewOverdue = %v, want %v", tt.name, got, tt.overdue)
		}
	}
}
