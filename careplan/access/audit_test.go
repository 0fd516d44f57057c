package access

import (
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

func auditRows() []AuditRow {
	at := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	return []AuditRow{
		{Time: at(1), User: "Ann", Action: "viewed", Record: "patient", Patient: "Jones, Mary (999 000 1234)"},
		{Time: at(2), User: "Cat", Action: "updated", Record: "plan", Patient: "Jones, Mary (999 000 1234)", Detail: "version 2 draft"},
		{Time: at(3), User: "Ann", Action: "viewed", Record: "patient", Patient: "Smith, Bob (999 000 5678)"},
		{Time: at(4), User: "Ada", Action: "created", Detail: "=account \"Eve\""},
	}
}

func TestFilterAudit(t *testing.T) {
	tests := []struct {
		name string
		f    AuditFilter
		want int
	}{
		{"everything, newest first", AuditFilter{}, 4},
		{"by patient name", AuditFilter{Patient: "jones"}, 2},
		{"by NHS number typed without spaces", AuditFilter{Patient: "9990005678"}, 1},
		{"by user", AuditFilter{User: "Ann"}, 2},
		{"by action", AuditFilter{Action: "updated"}, 1},
		{"by dates, inclusive", AuditFilter{From: careplan.NewDate(2026, 11, 2), To: careplan.NewDate(2026, 11, 3)}, 2},
		{"user and patient", AuditFilter{User: "Ann", Patient: "Smith"}, 1},
	}
	for _, tc := range tests {
		got := FilterAudit(auditRows(), tc.f)
		if len(got) != tc.want {
			t.Errorf("%s: %d rows, want %d", tc.name, len(got), tc.want)
		}
	}
	if all := FilterAudit(auditRows(), AuditFilter{}); all[0].User != "Ada" {
		t.Error("not newest first")
	}
}

func TestAuditCSVDefusesFormulas(t *testing.T) {
	var b strings.Builder
	if err := WriteAuditCSV(&b, auditRows()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "time (UTC),user,action") || !strings.Contains(out, `'=account`) {
		t.Errorf("csv:\n%s", out)
	}
	if strings.Count(out, "\n") != 5 {
		t.Errorf("%d lines", strings.Count(out, "\n"))
	}
}

// The audit's days are days in England: an entry at 23:30 UTC in July is on the next day.
func TestFilterAuditByDayInEngland(t *testing.T) {
	late := AuditRow{Time: time.Date(2026, 7, 1, 23, 30, 0, 0, time.UTC), User: "Sam"}
	if (AuditFilter{From: careplan.NewDate(2026, 7, 2), To: careplan.NewDate(2026, 7, 2)}).Matches(late) != true {
		t.Error("23:30 UTC on 1 July (00:30 BST) is not found on 2 July")
	}
	if (AuditFilter{To: careplan.NewDate(2026, 7, 1)}).Matches(late) {
		t.Error("23:30 UTC on 1 July (00:30 BST) is found up to 1 July")
	}
}
