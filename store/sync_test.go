package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/myplan"
	"carehub/store/bundle"
)

// pair makes two stores know each other's device cards.
func pair(t *testing.T, a, b *Store) {
	t.Helper()
	for _, p := range [][2]*Store{{a, b}, {b, a}} {
		card, err := p[1].DeviceCard()
		if err != nil {
			t.Fatalf("DeviceCard: %v", err)
		}
		if err := p[0].AddPeer(card); err != nil {
			t.Fatalf("AddPeer: %v", err)
		}
	}
}

// bundleFor makes a bundle on from for to.
func bundleFor(t *testing.T, from, to *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := from.ExportBundle(&buf, to.origin, nil); err != nil {
		t.Fatalf("ExportBundle: %v", err)
	}
	return buf.Bytes()
}

// carry takes a bundle from one store to the other and its acknowledgement back.
func carry(t *testing.T, from, to *Store) ImportResult {
	t.Helper()
	var ack bytes.Buffer
	res, err := to.ImportBundle(bytes.NewReader(bundleFor(t, from, to)), &ack, nil)
	if err != nil {
		t.Fatalf("ImportBundle: %v", err)
	}
	if _, err := from.ImportBundle(bytes.NewReader(ack.Bytes()), nil, nil); err != nil {
		t.Fatalf("importing the acknowledgement: %v", err)
	}
	return res
}

// enrolled saves an active patient who has consented to join, with a draft plan.
func enrolled(t *testing.T, s *Store, i int) (careplan.Patient, careplan.Plan) {
	t.Helper()
	p := testPatient("Siân", "O'Brien", testNHSNumber(i))
	p.Status = careplan.StatusActive
	p.Consent = []careplan.ConsentRecord{{Scope: careplan.ConsentToJoin, Decision: careplan.ConsentGiven, On: careplan.NewDate(2026, 1, 10), RecordedBy: "Sam Green"}}
	if err := s.SavePatient(&p); err != nil {
		t.Fatalf("SavePatient: %v", err)
	}
	plan := testPlan(p.ID)
	plan.Goals[0].ID = "goal-1"
	plan.Goals[0].Actions[0].ID = "action-1"
	if err := s.SavePlan(&plan); err != nil {
		t.Fatalf("SavePlan: %v", err)
	}
	return p, plan
}

// agreedOn enrols someone on hub with a plan agreed now, as a tablet's patient usually is.
func agreedOn(t *testing.T, hub *Store, clock *testClock, i int) (careplan.Patient, careplan.Plan) {
	t.Helper()
	p, plan := enrolled(t, hub, i)
	if err := plan.Agree("Sam Green", clock.Now(), careplan.DateOf(clock.Now()), 3); err != nil {
		t.Fatal(err)
	}
	if err := hub.SavePlan(&plan); err != nil {
		t.Fatalf("agreeing: %v", err)
	}
	return p, plan
}

func latestPlan(t *testing.T, s *Store, patientID string) careplan.Plan {
	t.Helper()
	plans, err := s.Plans(patientID)
	if err != nil || len(plans) == 0 {
		t.Fatalf("Plans: %v (%d)", err, len(plans))
	}
	return plans[len(plans)-1]
}

