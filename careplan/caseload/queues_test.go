package caseload

import (
	"testing"
	"time"

	"carehub/careplan"
)

func queueToday() careplan.Date { return careplan.NewDate(2026, time.March, 2) }

func TestQueueRules(t *testing.T) {
	today := queueToday()
	d := today.AddDays
	for _, c := range []struct {
		name string
		e    careplan.CaseloadEntry
		in   []Queue
	}{
		{"new nomination", careplan.CaseloadEntry{Status: careplan.StatusNominated}, []Queue{QueueNotContacted}},
		{"contacted, consent outstanding, never contacted on the log",
			careplan.CaseloadEntry{Status: careplan.StatusContacted}, []Queue{QueueConsent, QueueNoContact}},
		{"active, review in 14 days, PAM 5 months ago, contact yesterday",
			careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: d(14), LastPAM: today.AddMonths(-5), LastContact: d(-1)},
			[]Queue{QueueReviewSoon}},
		{"active, review in 15 days is not yet due",
			careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: d(15), LastPAM: d(-1), LastContact: d(-1)}, nil},
		{"active, review today is due, not overdue",
			careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: today, LastPAM: d(-1), LastContact: d(-1)},
			[]Queue{QueueReviewSoon}},
		{"active, review yesterday, PAM exactly 6 months ago, contact 30 days ago",
			careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: d(-1), LastPAM: today.AddMonths(-6), LastContact: d(-30)},
			[]Queue{QueueReviewOverdue, QueuePAMDue, QueueNoContact}},
		{"active, no contact on the log for 40 days, but a PAM taken with them last week",
			careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: d(60), LastPAM: d(-7), LastContact: d(-40)}, nil},
		{"active, PAM 40 days ago and no contact since",
			careplan.CaseloadEntry{Status: careplan.StatusActive, ReviewDate: d(60), LastPAM: d(-40)}, []Queue{QueueNoContact}},
		{"consented with no PAM yet",
			careplan.CaseloadEntry{Status: careplan.StatusConsented, LastContact: d(-2)}, []Queue{QueuePAMDue}},
		{"died: no reminders at all",
			careplan.CaseloadEntry{Status: careplan.StatusDied, ReviewDate: d(-10)}, nil},
		{"discharged: no reminders", careplan.CaseloadEntry{Status: careplan.StatusDischarged}, nil},
	} {
		want := map[Queue]bool{}
		for _, q := range c.in {
			want[q] = true
		}
		for _, q := range Queues() {
			if got := q.In(&c.e, today); got != want[q] {
				t.Errorf("%s: in %q = %v, want %v", c.name, q.Label(), got, want[q])
			}
		}
	}
}

func queueEntries() []careplan.CaseloadEntry {
	today := queueToday()
	return []careplan.CaseloadEntry{
		{PatientID: "a", FamilyName: "Adams", Status: careplan.StatusNominated, KeyWorker: "Sam", Practice: "Frome", Conditions: "52448006"},
		{PatientID: "b", FamilyName: "Brown", Status: careplan.StatusActive, KeyWorker: "Sam", Practice: "Frome", ReviewDate: today.AddDays(-3), LastContact: today.AddDays(-40), LastPAM: today.AddDays(-45), Conditions: "13645005,52448006"},
		{PatientID: "c", FamilyName: "Clarke", Status: careplan.StatusActive, KeyWorker: "Jo", Practice: "Wells", ReviewDate: today.AddDays(5), LastContact: today.AddDays(-2), LastPAM: today.AddDays(-10)},
		{PatientID: "d", FamilyName: "Davies", Status: careplan.StatusContacted, KeyWorker: "Jo", Practice: "Wells", LastContact: today.AddDays(-1)},
		{PatientID: "e", FamilyName: "Evans", Status: careplan.StatusDied, KeyWorker: "Sam", Practice: "Frome", ReviewDate: today.AddDays(-3)},
	}
}

