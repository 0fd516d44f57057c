package store

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/store/bundle"
)

// agreedOnBothLaptops gives a patient a draft on two paired laptops, then has each laptop
// change "about me" differently and agree the plan, so both hold an agreed version 1 that
// conflicts. It returns the patient and both laptops' words.
func agreedOnBothLaptops(t *testing.T, a, b *Store, clock *testClock, i int) (careplan.Patient, string, string) {
	t.Helper()
	p, _ := enrolled(t, a, i)
	carry(t, a, b)
	clock.Set(clock.Now().Add(time.Minute))
	words := [2]string{"I garden on Tuesdays (laptop A)", "I garden on Thursdays (laptop B)"}
	for n, s := range []*Store{a, b} {
		plan := latestPlan(t, s, p.ID)
		plan.AboutMe = words[n]
		if err := plan.Agree("Sam Green", clock.Now(), careplan.DateOf(clock.Now()), 3); err != nil {
			t.Fatal(err)
		}
		if err := s.SavePlan(&plan); err != nil {
			t.Fatalf("agreeing: %v", err)
		}
	}
	if res := carry(t, a, b); res.Conflicts != 1 {
		t.Fatalf("B importing A's agreed version: %+v, want a conflict", res)
	}
	carry(t, b, a)
	for name, s := range map[string]*Store{"A": a, "B": b} {
		if cs, _ := s.Conflicts(); len(cs) != 1 || !cs[0].Final {
			t.Fatalf("%s: %d conflicts (%+v), want one on the agreed version", name, len(cs), cs)
		}
	}
	return p, words[0], words[1]
}

func TestResolvingAnAgreedPlanConflictSettlesItOnTheOtherLaptop(t *testing.T) {
	for _, keepShown := range []bool{false, true} {
		name := map[bool]string{false: "keeping the value the record does not show starts a draft", true: "keeping the value the record shows"}[keepShown]
		t.Run(name, func(t *testing.T) {
			a, clock := newTestStore(t)
			b, _ := newTestStore(t)
			pair(t, a, b)
			p, wordsA, wordsB := agreedOnBothLaptops(t, a, b, clock, 20)
			shown := latestPlan(t, b, p.ID).AboutMe
			if shown != latestPlan(t, a, p.ID).AboutMe || (shown != wordsA && shown != wordsB) {
				t.Fatalf("the laptops show different words while the conflict is open: %q / %q", shown, latestPlan(t, a, p.ID).AboutMe)
			}
			chosen := map[bool]string{true: shown, false: wordsA + wordsB}[keepShown]
			if !keepShown {
				chosen = wordsA
				if shown == wordsA {
					chosen = wordsB
				}
			}
			cs, _ := b.Conflicts()
			keepTheirs := string(cs[0].Theirs.Values["aboutMe"]) == `"`+chosen+`"`
			clock.Set(clock.Now().Add(time.Minute))
			if err := b.ResolveConflict(cs[0].RecordID, map[string]bool{"aboutMe": keepTheirs}); err != nil {
				t.Fatalf("ResolveConflict: %v", err)
			}
			carry(t, b, a)
			carry(t, a, b)
			for name, s := range map[string]*Store{"A": a, "B": b} {
				if cs, _ := s.Conflicts(); len(cs) != 0 {
					t.Errorf("%s: %d conflicts still open after B's coordinator resolved it", name, len(cs))
				}
				plans, err := s.Plans(p.ID)
				if err != nil {
					t.Fatal(err)
				}
				latest := plans[len(plans)-1]
				if latest.AboutMe != chosen {
					t.Errorf("%s: the plan says %q, want the chosen %q", name, latest.AboutMe, chosen)
				}
				wantPlans := map[bool]int{true: 1, false: 2}[keepShown]
				if len(plans) != wantPlans || plans[0].State != careplan.PlanAgreed || plans[0].AboutMe != shown {
					t.Errorf("%s: %d plans (want %d), the agreed one says %q (want it unchanged: %q)", name, len(plans), wantPlans, plans[0].AboutMe, shown)
				}
				if !keepShown && latest.State != careplan.PlanDraft {
					t.Errorf("%s: the chosen value is in a %s plan, want a new draft", name, latest.State)
				}
				counts(t, s)
			}
			// Another round changes nothing and raises nothing.
			if res := carry(t, a, b); res.Conflicts != 0 || res.Merged != 0 {
				t.Errorf("a further exchange: %+v", res)
			}
		})
	}
}

