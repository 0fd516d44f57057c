package service

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/store"
	"carehub/store/bundle"
)

// tabletRound is a hub and a tablet set up from it with SetUpTablet, both open as the desktop
// app would have them: the hub as its coordinator, the tablet as the patient.
type tabletRound struct {
	hub, tab   *store.Store
	patient    string // the patient's record id
	tabletID   bundle.Card
	plans      *Plans  // the hub's
	tablet     *Tablet // the tablet's screen
	tabletSync *TabletSync
	dir        string // where the files are carried
}

// newTabletRound picks someone who may have a tablet and has an agreed plan, and sets up
// their tablet.
func newTabletRound(t *testing.T) *tabletRound {
	t.Helper()
	h := newTabletHub(t)
	setup := h.signIn(t, catPW)
	hub, err := h.v.Store()
	if err != nil {
		t.Fatal(err)
	}
	r := &tabletRound{hub: hub, dir: t.TempDir(), plans: servicesOn(h.v.Store).Plans}
	rows, err := hub.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		p, _ := hub.Patient(row.PatientID)
		versions, _ := hub.Plans(row.PatientID)
		if _, ok := careplan.LatestAgreed(versions); ok && careplan.TabletEligible(p) {
			r.patient = p.ID
			break
		}
	}
	if r.patient == "" {
		t.Fatal("no demo person may have a tablet and has an agreed plan")
	}
	out := filepath.Join(t.TempDir(), "tablet.carehub")
	if err := setup.SetUpTablet(r.patient, out, "tablet passphrase"); err != nil {
		t.Fatal(err)
	}
	tv := NewVault(out, fixedNow, servicetest.CheapKDF)
	t.Cleanup(func() {
		tv.Close()
		servicetest.CheckBolt(t, out)
	})
	if err := tv.Open("tablet passphrase"); err != nil {
		t.Fatal(err)
	}
	if r.tab, err = tv.Store(); err != nil {
		t.Fatal(err)
	}
	if r.tabletID, err = r.tab.DeviceCard(); err != nil {
		t.Fatal(err)
	}
	r.tablet = servicesOn(tv.Store).Tablet
	r.tabletSync = servicesOn(tv.Store).TabletSync
	return r
}

