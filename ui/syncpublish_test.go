package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"carehub/app/service"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/store"
	"carehub/test/fhirserver"
)

// exampleServer is the shared record's address in the tests that send nothing to it.
const exampleServer = "https://fhir.example.nhs.uk/R4"

// publishHub is a hub of n demo people whose administrator has set the shared record up at
// server (none when server is "").
func publishHub(t *testing.T, n int, server string) *testHub {
	t.Helper()
	h := newTestHub(t, nil)
	if n > 0 {
		h.loadDemo(t, 3, n)
	}
	if server != "" {
		h.connect(t, fhir.Connection{URL: server, Auth: fhir.AuthBearer})
	}
	return h
}

// connect sets the shared record up as the hub's administrator would, through the service.
func (h *testHub) connect(t *testing.T, c fhir.Connection) {
	t.Helper()
	h.withStore(t, func(st *store.Store) {
		svc := service.NewSet(service.On(st), service.Options{Now: h.clock.now})
		if _, err := svc.Publish.Connect(c); err != nil {
			t.Fatal(err)
		}
	})
}

// publishable counts the people a push should publish: consenting to share with
// professionals, an agreed plan, still with the hub.
func (h *testHub) publishable(t *testing.T) int {
	t.Helper()
	n := 0
	h.withStore(t, func(st *store.Store) {
		must(t, st.EachPatient(func(r store.PatientRecords) error {
			if careplan.HasConsent(r.Patient.Consent, careplan.ConsentToShareProfessionals) && r.Patient.Status.Open() &&
				r.Plan != nil && r.Plan.State == careplan.PlanAgreed {
				n++
			}
			return nil
		}))
	})
	return n
}

// openPublish signs user in and opens the Sync screen, returning its shared-record part.
func openPublish(t *testing.T, h *testHub, user access.User, edit ...func(*Config)) (*session, *publishPart) {
	t.Helper()
	s, _ := h.session(t, user, edit...)
	if s.caseload.syncButton == nil {
		t.Fatalf("%s has no Sync button", user.Name)
	}
	test.Tap(s.caseload.syncButton)
	return s, s.syncing.publishing
}

// resultOf is what a publish's summary says: its title, lines and failure lines.
func resultOf(s *session, p *publishPart) (title string, lines, failures []string) {
	r := p.result
	if r == nil {
		return "", nil, nil
	}
	for _, l := range r.lines {
		lines = append(lines, l.Text)
	}
	for _, l := range r.failures {
		failures = append(failures, l.Text)
	}
	return r.title, lines, failures
}

// A coordinator publishes the hub to the shared record from the Sync screen: the summary says
// how many were published, which is what the server then holds; the last-published time moves;
// a second publish finds nothing changed.
func TestPublishFromTheSyncScreen(t *testing.T) {
	base := fhirserver.Start(t)
	h := publishHub(t, 30, base)
	want := h.publishable(t)
	s, p := openPublish(t, h, catCoordinator)
	if p == nil || p.server.Text != base || p.last.Text != "never" || p.button.Disabled() || p.notSetUp.Visible() {
		t.Fatalf("before publishing: %+v", p)
	}
	test.Tap(p.button)
	title, lines, failures := resultOf(s, p)
	if title != "Published to the shared record" || len(failures) != 0 || len(lines) != 2 ||
		lines[0] != fmt.Sprintf("To %s: %d people published for the first time.", base, want) ||
		!strings.Contains(lines[1], "not published: they have no agreed plan yet, have not consented to share with professionals") {
		t.Fatalf("the summary: %q %q %q", title, lines, failures)
	}
	if got := len(fhirserver.Search(t, base, "Patient?_count=1000")); got != want {
		t.Errorf("%d Patients on the server, %d said published", got, want)
	}
	if p.last.Text != whenText(h.clock.now()) || p.button.Disabled() || p.progress.Visible() || p.cancel.Visible() ||
		s.syncing.importer.Disabled() || s.syncing.back.Disabled() {
		t.Errorf("after publishing: last %q, Publish off %v, progress %v, Cancel %v", p.last.Text, p.button.Disabled(),
			p.progress.Visible(), p.cancel.Visible())
	}
	p.result.close()
	test.Tap(p.button)
	if _, lines, _ := resultOf(s, p); len(lines) != 1 || lines[0] != "Nothing had changed since the last publish, so nothing was sent." {
		t.Errorf("a second publish: %q", lines)
	}
}

// watchedPublish is the real service, calling during after each person has been reported, to
// look at the screen (and tap Cancel) while the publish runs.
type watchedPublish struct {
	Publish
	during func(done, total int)
}

func (w watchedPublish) Push(ctx context.Context, progress func(done, total int)) (fhir.PushResult, error) {
	return w.Publish.Push(ctx, func(done, total int) {
		progress(done, total)
		w.during(done, total)
	})
}