func TestHubLaptopsMergeDifferentFieldsAndKeepBothOfTheSameField(t *testing.T) {
	a, clock := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	p, plan := enrolled(t, a, 1)
	if res := carry(t, a, b); res.New != 2 {
		t.Fatalf("first bundle: %+v, want the patient and the plan new", res)
	}
	// A adds a goal while B rewrites the contingency plan: both survive.
	clock.Set(clock.Now().Add(time.Minute))
	onA := latestPlan(t, a, p.ID)
	onA.Goals = append(onA.Goals, careplan.Goal{ID: "goal-2", Domain: careplan.DomainSocial, InMyWords: "See my grandchildren", Importance: careplan.Score(9), Confidence: careplan.Score(6)})
	if err := a.SavePlan(&onA); err != nil {
		t.Fatal(err)
	}
	onB := latestPlan(t, b, p.ID)
	onB.Contingency.Red.WhoToCall = "Call 999"
	if err := b.SavePlan(&onB); err != nil {
		t.Fatal(err)
	}
	carry(t, b, a)
	carry(t, a, b)
	for name, s := range map[string]*Store{"A": a, "B": b} {
		got := latestPlan(t, s, p.ID)
		if len(got.Goals) != 2 || got.Contingency.Red.WhoToCall != "Call 999" {
			t.Errorf("%s after merging: %d goals, red %q; want both edits", name, len(got.Goals), got.Contingency.Red.WhoToCall)
		}
		if cs, _ := s.Conflicts(); len(cs) != 0 {
			t.Errorf("%s: %d conflicts from edits to different fields", name, len(cs))
		}
	}

	// Both change the same action's due date: a conflict on both laptops, both dates kept.
	onA, onB = latestPlan(t, a, p.ID), latestPlan(t, b, p.ID)
	onA.Goals[0].Actions[0].Due = careplan.NewDate(2026, 4, 1)
	onB.Goals[0].Actions[0].Due = careplan.NewDate(2026, 5, 1)
	if err := a.SavePlan(&onA); err != nil {
		t.Fatal(err)
	}
	if err := b.SavePlan(&onB); err != nil {
		t.Fatal(err)
	}
	if res := carry(t, a, b); res.Conflicts != 1 || res.Merged != 1 {
		t.Fatalf("B importing A's edit: %+v, want one merged record with a conflict", res)
	}
	carry(t, b, a)
	for name, s := range map[string]*Store{"A": a, "B": b} {
		cs, err := s.Conflicts()
		if err != nil || len(cs) != 1 {
			t.Fatalf("%s: conflicts %v %d, want 1", name, err, len(cs))
		}
		c := cs[0]
		if c.RecordID != plan.ID || c.PatientID != p.ID || strings.Join(c.Fields, ",") != "goals" {
			t.Errorf("%s: conflict %+v", name, c)
		}
		both := string(c.Ours.Values["goals"]) + string(c.Theirs.Values["goals"])
		if !strings.Contains(both, "2026-04-01") || !strings.Contains(both, "2026-05-01") {
			t.Errorf("%s: a due date was lost: %s", name, both)
		}
	}
	if da, db := latestPlan(t, a, p.ID).Goals[0].Actions[0].Due, latestPlan(t, b, p.ID).Goals[0].Actions[0].Due; da != db {
		t.Errorf("the laptops disagree while the conflict is open: %v and %v", da, db)
	}

	// A coordinator on A keeps A's date; B takes the resolution and its conflict closes.
	cs, _ := a.Conflicts()
	keepTheirs := !strings.Contains(string(cs[0].Ours.Values["goals"]), "2026-04-01")
	if err := a.ResolveConflict(plan.ID, map[string]bool{"goals": keepTheirs}); err != nil {
		t.Fatalf("ResolveConflict: %v", err)
	}
	carry(t, a, b)
	for name, s := range map[string]*Store{"A": a, "B": b} {
		if got := latestPlan(t, s, p.ID).Goals[0].Actions[0].Due; got != careplan.NewDate(2026, 4, 1) {
			t.Errorf("%s: due %v after resolving, want 1 April", name, got)
		}
		if cs, _ := s.Conflicts(); len(cs) != 0 {
			t.Errorf("%s: %d conflicts still open after resolving", name, len(cs))
		}
		counts(t, s)
	}
}

