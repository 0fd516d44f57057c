package demo

import (
	"testing"

	"carehub/careplan"
	"carehub/careplan/caseload"
)

func TestContactsAreValidAndFillTheQueue(t *testing.T) {
	today := testToday()
	g := New(5, today)
	var entries []careplan.CaseloadEntry
	withContacts := 0
	for range 1000 {
		p := g.Next()
		for _, c := range p.Contacts {
			if err := c.Validate(today); err != nil {
				t.Fatalf("%+v: %v", c, err)
			}
			if c.On.Before(p.Patient.Nomination.On) {
				t.Fatalf("contact on %v before nomination %v", c.On, p.Patient.Nomination.On)
			}
		}
		if p.Patient.Status == careplan.StatusNominated && len(p.Contacts) > 0 {
			t.Fatalf("a new nomination has contacts: %+v", p.Contacts)
		}
		if len(p.Contacts) > 0 {
			withContacts++
		}
		entries = append(entries, p.CaseloadEntry())
	}
	counts := caseload.New(entries).CountQueues(caseload.Query{}, today)
	for _, q := range caseload.Queues() {
		if counts[q] == 0 {
			t.Errorf("the demo hub's %q queue is empty", q.Label())
		}
	}
	if withContacts < 500 {
		t.Errorf("only %d of 1000 people have contacts", withContacts)
	}
}
