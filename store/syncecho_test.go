package store

import (
	"testing"
	"time"
)

// What a laptop took unchanged from another is not sent straight back to it: after a first
// full sync the coordinator sees nothing waiting, rather than every record the other laptop
// already has. An edit or merge made here still goes back, and a third laptop still gets all.
func TestRecordsAreNotEchoedBackToTheirSender(t *testing.T) {
	a, _ := newTestStore(t)
	b, clock := newTestStore(t)
	c, _ := newTestStore(t)
	pair(t, a, b)
	pair(t, b, c)
	p, _ := enrolled(t, a, 1)
	enrolled(t, a, 2)
	if res := carry(t, a, b); res.New != 4 {
		t.Fatalf("first bundle: %+v", res)
	}
	if n, err := b.ChangesWaiting(a.origin); err != nil || n != 0 {
		t.Errorf("after taking everything from laptop A, laptop B has %d waiting for it (%v)", n, err)
	}
	if res := carry(t, b, a); res.New+res.Updated+res.Merged+res.Unchanged != 0 {
		t.Errorf("laptop B sent laptop A its own records back: %+v", res)
	}

	clock.Set(clock.Now().Add(time.Minute))
	onB := latestPlan(t, b, p.ID)
	onB.Contingency.Red.WhoToCall = "Call 999"
	if err := b.SavePlan(&onB); err != nil {
		t.Fatal(err)
	}
	if n, _ := b.ChangesWaiting(a.origin); n != 1 {
		t.Errorf("an edit on B: %d waiting for A, want 1", n)
	}
	if res := carry(t, b, a); res.Updated != 1 {
		t.Errorf("the edit made on B did not reach A: %+v", res)
	}
	if got := latestPlan(t, a, p.ID).Contingency.Red.WhoToCall; got != "Call 999" {
		t.Errorf("A's plan says %q", got)
	}
	if res := carry(t, b, c); res.New != 4 {
		t.Errorf("laptop C, new to both, got %+v from B, want all 4 records", res)
	}
	for _, s := range []*Store{a, b, c} {
		closeAndCheck(t, s)
	}
}