func TestReconsentedPatientGetsTheirRecordsBackOnTheTablet(t *testing.T) {
	hub, clock := newTestStore(t)
	p, plan := agreedOn(t, hub, clock, 21)
	if err := hub.SaveAssessment(ptr(testAssessment(p.ID))); err != nil {
		t.Fatal(err)
	}
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	carry(t, hub, tablet)
	before := counts(t, tablet)
	if before["patients"] != 1 || before["plans"] != 1 || before["pam assessments"] != 1 {
		t.Fatalf("tablet before withdrawal: %v", before)
	}

	clock.Set(clock.Now().Add(24 * time.Hour))
	decideJoin(t, hub, p.ID, careplan.ConsentWithdrawn, careplan.NewDate(2026, 3, 4))
	if res := carry(t, hub, tablet); !res.Removed {
		t.Fatalf("withdrawal did not remove the patient: %+v", res)
	}
	if c := counts(t, tablet); c["patients"] != 0 || c["plans"] != 0 {
		t.Fatalf("tablet after withdrawal: %v", c)
	}

	// They consent again a week later: the next bundle brings back everything they had, though
	// the plan and PAM did not change while they were away.
	clock.Set(clock.Now().Add(7 * 24 * time.Hour))
	decideJoin(t, hub, p.ID, careplan.ConsentGiven, careplan.NewDate(2026, 3, 11))
	res := carry(t, hub, tablet)
	if res.Removed {
		t.Fatalf("a bundle after consent was given again removed the patient: %+v", res)
	}
	after := counts(t, tablet)
	for _, kind := range []string{"patients", "plans", "pam assessments"} {
		if after[kind] != before[kind] {
			t.Errorf("tablet holds %d %s after consent was given again, want %d as before", after[kind], kind, before[kind])
		}
	}
	if got := latestPlan(t, tablet, p.ID); got.State != careplan.PlanAgreed || got.AboutMe != plan.AboutMe {
		t.Errorf("the tablet's plan after re-consent: %s %q", got.State, got.AboutMe)
	}
}

func TestTabletBundleAboutAnotherPatientIsRefusedWhole(t *testing.T) {
	hub, _ := newTestStore(t)
	p, plan := enrolled(t, hub, 22)
	other, _ := enrolled(t, hub, 23)
	if err := plan.Agree("Sam Green", time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC), careplan.NewDate(2026, 3, 3), 3); err != nil {
		t.Fatal(err)
	}
	if err := hub.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	carry(t, hub, tablet)
	for _, note := range []string{"walked to the shop", "walked to the park"} {
		c := myplan.CheckIn{PatientID: p.ID, GoalID: "goal-1", Scale: myplan.ScaleHigh, Note: note}
		if err := tablet.SaveCheckIn(&c); err != nil {
			t.Fatal(err)
		}
	}
	// The hub holds this tablet's card as if it were the other patient's tablet: the check-ins
	// it carries are about someone else.
	card, _ := tablet.DeviceCard()
	card.Patient = other.ID
	swapPeerCard(t, hub, card)
	before := recordsOf(t, hub)
	_, err := hub.ImportBundle(bytes.NewReader(bundleFor(t, tablet, hub)), nil, nil)
	if !errors.Is(err, ErrTabletOtherPatient) {
		t.Errorf("check-ins about another patient: %v", err)
	}
	if !bytes.Equal(before, recordsOf(t, hub)) {
		t.Error("a refused tablet bundle changed the hub")
	}
	for _, who := range []string{p.ID, other.ID} {
		if ins, _ := hub.CheckIns(who); len(ins) != 0 {
			t.Errorf("the hub took %d check-ins from a refused bundle", len(ins))
		}
	}
}