// bundleForTablet is what the coordinator's Make bundle… writes for the tablet.
func (r *tabletRound) bundleForTablet(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(r.dir, name)
	if _, err := exportSyncBundle(r.hub, r.tabletID.Device, path, nil); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTabletCheckInsReachTheHub: a check-in saved on the tablet goes to the hub in the file
// the patient saves, and the hub's plans service returns it; the hub's acknowledgement, taken
// back to the tablet, is understood as such.
func TestTabletCheckInsReachTheHub(t *testing.T) {
	r := newTabletRound(t)
	view, err := r.tablet.MyPlan()
	if err != nil || len(view.Goals) == 0 {
		t.Fatalf("the tablet's plan: %+v, %v", view, err)
	}
	c := myplan.CheckIn{GoalID: view.Goals[0].ID, Scale: 4, Note: "Walked to the gate twice"}
	if err := r.tablet.SaveCheckIn(&c); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(r.dir, "carehub-checkins-20261123.chb")
	n, err := r.tabletSync.SendCheckIns(out, nil)
	if err != nil || n != 1 {
		t.Fatalf("SendCheckIns: %d, %v", n, err)
	}
	res, err := importSyncFile(r.hub, out, AckPathFor(out), nil)
	if err != nil || res.CheckIns != 1 {
		t.Fatalf("the hub importing the check-ins: %+v, %v", res, err)
	}
	got, err := r.plans.CheckIns(r.patient)
	if err != nil || len(got) != 1 || got[0].ID != c.ID || got[0].GoalID != c.GoalID || got[0].Note != c.Note || got[0].Scale != 4 {
		t.Fatalf("the hub's check-ins: %+v, %v", got, err)
	}

	upd, err := r.tabletSync.UpdateFromFile(AckPathFor(out), nil)
	if err != nil || upd.Outcome != myplan.CheckInsReceived || upd.AckPath != "" {
		t.Errorf("the hub's acknowledgement on the tablet: %+v, %v", upd, err)
	}
}

// TestTabletTakesNewPlanVersion: the stale-plan control. A version agreed on the hub after
// the tablet was set up reaches it through the patient's "Update my plan from a file…".
func TestTabletTakesNewPlanVersion(t *testing.T) {
	r := newTabletRound(t)
	first := r.bundleForTablet(t, "nothing-new.chb")
	upd, err := r.tabletSync.UpdateFromFile(first, nil)
	if err != nil || upd.Outcome != myplan.PlanUpToDate || upd.AckPath != AckPathFor(first) {
		t.Fatalf("a bundle with nothing new: %+v, %v", upd, err)
	}

	hubSync := servicesOn(On(r.hub)).Sync
	if _, err := importSyncFile(r.hub, upd.AckPath, AckPathFor(upd.AckPath), nil); err != nil {
		t.Fatal(err)
	}
	if got, err := hubSync.TabletOf(r.patient); err != nil || !got.Paired || got.Waiting != 0 || got.LastAcked.IsZero() {
		t.Fatalf("the summary's tablet line after a round trip: %+v, %v", got, err)
	}

	versions, err := r.hub.Plans(r.patient)
	if err != nil {
		t.Fatal(err)
	}
	agreed, _ := careplan.LatestAgreed(versions)
	today := careplan.DateOf(fixedNow())
	draft := agreed.NextDraft("")
	draft.AboutMe = "Written at the review on the hub"
	draft.ReviewDate = today.AddMonths(3)
	if err := r.plans.SavePlan(&draft); err != nil {
		t.Fatal(err)
	}
	if got, _ := hubSync.TabletOf(r.patient); got.Waiting != 0 {
		t.Errorf("a draft, which never goes to the tablet, counted as waiting for it: %+v", got)
	}
	if err := r.plans.AgreePlan(&draft, "Cat Coordinator", today); err != nil {
		t.Fatal(err)
	}
	if got, _ := hubSync.TabletOf(r.patient); got.Waiting == 0 {
		t.Errorf("the newly agreed version is not shown as waiting for the tablet: %+v", got)
	}
	if got, _ := hubSync.TabletOf(other(t, r.hub, r.patient)); got.Paired {
		t.Errorf("someone without a tablet is shown one: %+v", got)
	}
	path := r.bundleForTablet(t, "new-version.chb")
	upd, err = r.tabletSync.UpdateFromFile(path, nil)
	if err != nil || upd.Outcome != myplan.PlanUpdated {
		t.Fatalf("the new version: %+v, %v", upd, err)
	}
	if _, err := os.Stat(upd.AckPath); err != nil {
		t.Errorf("no acknowledgement to give back: %v", err)
	}
	view, err := r.tablet.MyPlan()
	if err != nil || view.AboutMe != "Written at the review on the hub" || view.Review != draft.ReviewDate {
		t.Errorf("the tablet still shows the old plan: about me %q, review %v (%v)", view.AboutMe, view.Review, err)
	}
	if _, err := importSyncFile(r.hub, upd.AckPath, AckPathFor(upd.AckPath), nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := hubSync.TabletOf(r.patient); got.Waiting != 0 {
		t.Errorf("the tablet acknowledged the new version but the hub still counts %+v", got)
	}
}

// TestTabletAfterConsentWithdrawn: the hub's next bundle wipes the tablet, which then says
// its plan is no longer kept there rather than failing or showing the old plan.
func TestTabletAfterConsentWithdrawn(t *testing.T) {
	r := newTabletRound(t)
	view, _ := r.tablet.MyPlan()
	if err := r.tablet.SaveCheckIn(&myplan.CheckIn{GoalID: view.Goals[0].ID, Scale: 2}); err != nil {
		t.Fatal(err)
	}
	p, err := r.hub.Patient(r.patient)
	if err != nil {
		t.Fatal(err)
	}
	p.Consent = append(p.Consent, careplan.ConsentRecord{Scope: careplan.ConsentToJoin,
		Decision: careplan.ConsentWithdrawn, On: careplan.DateOf(fixedNow()), RecordedBy: "Cat Coordinator"})
	if err := r.hub.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	upd, err := r.tabletSync.UpdateFromFile(r.bundleForTablet(t, "removal.chb"), nil)
	if err != nil || upd.Outcome != myplan.PlanRemoved {
		t.Fatalf("the removal: %+v, %v", upd, err)
	}
	if _, err := r.tablet.MyPlan(); !errors.Is(err, myplan.ErrPlanNotHere) {
		t.Errorf("MyPlan after removal: %v", err)
	}
	report, err := r.tab.Check()
	if err != nil || !report.OK() {
		t.Fatalf("check: %+v, %v", report, err)
	}
	counted := map[string]int{}
	for _, c := range report.Counts {
		counted[c.Kind] = c.Count
	}
	for _, kind := range []string{"patients", "plans", "pam assessments", "staff", "outcomes"} {
		if n, ok := counted[kind]; !ok || n != 0 {
			t.Errorf("the tablet still holds %d %s (counted: %v)", n, kind, ok)
		}
	}
	if left, _ := r.tab.CheckIns(r.patient); len(left) != 0 {
		t.Errorf("the tablet still holds %d check-ins", len(left))
	}
	// Nothing is left to send, and sending says so rather than failing.
	if n, err := r.tabletSync.SendCheckIns(filepath.Join(r.dir, "after.chb"), nil); err != nil || n != 0 {
		t.Errorf("sending after removal: %d, %v", n, err)
	}
}

// The file buttons are the patient's: a hub account gets no bundle from them.
func TestTabletSyncRefusesHubAccounts(t *testing.T) {
	r := newTabletRound(t)
	hubSide := servicesOn(On(r.hub)).TabletSync
	if _, err := hubSide.SendCheckIns(filepath.Join(r.dir, "x.chb"), nil); err == nil {
		t.Error("a coordinator sent check-ins through the tablet's button")
	}
}