func TestHubAndTabletBothEditsSurvive(t *testing.T) {
	hub, clock := newTestStore(t)
	p, plan := agreedOn(t, hub, clock, 2)
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	if res := carry(t, hub, tablet); res.New < 2 {
		t.Fatalf("tablet's first bundle: %+v", res)
	}
	// The patient checks in on their goal on the tablet; meanwhile the hub edits the plan.
	check := myplan.CheckIn{PatientID: p.ID, GoalID: "goal-1", Scale: myplan.ScaleHigh, Note: "walked to the shop"}
	if err := tablet.SaveCheckIn(&check); err != nil {
		t.Fatalf("SaveCheckIn: %v", err)
	}
	draft := plan.NextDraft("")
	draft.ID = ""
	draft.Contingency.Amber.WhoICall = "Ring the key worker"
	if err := hub.SavePlan(&draft); err != nil {
		t.Fatal(err)
	}
	if res := carry(t, tablet, hub); res.CheckIns != 1 {
		t.Fatalf("hub importing the tablet's bundle: %+v, want 1 check-in", res)
	}
	got, err := hub.CheckIns(p.ID)
	if err != nil || len(got) != 1 || got[0].Note != "walked to the shop" {
		t.Errorf("hub check-ins %v %+v", err, got)
	}
	if d := latestPlan(t, hub, p.ID); d.Contingency.Amber.WhoICall != "Ring the key worker" {
		t.Errorf("hub's own edit lost: %+v", d.Contingency)
	}
	// The draft never reaches the tablet; the next agreed version does.
	carry(t, hub, tablet)
	if plans, _ := tablet.Plans(p.ID); len(plans) != 1 || plans[0].State != careplan.PlanAgreed {
		t.Errorf("tablet holds %d plans; want only the agreed one", len(plans))
	}
	// Importing the same bundle twice changes nothing.
	b := bundleFor(t, hub, tablet)
	if _, err := tablet.ImportBundle(bytes.NewReader(b), nil, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, tablet)
	res, err := tablet.ImportBundle(bytes.NewReader(b), nil, nil)
	if err != nil || !res.AlreadyImported || !bytes.Equal(before, snapshot(t, tablet)) {
		t.Errorf("second import of one bundle: %+v %v, file changed %v", res, err, !bytes.Equal(before, snapshot(t, tablet)))
	}
	counts(t, hub)
	counts(t, tablet)
}

func TestWithdrawnPatientIsWipedFromTheTablet(t *testing.T) {
	hub, _ := newTestStore(t)
	p, plan := enrolled(t, hub, 3)
	if err := plan.Agree("Sam Green", time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC), careplan.NewDate(2026, 3, 3), 3); err != nil {
		t.Fatal(err)
	}
	if err := hub.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	if err := hub.SaveAssessment(ptr(testAssessment(p.ID))); err != nil {
		t.Fatal(err)
	}
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	carry(t, hub, tablet)
	check := myplan.CheckIn{PatientID: p.ID, GoalID: "goal-1", Scale: myplan.ScaleLow}
	if err := tablet.SaveCheckIn(&check); err != nil {
		t.Fatal(err)
	}
	if c := counts(t, tablet); c["patients"] != 1 || c["plans"] != 1 || c["pam assessments"] != 1 {
		t.Fatalf("tablet before withdrawal: %v", c)
	}
	withdraw(t, hub, p.ID, careplan.NewDate(2026, 3, 3))
	res := carry(t, hub, tablet)
	if !res.Removed {
		t.Fatalf("the bundle after withdrawal did not remove the patient: %+v", res)
	}
	c := counts(t, tablet)
	for _, kind := range []string{"patients", "plans", "pam assessments", "staff", "outcomes"} {
		if c[kind] != 0 {
			t.Errorf("tablet still holds %d %s after withdrawal", c[kind], kind)
		}
	}
	if ins, _ := tablet.CheckIns(p.ID); len(ins) != 0 {
		t.Errorf("tablet still holds %d check-ins", len(ins))
	}
	if _, err := tablet.Patient(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("tablet reading the patient after removal: %v", err)
	}
}

func TestBadBundlesAreRefusedAndChangeNothing(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	c, _ := newTestStore(t)
	stranger, _ := newTestStore(t)
	pair(t, a, b)
	pair(t, a, c)
	enrolled(t, a, 4)
	enrolled(t, stranger, 6)
	good := bundleFor(t, a, b)

	truncated := good[:len(good)-40]
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 1
	cases := map[string]struct {
		store *Store
		data  []byte
		want  error
	}{
		"for another device":     {c, good, bundle.ErrOtherDevice},
		"from an unknown device": {b, bundleForStore(t, stranger, b), bundle.ErrUnknownDevice},
		"with a bad signature":   {b, bundleFor(t, a, b), bundle.ErrBadSignature},
		"truncated":              {b, truncated, nil},
		"one byte altered":       {b, flipped, nil},
		"not a bundle":           {b, []byte("hello"), bundle.ErrNotBundle},
	}
	// b holds a's card with another signing key, as if a's bundle had been signed by someone else.
	other, _ := newTestStore(t)
	forged, err := other.DeviceCard()
	if err != nil {
		t.Fatal(err)
	}
	aCard, _ := a.DeviceCard()
	aCard.Sign = forged.Sign
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if name == "with a bad signature" {
				swapPeerCard(t, b, aCard)
				defer func() { real, _ := a.DeviceCard(); swapPeerCard(t, b, real) }()
			}
			before := recordsOf(t, tc.store)
			_, err := tc.store.ImportBundle(bytes.NewReader(tc.data), nil, nil)
			if err == nil {
				t.Fatal("a bad bundle was imported")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the reason is more than one line: %q", err)
			}
			if after := recordsOf(t, tc.store); !bytes.Equal(before, after) {
				t.Error("a refused bundle changed the store's records")
			}
		})
	}
	// The good bundle still imports afterwards.
	if _, err := b.ImportBundle(bytes.NewReader(good), nil, nil); err != nil {
		t.Errorf("the good bundle after the bad ones: %v", err)
	}
}