func TestAcknowledgementOfABundleNeverSentIsRefused(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	enrolled(t, a, 24)
	bCard, _ := b.DeviceCard()
	waiting, _ := a.ChangesWaiting(bCard.Device)
	if waiting == 0 {
		t.Fatal("nothing waits for B")
	}
	// B (or a copy of B's store) acknowledges a bundle A never made, claiming all A's changes.
	self, err := b.identity()
	if err != nil {
		t.Fatal(err)
	}
	aCard, _ := a.DeviceCard()
	var forged bytes.Buffer
	if _, err := bundle.Write(&forged, self, aCard, bundle.Manifest{Kind: bundle.KindAck, Acknowledges: uuid.New(), Upto: 1 << 40, Created: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ImportBundle(bytes.NewReader(forged.Bytes()), nil, nil); !errors.Is(err, ErrAckNotSent) {
		t.Errorf("an acknowledgement of a bundle never sent: %v", err)
	}
	if n, _ := a.ChangesWaiting(bCard.Device); n != waiting {
		t.Errorf("the checkpoint moved: %d waiting, want %d", n, waiting)
	}
	if res := carry(t, a, b); res.New != 2 {
		t.Errorf("the next real bundle: %+v, want the patient and the plan", res)
	}
	if n, _ := a.ChangesWaiting(bCard.Device); n != 0 {
		t.Errorf("a real acknowledgement did not move the checkpoint: %d waiting", n)
	}
}

func TestEnrolledOnBothLaptopsNamesThePerson(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	p, _ := enrolled(t, a, 25)
	enrolled(t, b, 25)
	_, err := b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), nil, nil)
	if !errors.Is(err, ErrEnrolledTwice) {
		t.Fatalf("importing the same person under another record: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"Siân O'Brien", p.NHSNumber.Display(), "nothing was imported"} {
		if !bytes.Contains([]byte(msg), []byte(want)) {
			t.Errorf("the refusal does not say %q: %q", want, msg)
		}
	}
}

// withdraw records that p withdrew consent to join on the hub.
func withdraw(t *testing.T, hub *Store, id string, on careplan.Date) {
	t.Helper()
	decideJoin(t, hub, id, careplan.ConsentWithdrawn, on)
}

// decideJoin records the person's decision about joining the hub, as Sam Green on the hub.
func decideJoin(t *testing.T, hub *Store, id string, d careplan.ConsentDecision, on careplan.Date) {
	t.Helper()
	p, err := hub.Patient(id)
	if err != nil {
		t.Fatal(err)
	}
	p.Consent = append(p.Consent, careplan.ConsentRecord{Scope: careplan.ConsentToJoin, Decision: d, On: on, RecordedBy: "Sam Green"})
	if err := hub.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
}

func TestBundleMadeBeforeARemovalDoesNotBringThePatientBack(t *testing.T) {
	hub, clock := newTestStore(t)
	p, _ := agreedOn(t, hub, clock, 26)
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	carry(t, hub, tablet)

	// A bundle made, then put aside on a USB stick; the person withdraws; the removal is
	// carried first; then someone imports the old bundle.
	clock.Set(clock.Now().Add(time.Hour))
	if err := hub.SaveAssessment(ptr(testAssessment(p.ID))); err != nil {
		t.Fatal(err)
	}
	moved, _ := hub.Patient(p.ID)
	moved.Contact.Address = "3 Mill Lane, Taunton"
	if err := hub.SavePatient(&moved); err != nil {
		t.Fatal(err)
	}
	old := bundleFor(t, hub, tablet)
	clock.Set(clock.Now().Add(time.Hour))
	withdraw(t, hub, p.ID, careplan.NewDate(2026, 3, 3))
	if res := carry(t, hub, tablet); !res.Removed {
		t.Fatalf("the removal: %+v", res)
	}
	before := recordsOf(t, tablet)
	if _, err := tablet.ImportBundle(bytes.NewReader(old), nil, nil); !errors.Is(err, ErrMadeBeforeRemoval) {
		t.Errorf("a bundle made before the removal: %v", err)
	}
	if !bytes.Equal(before, recordsOf(t, tablet)) {
		t.Error("a bundle made before the removal changed the tablet")
	}
	if c := counts(t, tablet); c["patients"] != 0 || c["plans"] != 0 || c["pam assessments"] != 0 {
		t.Errorf("the person's records came back after the removal: %v", c)
	}
}

func TestLateAcknowledgementAfterARemovalDoesNotShortenTheNextBundle(t *testing.T) {
	hub, clock := newTestStore(t)
	p, _ := agreedOn(t, hub, clock, 27)
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	// The first bundle is imported, but its acknowledgement stays in a bag for a while.
	var lateAck bytes.Buffer
	if _, err := tablet.ImportBundle(bytes.NewReader(bundleFor(t, hub, tablet)), &lateAck, nil); err != nil {
		t.Fatal(err)
	}
	clock.Set(clock.Now().Add(time.Hour))
	withdraw(t, hub, p.ID, careplan.NewDate(2026, 3, 3))
	carry(t, hub, tablet)
	clock.Set(clock.Now().Add(24 * time.Hour))
	decideJoin(t, hub, p.ID, careplan.ConsentGiven, careplan.NewDate(2026, 3, 4))
	if _, err := hub.ImportBundle(bytes.NewReader(lateAck.Bytes()), nil, nil); err != nil {
		t.Fatalf("the late acknowledgement: %v", err)
	}
	carry(t, hub, tablet)
	if c := counts(t, tablet); c["patients"] != 1 || c["plans"] != 1 {
		t.Errorf("after consent was given again the tablet holds %v, want the patient and their agreed plan", c)
	}
}

func TestOldBundleOnATabletKeepsTheNewerAgreedPlan(t *testing.T) {
	hub, clock := newTestStore(t)
	p, plan := agreedOn(t, hub, clock, 28)
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	old := bundleFor(t, hub, tablet) // version 1, never imported: it sits on a USB stick
	clock.Set(clock.Now().Add(24 * time.Hour))
	next := plan.NextDraft("")
	next.ID = ""
	next.AboutMe = "Version two words"
	if err := next.Agree("Sam Green", clock.Now(), careplan.DateOf(clock.Now()), 3); err != nil {
		t.Fatal(err)
	}
	if err := hub.SavePlan(&next); err != nil {
		t.Fatal(err)
	}
	carry(t, hub, tablet)
	if _, err := tablet.ImportBundle(bytes.NewReader(old), nil, nil); err != nil {
		t.Fatalf("the old bundle: %v", err)
	}
	if got := latestPlan(t, tablet, p.ID); got.Version != 2 || got.AboutMe != "Version two words" {
		t.Errorf("after the old bundle the tablet shows version %d %q, want version 2", got.Version, got.AboutMe)
	}
	counts(t, tablet)
}
