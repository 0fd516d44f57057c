package app

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/outcomes"
	"carehub/store"
	"carehub/test/fhirserver"
)

// pushStore is a demo store of n people, closed, at its path.
func pushStore(t *testing.T, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hub.db")
	st, err := store.Create(db, "pw-for-tests", store.Options{Now: fixedNow, User: "test",
		KDF: &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if err := services(Env{Now: fixedNow}, st).Demo.Load(3, n, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Cleanup(func() { servicetest.CheckBolt(t, db) })
	return db
}

// published is who a push should publish: consenting to share with professionals, an agreed
// plan, and still with the hub; with how many loneliness records each has.
type publishedPerson struct {
	id, nhs    string
	loneliness int
}

func shouldPublish(t *testing.T, db string) []publishedPerson {
	t.Helper()
	st := openFHIRStore(t, db)
	defer st.Close()
	var out []publishedPerson
	err := st.EachPatient(func(r store.PatientRecords) error {
		p := r.Patient
		if !careplan.HasConsent(p.Consent, careplan.ConsentToShareProfessionals) || !p.Status.Open() ||
			r.Plan == nil || r.Plan.State != careplan.PlanAgreed {
			return nil
		}
		pp := publishedPerson{id: p.ID, nhs: string(p.NHSNumber)}
		for _, o := range r.Outcomes {
			if o.Measure == outcomes.MeasureLoneliness {
				pp.loneliness++
			}
		}
		out = append(out, pp)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func push(t *testing.T, db, server string, extra ...string) (int, string, string) {
	t.Helper()
	return run(t, "pw-for-tests", append([]string{"fhir", "push", "--db", db, "--server", server, "--retry-wait", "10ms"}, extra...)...)
}

// One push of a demo hub is accepted whole, and searching the server back finds each person
// who should be there, their plan and their measures; a second push sends nothing; a new
// agreed version moves the server copy's version; a copy changed on the server is reported,
// not overwritten; a withdrawal of consent deletes what was published.
func TestFHIRPushToALocalServer(t *testing.T) {
	base := fhirserver.Start(t)
	db := pushStore(t, 60)
	want := shouldPublish(t, db)
	if len(want) < 5 {
		t.Fatalf("only %d people to publish: the demo does not test the push", len(want))
	}

	code, stdout, stderr := push(t, db, base)
	if code != 0 {
		t.Fatalf("first push: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "60 people examined, "+itoa(len(want))+" published") {
		t.Errorf("first push: %s", stdout)
	}
	_, check, _ := run(t, "pw-for-tests", "check", "--db", db)
	if !strings.Contains(check, "patients") || !strings.Contains(check, "ok") {
		t.Fatalf("check: %s", check)
	}
	if got := len(fhirserver.Search(t, base, "Patient?_count=1000")); got != len(want) {
		t.Errorf("%d Patients on the server, %d people publishable", got, len(want))
	}
	lonely := 0
	plans := map[string]string{} // patient id -> server CarePlan id
	for _, p := range want {
		pts := fhirserver.Search(t, base, fhirserver.ByNHS(p.nhs))
		if len(pts) != 1 {
			t.Fatalf("%s: %d Patients by NHS number", p.nhs, len(pts))
		}
		sid := pts[0]["id"].(string)
		cps := fhirserver.Search(t, base, "CarePlan?subject=Patient/"+sid)
		if len(cps) != 1 || cps[0]["status"] != "active" {
			t.Fatalf("%s: CarePlans %v", p.nhs, cps)
		}
		plans[p.id] = cps[0]["id"].(string)
		lonely += p.loneliness
	}
	if got := len(fhirserver.Search(t, base, "Observation?_count=1000&code="+fhirserver.Query("http://loinc.org|106418-7"))); got != lonely || lonely == 0 {
		t.Errorf("%d loneliness Observations by code, %d recorded for the people published", got, lonely)
	}

	code, stdout, _ = push(t, db, base)
	if code != 0 || !strings.Contains(stdout, "0 people examined") || !strings.Contains(stdout, "0 resources sent") {
		t.Errorf("a second push with no change sent something: %s", stdout)
	}

	// A new agreed version of one person's plan updates the server's CarePlan: version moves.
	edited := want[0]
	before := fhirserver.Search(t, base, "CarePlan/"+plans[edited.id]+"/_history")
	agreeNewVersion(t, db, edited.id, "Seeing my granddaughter graduate")
	code, stdout, _ = push(t, db, base)
	if code != 0 || !strings.Contains(stdout, "1 updated") {
		t.Fatalf("after a new version: %s", stdout)
	}
	cp := fhirserver.Search(t, base, "CarePlan?_id="+plans[edited.id])[0]
	if cp["description"] != "Seeing my granddaughter graduate" || len(fhirserver.Search(t, base, "CarePlan/"+plans[edited.id]+"/_history")) != len(before)+1 {
		t.Errorf("the server's CarePlan was not updated to a new version: %v", cp["description"])
	}

	// Someone else changes the plan on the server; carehub's next version is refused (412)
	// and reported for that person, and the server keeps the other system's copy.
	cp["description"] = "Changed by the GP system"
	fhirserver.Put(t, base, cp)
	agreeNewVersion(t, db, edited.id, "carehub's own next version")
	code, stdout, stderr = push(t, db, base)
	if code == 0 || !strings.Contains(stdout, "not published: NHS number") || !strings.Contains(stdout, "changed by someone else") ||
		!strings.Contains(stdout, "1 conflicts") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("a stale version: exit %d\n%s%s", code, stdout, stderr)
	}
	if got := fhirserver.Search(t, base, "CarePlan?_id="+plans[edited.id])[0]["description"]; got != "Changed by the GP system" {
		t.Errorf("the server's copy was overwritten: %v", got)
	}

	// A withdrawal of consent to share retracts what was published.
	gone := want[1]
	withdrawConsent(t, db, gone.id)
	code, stdout, _ = push(t, db, base)
	if !strings.Contains(stdout, "1 retracted") {
		t.Errorf("after a withdrawal (exit %d): %s", code, stdout)
	}
	if pts := fhirserver.Search(t, base, fhirserver.ByNHS(gone.nhs)); len(pts) != 0 {
		t.Errorf("the withdrawn person's Patient is still on the server: %v", pts)
	}
	if left := fhirserver.Search(t, base, "CarePlan?_id="+plans[gone.id]); len(left) != 0 {
		t.Errorf("the withdrawn person's CarePlan is still on the server")
	}
	checkPushAudited(t, db)
}

// The server down: one clear line, and nothing marked as sent, so the next push sends it all.
func TestFHIRPushServerDown(t *testing.T) {
	db := pushStore(t, 20)
	down := fhirserver.Down(t)
	code, stdout, stderr := push(t, db, down, "--tries", "2")
	if code != 1 || !strings.Contains(stderr, "cannot be reached") || !strings.Contains(stderr, "nothing unsent was marked as sent") {
		t.Errorf("server down: exit %d\n%s%s", code, stdout, stderr)
	}
	if lines := strings.Split(strings.TrimSpace(stderr), "\n"); !strings.HasPrefix(lines[len(lines)-1], "carehub: ") {
		t.Errorf("last line %q", lines[len(lines)-1])
	}
	st := openFHIRStore(t, db)
	defer st.Close()
	rows, _ := st.Caseload()
	for _, r := range rows {
		if _, found, err := st.FHIRPublication(down, r.PatientID); found || err != nil {
			t.Fatalf("%s marked as published to a server that was down (%v)", r.PatientID, err)
		}
	}
	if cp, _ := st.FHIRCheckpoint(down); cp.Upto != 0 || cp.Mapping != "" || !cp.Last.IsZero() {
		t.Errorf("the checkpoint moved though nothing was sent: %+v", cp)
	}
}

// Key workers may not publish to the shared record.
func TestFHIRPushOnlyCoordinatorsAndAdministrators(t *testing.T) {
	db := pushStore(t, 5)
	st := openFHIRStore(t, db)
	staff, _ := st.Staff()
	kw := staff[0]
	if err := st.AddUser(&access.User{Name: "Kim Worker", Role: access.KeyWorker, StaffID: kw.ID, Active: true}, "kim-passphrase-long"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, stderr := run(t, "kim-passphrase-long", "fhir", "push", "--db", db, "--server", "http://127.0.0.1:1")
	if code == 0 || !strings.Contains(stderr, "only coordinators and administrators publish") {
		t.Errorf("a key worker pushed: exit %d %s", code, stderr)
	}
}

// agreeNewVersion agrees a next version of a person's plan with a new "what matters to me".
func agreeNewVersion(t *testing.T, db, patientID, whatMatters string) {
	t.Helper()
	st := openFHIRStore(t, db)
	defer st.Close()
	plans, err := st.Plans(patientID)
	if err != nil {
		t.Fatal(err)
	}
	latest, ok := careplan.LatestAgreed(plans)
	if !ok {
		t.Fatal("no agreed plan")
	}
	d := latest.NextDraft(uuid.NewString())
	for _, p := range plans {
		d.Version = max(d.Version, p.Version+1)
	}
	d.WhatMatters = whatMatters
	if err := d.Agree("test", fixedNow(), latest.Agreement.PAMLevel); err != nil {
		t.Fatal(err)
	}
	if err := st.SavePlan(&d); err != nil {
		t.Fatal(err)
	}
}

func withdrawConsent(t *testing.T, db, patientID string) {
	t.Helper()
	st := openFHIRStore(t, db)
	defer st.Close()
	p, err := st.Patient(patientID)
	if err != nil {
		t.Fatal(err)
	}
	p.Consent = append(p.Consent, careplan.ConsentRecord{Scope: careplan.ConsentToShareProfessionals,
		Decision: careplan.ConsentWithdrawn, On: careplan.DateOf(fixedNow()), RecordedBy: "test"})
	if err := st.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
}

// checkPushAudited checks every push left an audit entry, and each person sent one of theirs.
func checkPushAudited(t *testing.T, db string) {
	t.Helper()
	st := openFHIRStore(t, db)
	defer st.Close()
	audit, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	pushes, people := 0, 0
	for _, e := range audit {
		if !strings.HasPrefix(e.Detail, "fhir push to ") {
			continue
		}
		if e.PatientID == "" {
			pushes++
		} else {
			people++
		}
	}
	if pushes != 5 || people == 0 {
		t.Errorf("%d pushes and %d people's pushes audited, want 5 pushes", pushes, people)
	}
}