// swapPeerCard replaces a paired device's card behind AddPeer's back, and forgets its
// checkpoint so the next bundle for it carries everything it may hold.
func swapPeerCard(t *testing.T, s *Store, c bundle.Card) {
	t.Helper()
	err := s.update(func(w *writer) error {
		rec, _, err := w.peer(c.Device)
		if err != nil {
			return err
		}
		rec.Card, rec.Acked = c, 0
		return w.putPeer(rec)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// bundleForStore makes a bundle on from for to without to knowing from.
func bundleForStore(t *testing.T, from, to *Store) []byte {
	t.Helper()
	card, err := to.DeviceCard()
	if err != nil {
		t.Fatal(err)
	}
	if err := from.AddPeer(card); err != nil {
		t.Fatal(err)
	}
	return bundleFor(t, from, to)
}

// recordsOf is every record bucket's keys and values, to show a refused bundle left them alone.
func recordsOf(t *testing.T, s *Store) []byte {
	t.Helper()
	var out bytes.Buffer
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, name := range []string{bucketPatients, bucketPlans, bucketAssessments, bucketStaff, bucketOutcomes,
			bucketContacts, bucketCheckIns, bucketCaseload, bucketNHSIndex, bucketChanges, bucketConflicts} {
			if err := tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				out.Write(k)
				out.Write(v)
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestOldBundleDoesNotRollBack(t *testing.T) {
	a, clock := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	p, _ := enrolled(t, a, 5)
	old := bundleFor(t, a, b)
	clock.Set(clock.Now().Add(time.Hour))
	onA := latestPlan(t, a, p.ID)
	onA.AboutMe = "Newer words"
	if err := a.SavePlan(&onA); err != nil {
		t.Fatal(err)
	}
	carry(t, a, b)
	res, err := b.ImportBundle(bytes.NewReader(old), nil, nil)
	if err != nil {
		t.Fatalf("old bundle: %v", err)
	}
	if res.Unchanged == 0 || latestPlan(t, b, p.ID).AboutMe != "Newer words" {
		t.Errorf("an old bundle rolled the plan back: %+v, about me %q", res, latestPlan(t, b, p.ID).AboutMe)
	}
}

// newTabletStore makes an empty store whose only account is the patient's, as tablet-setup does.
func newTabletStore(t *testing.T, patientID string) *Store {
	t.Helper()
	c := newTestClock()
	owner := access.User{Name: "Siân O'Brien", Role: access.Patient, PatientID: patientID}
	s, err := Create(filepath.Join(t.TempDir(), "tablet.carehub"), "tablet pass", Options{Now: c.Now, KDF: cheapKDF(), Owner: &owner})
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, s)
	return s
}

func ptr[T any](v T) *T { return &v }

func TestTabletTakesOnlyItsOwnPatientAndGetsEachNewAgreedVersion(t *testing.T) {
	hub, clock := newTestStore(t)
	p, plan := enrolled(t, hub, 7)
	other, _ := enrolled(t, hub, 8)
	if err := plan.Agree("Sam Green", clock.Now(), careplan.DateOf(clock.Now()), 2); err != nil {
		t.Fatal(err)
	}
	if err := hub.SavePlan(&plan); err != nil {
		t.Fatal(err)
	}
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	carry(t, hub, tablet)
	if c := counts(t, tablet); c["patients"] != 1 {
		t.Fatalf("tablet holds %d patients", c["patients"])
	}
	if _, err := tablet.Patient(other.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("another patient reached the tablet: %v", err)
	}
	tabCard, _ := tablet.DeviceCard()
	if n, err := hub.ChangesWaiting(tabCard.Device); err != nil || n != 0 {
		t.Errorf("changes waiting after the acknowledgement: %d %v", n, err)
	}

	// A new agreed version reaches the tablet with the next bundle; the draft before it never does.
	clock.Set(clock.Now().Add(24 * time.Hour))
	next := plan.NextDraft("")
	next.ID = ""
	next.AboutMe = "Version two words"
	if err := hub.SavePlan(&next); err != nil {
		t.Fatal(err)
	}
	if n, _ := hub.ChangesWaiting(tabCard.Device); n != 0 {
		t.Errorf("a draft counts as waiting for the tablet: %d", n)
	}
	if err := next.Agree("Sam Green", clock.Now(), careplan.DateOf(clock.Now()), 3); err != nil {
		t.Fatal(err)
	}
	if err := hub.SavePlan(&next); err != nil {
		t.Fatal(err)
	}
	carry(t, hub, tablet)
	if got := latestPlan(t, tablet, p.ID); got.Version != 2 || got.AboutMe != "Version two words" || got.State != careplan.PlanAgreed {
		t.Errorf("tablet's plan after the second agreement: version %d %q %s", got.Version, got.AboutMe, got.State)
	}

	// A hub that (wrongly) sends another person's records to this tablet is refused whole.
	wrong, _ := tablet.DeviceCard()
	wrong.Patient = other.ID
	swapPeerCard(t, hub, wrong)
	before := recordsOf(t, tablet)
	if _, err := tablet.ImportBundle(bytes.NewReader(bundleFor(t, hub, tablet)), nil, nil); !errors.Is(err, ErrWrongPatientBundle) {
		t.Errorf("another patient's bundle: %v", err)
	}
	if !bytes.Equal(before, recordsOf(t, tablet)) {
		t.Error("a refused bundle changed the tablet")
	}
}

func TestHubRefusesRecordsFromATablet(t *testing.T) {
	hub, _ := newTestStore(t)
	p, _ := enrolled(t, hub, 9)
	impostor, _ := newTestStore(t)
	enrolled(t, impostor, 10)
	pair(t, hub, impostor)
	card, _ := impostor.DeviceCard()
	card.Role, card.Patient = bundle.RoleTablet, p.ID
	swapPeerCard(t, hub, card) // the hub thinks it is p's tablet
	before := recordsOf(t, hub)
	if _, err := hub.ImportBundle(bytes.NewReader(bundleFor(t, impostor, hub)), nil, nil); !errors.Is(err, ErrTabletSentRecords) {
		t.Errorf("records from a tablet: %v", err)
	}
	if !bytes.Equal(before, recordsOf(t, hub)) {
		t.Error("a refused bundle changed the hub")
	}
}

func TestDischargeRemovesThePatientFromTheTablet(t *testing.T) {
	hub, _ := newTestStore(t)
	p, _ := enrolled(t, hub, 11)
	tablet := newTabletStore(t, p.ID)
	pair(t, hub, tablet)
	carry(t, hub, tablet)
	p.Status = careplan.StatusDischarged
	if err := hub.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	if res := carry(t, hub, tablet); !res.Removed {
		t.Fatalf("discharge did not remove the patient from the tablet: %+v", res)
	}
	if c := counts(t, tablet); c["patients"] != 0 || c["plans"] != 0 {
		t.Errorf("tablet after discharge: %v", c)
	}
}

func TestSamePersonEnrolledOnTwoLaptopsIsRefusedClearly(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	enrolled(t, a, 12)
	enrolled(t, b, 12) // the same NHS number, another record
	before := recordsOf(t, b)
	_, err := b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), nil, nil)
	if !errors.Is(err, ErrEnrolledTwice) {
		t.Fatalf("importing the same person under another record: %v", err)
	}
	if !bytes.Equal(before, recordsOf(t, b)) {
		t.Error("the refused bundle changed the store")
	}
}