func TestCountQueuesAndFilters(t *testing.T) {
	ix := New(queueEntries())
	today := queueToday()
	all := ix.CountQueues(Query{}, today)
	want := QueueCounts{}
	want[QueueNotContacted], want[QueueConsent], want[QueueReviewSoon], want[QueueReviewOverdue], want[QueueNoContact] = 1, 1, 1, 1, 1
	if all != want {
		t.Errorf("whole hub counts = %v, want %v", all, want)
	}
	mine := ix.CountQueues(Query{KeyWorker: "Sam", Text: "ignored", Queue: QueueConsent}, today)
	if mine[QueueNotContacted] != 1 || mine[QueueReviewOverdue] != 1 || mine[QueueConsent] != 0 || mine[QueueReviewSoon] != 0 {
		t.Errorf("Sam's counts = %v", mine)
	}
	names := func(q Query) []string {
		var out []string
		for _, i := range ix.Search(q) {
			out = append(out, ix.Entry(i).FamilyName)
		}
		return out
	}
	for _, c := range []struct {
		name string
		q    Query
		want []string
	}{
		{"overdue queue", Query{Queue: QueueReviewOverdue, Today: today}, []string{"Brown"}},
		{"practice", Query{Practice: "Wells"}, []string{"Clarke", "Davies"}},
		{"condition: dementia", Query{Condition: "52448006"}, []string{"Adams", "Brown"}},
		{"condition and key worker and text", Query{Condition: "52448006", KeyWorker: "Sam", Text: "bro"}, []string{"Brown"}},
	} {
		got := names(c.q)
		if len(got) != len(c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %q, want %q", c.name, got, c.want)
			}
		}
	}
}

func TestSearcherDoesNotNarrowAcrossQueueOrFilterChange(t *testing.T) {
	ix := New(queueEntries())
	s := ix.NewSearcher()
	today := queueToday()
	if got := len(s.Search(Query{Queue: QueueConsent, Today: today})); got != 1 {
		t.Fatalf("consent queue has %d", got)
	}
	if got := len(s.Search(Query{Queue: QueueReviewSoon, Today: today})); got != 1 {
		t.Errorf("switching queue found %d, want 1 (Clarke)", got)
	}
	if got := len(s.Search(Query{Practice: "Frome"})); got != 3 {
		t.Errorf("practice Frome found %d, want 3", got)
	}
	if got := len(s.Search(Query{Practice: "Wells"})); got != 2 {
		t.Errorf("switching practice found %d, want 2", got)
	}
}

func TestSortOrders(t *testing.T) {
	ix := New(queueEntries())
	pos := ix.Search(Query{})
	order := func(o Order) string {
		p := append([]int(nil), pos...)
		ix.Sort(p, o)
		out := ""
		for _, i := range p {
			out += ix.Entry(i).PatientID
		}
		return out
	}
	if got := order(OrderName); got != "abcde" {
		t.Errorf("by name %s", got)
	}
	if got := order(OrderReview); got != "becad" { // b and e overdue (same day, name order), c, then none
		t.Errorf("by review %s", got)
	}
	if got := order(OrderLastContact); got != "aebcd" { // never contacted first, then oldest
		t.Errorf("by last contact %s", got)
	}
}

func TestFunnel(t *testing.T) {
	entries := queueEntries()
	today := queueToday()
	entries[0].NominatedOn = today.AddDays(-1)                      // this month
	entries[1].NominatedOn = careplan.NewDate(2025, time.April, 30) // the first month shown
	entries[2].NominatedOn = careplan.NewDate(2025, time.March, 31) // too old to show
	entries = append(entries, careplan.CaseloadEntry{PatientID: "f", FamilyName: "Fox", Status: careplan.StatusDischarged, Practice: "Wells",
		FirstActive: careplan.NewDate(2025, time.June, 2)},
		careplan.CaseloadEntry{PatientID: "g", FamilyName: "Gray", Status: careplan.StatusDeclined, Practice: "Wells"})
	f := New(entries).BuildFunnel(today)
	if f.Nominated != 7 || f.Contacted != 4 || f.Consented != 3 || f.Active != 3 || f.Discharged != 1 || f.Declined != 1 || f.Died != 1 {
		t.Errorf("funnel = %+v", f)
	}
	if len(f.Months) != MonthsShown || f.Months[0].Month.Month() != time.April || f.Months[11].Month.Month() != time.March {
		t.Fatalf("months = %+v", f.Months)
	}
	if f.Months[0].Nominated != 1 || f.Months[11].Nominated != 1 {
		t.Errorf("months = %+v", f.Months)
	}
	if len(f.Practices) != 2 || f.Practices[0].Practice != "Wells" || f.Practices[0].Nominated != 4 || f.Practices[0].Active != 1 {
		t.Errorf("practices = %+v", f.Practices)
	}
}