// While a publish runs the bar moves per person, every other action is off, and Cancel stops
// it once the person being sent is done: the summary says so, and only those sent are on the
// server.
func TestPublishShowsProgressAndCancels(t *testing.T) {
	base := fhirserver.Start(t)
	h := publishHub(t, 30, base)
	var p *publishPart
	var s *session
	checked := false
	during := func(done, total int) {
		if done != 12 {
			return
		}
		checked = true
		if p.doing.Text != "Publishing to "+base+": 12 of 30 people" || p.progress.Value != 0.4 || !p.cancel.Visible() ||
			p.button.Disabled() == false || !s.syncing.importer.Disabled() || !s.syncing.back.Disabled() {
			t.Errorf("mid-publish: %q %v, Cancel shown %v, Publish off %v", p.doing.Text, p.progress.Value, p.cancel.Visible(), p.button.Disabled())
		}
		test.Tap(p.cancel)
		if p.cancel.Text != "Stopping after this person…" || !p.cancel.Disabled() {
			t.Errorf("Cancel tapped: %q", p.cancel.Text)
		}
	}
	s, p = openPublish(t, h, catCoordinator, func(c *Config) {
		c.Services.Publish = watchedPublish{c.Services.Publish, during}
	})
	test.Tap(p.button)
	if !checked {
		t.Fatal("the publish never reached its 12th person")
	}
	title, lines, _ := resultOf(s, p)
	if title != "Publishing stopped" || lines[0] != "Stopped, as asked, after 12 of 30 people." ||
		lines[len(lines)-1] != "Those sent are recorded; the rest are sent at the next publish." {
		t.Fatalf("the summary: %q %q", title, lines)
	}
	sent := len(fhirserver.Search(t, base, "Patient?_count=1000"))
	if want := h.publishable(t); sent == 0 || sent >= want || !strings.Contains(lines[1], fmt.Sprintf("%d people published for the first time", sent)) {
		t.Errorf("%d of %d on the server after a cancel; the summary says %q", sent, want, lines)
	}
	if p.button.Disabled() || p.cancel.Visible() {
		t.Error("the screen was not given back after the cancel")
	}
}

// A server that refuses people: one line for each, by name and NHS number, with the server's
// own words; the title says how many were not sent.
func TestPublishSaysWhoWasNotSent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/fhir+json")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"this client may not write Patient"}]}`)
	}))
	defer srv.Close()
	h := publishHub(t, 12, srv.URL)
	want := h.publishable(t)
	s, p := openPublish(t, h, catCoordinator)
	test.Tap(p.button)
	title, _, failures := resultOf(s, p)
	if title != fmt.Sprintf("Published, but %d people were not sent", want) || len(failures) != want {
		t.Fatalf("%q with %d failure lines, %d publishable", title, len(failures), want)
	}
	for _, f := range failures {
		name, rest, _ := strings.Cut(f, " (NHS number ")
		if name == "" || !strings.Contains(rest, "): ") || !strings.HasSuffix(f, "this client may not write Patient") || strings.Contains(f, "\n") {
			t.Errorf("failure line %q", f)
		}
	}
}

// unreachablePublish fails as the service does when the server cannot be reached after its
// retries (which take seconds), having got through one person.
type unreachablePublish struct{ Publish }

func (unreachablePublish) Push(_ context.Context, progress func(done, total int)) (fhir.PushResult, error) {
	progress(1, 8)
	return fhir.PushResult{Server: exampleServer, Examined: 8, Unchanged: 1},
		fmt.Errorf("%w (%s) after 4 tries: dial tcp: connection refused", fhir.ErrUnreachable, exampleServer)
}

// The server cannot be reached: the summary says nothing unsent was marked as sent, and what
// went wrong.
func TestPublishWhenTheServerCannotBeReached(t *testing.T) {
	h := publishHub(t, 0, exampleServer)
	s, p := openPublish(t, h, catCoordinator, func(c *Config) { c.Services.Publish = unreachablePublish{c.Services.Publish} })
	test.Tap(p.button)
	title, lines, _ := resultOf(s, p)
	if title != "The shared record could not be reached" || len(lines) != 3 ||
		!strings.Contains(lines[0], "nothing unsent was marked as sent") || !strings.HasPrefix(lines[2], "What went wrong: the FHIR server cannot be reached") {
		t.Errorf("%q %q", title, lines)
	}
	if p.button.Disabled() {
		t.Error("Publish stays off after a failure")
	}
}

// No server set up: the section says who sets it up, and Publish is off. Administrators see the
// section too; it is the same for them.
func TestPublishNeedsAServerSetUp(t *testing.T) {
	for _, user := range []access.User{catCoordinator, adaAdmin} {
		h := publishHub(t, 0, "")
		_, p := openPublish(t, h, user)
		if p == nil {
			t.Fatalf("%s cannot publish", user.Name)
		}
		if !p.notSetUp.Visible() || p.notSetUp.Text != "No shared record is set up yet. An administrator sets up the shared record in Settings." ||
			!p.button.Disabled() || p.server.Text != "none set up" {
			t.Errorf("%s: %q, Publish off %v", user.Name, p.notSetUp.Text, p.button.Disabled())
		}
	}
}

// The section as a coordinator sees it, with a server set up and published to this morning.
func TestPublishGolden(t *testing.T) {
	h := publishHub(t, 0, exampleServer)
	h.withStore(t, func(st *store.Store) {
		must(t, st.SaveFHIRCheckpoint(store.FHIRCheckpoint{URL: exampleServer, Last: time.Date(2026, time.March, 2, 9, 30, 0, 0, time.Local)},
			"fhir push to fhir.example.nhs.uk: test"))
	})
	_, p := openPublish(t, h, catCoordinator)
	if p.last.Text != "2 Mar 2026 09:30" || p.button.Disabled() {
		t.Errorf("last published %q", p.last.Text)
	}
	test.AssertObjectRendersToMarkup(t, "sync_publish.xml", p.root)
}
