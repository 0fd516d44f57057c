package store

import (
	"bytes"
	"testing"
	"time"

	"carehub/careplan/myplan"
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

// A goal check-in goes to each hub laptop once: not again in every later bundle, and not back
// to the laptop it came from; one that arrives later goes in the next bundle.
func TestCheckInsTravelToEachLaptopOnce(t *testing.T) {
	a, clock := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	p, _ := agreedOn(t, a, clock, 60)
	tablet := newTabletStore(t, p.ID)
	pair(t, a, tablet)
	carry(t, a, tablet)
	checkIn := func(note string) {
		t.Helper()
		c := myplan.CheckIn{PatientID: p.ID, GoalID: "goal-1", Scale: myplan.ScaleHigh, Note: note}
		if err := tablet.SaveCheckIn(&c); err != nil {
			t.Fatal(err)
		}
		clock.Set(clock.Now().Add(time.Minute))
		if res := carry(t, tablet, a); res.CheckIns != 1 {
			t.Fatalf("laptop A took %d new check-ins from the tablet, want 1", res.CheckIns)
		}
	}
	checkIn("walked to the shop")
	if res := carry(t, a, b); res.CheckIns != 1 {
		t.Errorf("laptop B got %d new check-ins, want 1", res.CheckIns)
	}
	for _, next := range []struct {
		from, to *Store
		name     string
	}{{a, b, "A to B again"}, {b, a, "B back to A"}} {
		res, err := next.to.ImportBundle(bytes.NewReader(bundleFor(t, next.from, next.to)), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n := res.Manifest.Counts["check-in"] + res.Manifest.Counts["checkin"]; n != 0 || res.Manifest.Items != 0 {
			t.Errorf("%s: the bundle carried %d items (%v), want none", next.name, res.Manifest.Items, res.Manifest.Counts)
		}
	}
	checkIn("went to choir")
	if res := carry(t, a, b); res.CheckIns != 1 || res.Manifest.Items != 1 {
		t.Errorf("the next bundle to B: %d new check-ins in %d items, want just the new one", res.CheckIns, res.Manifest.Items)
	}
	if got, _ := b.CheckIns(p.ID); len(got) != 2 {
		t.Errorf("laptop B holds %d check-ins, want 2", len(got))
	}
	for _, s := range []*Store{a, b} {
		closeAndCheck(t, s)
	}
}
