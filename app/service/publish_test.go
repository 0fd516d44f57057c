package service

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/store"
	"carehub/test/fhirserver"
)

// countingServer is a FHIR server that answers every request with a 500, counting them, so a
// test sees whether anything was sent at all.
func countingServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// A key worker cannot publish, nor see where the shared record is: the push is refused
// before anything is read or sent, and the checkpoint does not move. A coordinator may push.
func TestPushOnlyByCoordinatorsAndAdministrators(t *testing.T) {
	h := newRoleHub(t)
	srv, hits := countingServer(t)
	pub := servicesOn(h.v.Store).Publish
	h.signIn(t, adminPW)
	if _, err := pub.Connect(fhir.Connection{URL: srv.URL, Auth: fhir.AuthBearer}); err != nil {
		t.Fatal(err)
	}

	h.signIn(t, annPW)
	if _, err := pub.Push(context.Background(), nil); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a key worker's push: %v, want ErrNotAllowed", err)
	}
	if _, err := pub.Connection(); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a key worker reading the server's settings: %v", err)
	}
	if hits.Load() != 0 {
		t.Errorf("a refused push sent %d requests", hits.Load())
	}

	h.signIn(t, catPW)
	conn, err := pub.Connection()
	if err != nil || conn.URL != srv.URL || !conn.LastPublished.IsZero() {
		t.Fatalf("after a refused push: %+v %v", conn, err)
	}
	// Nobody on this hub is publishable (no agreed plan), so the coordinator's push sends
	// nothing, and says so.
	res, err := pub.Push(context.Background(), nil)
	if err != nil || res.Examined != 2 || res.Published != 0 || hits.Load() != 0 {
		t.Errorf("a coordinator's push: %+v %v (%d requests)", res, err, hits.Load())
	}
	if conn, _ := pub.Connection(); !conn.LastPublished.Equal(fixedNow()) {
		t.Errorf("last published %v, want %v", conn.LastPublished, fixedNow())
	}
}

// Only an administrator sets up the shared-record server: a coordinator's and a key worker's
// attempts are refused and leave nothing behind.
func TestConnectOnlyByAdministrators(t *testing.T) {
	h := newRoleHub(t)
	pub := servicesOn(h.v.Store).Publish
	want := fhir.Connection{URL: "HTTPS://FHIR.example.nhs.uk/R4/", Auth: fhir.AuthBearer, TokenVar: "MENDIP_FHIR_TOKEN"}
	for _, pw := range []string{catPW, annPW} {
		st := h.signIn(t, pw)
		if _, err := pub.Connect(want); !errors.Is(err, access.ErrNotAllowed) {
			t.Errorf("%s set up the server: %v", st.SignedIn().Name, err)
		}
		if _, err := st.FHIRPushConfig(); !errors.Is(err, store.ErrNoFHIRServer) {
			t.Errorf("%s's refused settings were kept: %v", st.SignedIn().Name, err)
		}
	}
	h.signIn(t, catPW)
	if conn, err := pub.Connection(); err != nil || conn.Configured() {
		t.Errorf("a coordinator sees %+v, %v before any server is set up", conn, err)
	}
	if _, err := pub.Push(context.Background(), nil); !errors.Is(err, fhir.ErrNoServer) || !strings.Contains(err.Error(), "Settings") {
		t.Errorf("a push with no server set up: %v", err)
	}

	h.signIn(t, adminPW)
	kept, err := pub.Connect(want)
	if err != nil || kept.URL != "https://fhir.example.nhs.uk/R4" || kept.TokenVariable() != "MENDIP_FHIR_TOKEN" {
		t.Fatalf("the administrator's settings: %+v %v", kept, err)
	}
	h.signIn(t, catPW)
	if conn, err := pub.Connection(); err != nil || conn.URL != kept.URL {
		t.Errorf("the coordinator sees %+v, %v", conn, err)
	}
}

// clientCredentials is a whole client-credentials set-up with the key in keyFile.
func clientCredentials(keyFile string) fhir.Connection {
	return fhir.Connection{URL: "https://fhir.example.nhs.uk/R4", Auth: fhir.AuthClientCredentials,
		TokenURL: "https://auth.example.nhs.uk/token", ClientID: "carehub-mendip", KeyID: "hub-2026", KeyFile: keyFile}
}

// What an administrator enters is checked before anything is kept, each problem its own
// error; the key file is read and checked now, not at the first push.
func TestConnectChecksWhatIsEntered(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, adminPW)
	pub := servicesOn(h.v.Store).Publish
	dir := t.TempDir()
	notAKey := filepath.Join(dir, "notes.txt")
	must(t, os.WriteFile(notAKey, []byte("not a key"), 0o600))
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(t, err)
	der, err := x509.MarshalPKCS8PrivateKey(ecKey)
	must(t, err)
	ecFile := filepath.Join(dir, "ec.pem")
	must(t, os.WriteFile(ecFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600))
	good := servicetest.PrivateKeyFile(t)

	for _, tc := range []struct {
		name string
		edit func(*fhir.Connection)
		want error
	}{
		{"an ftp address", func(c *fhir.Connection) { c.URL = "ftp://fhir.example.nhs.uk/R4" }, fhir.ErrServerURL},
		{"no address", func(c *fhir.Connection) { c.URL = " " }, fhir.ErrServerURL},
		{"no way to sign in", func(c *fhir.Connection) { c.Auth = "" }, fhir.ErrAuthKind},
		{"no token endpoint", func(c *fhir.Connection) { c.TokenURL = "auth.example.nhs.uk" }, fhir.ErrTokenURL},
		{"no client id", func(c *fhir.Connection) { c.ClientID = "" }, fhir.ErrClientID},
		{"no key", func(c *fhir.Connection) { c.KeyFile = "" }, fhir.ErrNoKey},
		{"the key in the store, with none there", func(c *fhir.Connection) { c.KeyFile, c.KeyInStore = "", true }, fhir.ErrNoKey},
		{"a key file that is not there", func(c *fhir.Connection) { c.KeyFile = filepath.Join(dir, "gone.pem") }, fhir.ErrKeyFile},
		{"a folder for a key file", func(c *fhir.Connection) { c.KeyFile = dir }, fhir.ErrKeyFile},
		{"a file that is not a key", func(c *fhir.Connection) { c.KeyFile = notAKey }, fhir.ErrPrivateKey},
		{"an elliptic-curve key", func(c *fhir.Connection) { c.KeyFile = ecFile }, fhir.ErrPrivateKey},
	} {
		c := clientCredentials(good)
		tc.edit(&c)
		if _, err := pub.Connect(c); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
		if _, err := st.FHIRPushConfig(); !errors.Is(err, store.ErrNoFHIRServer) {
			t.Fatalf("%s: kept anyway (%v)", tc.name, err)
		}
	}
	// A key file named relative to where carehub was started is kept as a full path, so a
	// push scheduled from another folder still finds it.
	t.Chdir(filepath.Dir(good))
	kept, err := pub.Connect(clientCredentials(filepath.Base(good)))
	if err != nil || kept.KeyFile != good || kept.KeyInStore {
		t.Errorf("a relative key file kept as %+v, %v", kept, err)
	}
}

// A private key kept in the store is sealed: it is not in the file in clear, it is never
// given back (the settings say only that there is one), and it stays when the other settings
// change without a new key file.
func TestKeyKeptInTheStoreIsNeverGivenBack(t *testing.T) {
	h := newRoleHub(t)
	st := h.signIn(t, adminPW)
	pub := servicesOn(h.v.Store).Publish
	keyFile := servicetest.PrivateKeyFile(t)
	keyPEM, err := os.ReadFile(keyFile)
	must(t, err)
	c := clientCredentials(keyFile)
	c.KeyInStore = true
	kept, err := pub.Connect(c)
	if err != nil || !kept.KeyInStore || kept.KeyFile != "" {
		t.Fatalf("kept %+v, %v", kept, err)
	}
	must(t, os.Remove(keyFile)) // no longer needed: the store has it
	c = clientCredentials("")
	c.ClientID, c.KeyInStore = "carehub-mendip-2", true
	if kept, err = pub.Connect(c); err != nil || kept.ClientID != "carehub-mendip-2" || !kept.KeyInStore {
		t.Fatalf("changing the client id, keeping the key: %+v %v", kept, err)
	}
	cfg, err := st.FHIRPushConfig()
	if err != nil || cfg.PrivateKeyPEM != string(keyPEM) {
		t.Errorf("the key in the store was lost or changed (%v)", err)
	}
	raw, err := os.ReadFile(h.v.path)
	must(t, err)
	body := strings.Split(strings.TrimSpace(string(keyPEM)), "\n")[1] // a line of the key itself
	if strings.Contains(string(raw), "PRIVATE KEY") || strings.Contains(string(raw), body) {
		t.Error("the private key is in the store file in clear")
	}
}

// Stopping a push (the screen's Cancel) finishes the person being sent and stops before the
// next: those sent are recorded, and the next push sends only the rest.
func TestPushStopsAfterThePersonBeingSent(t *testing.T) {
	base := fhirserver.Start(t)
	st, err := store.Create(filepath.Join(t.TempDir(), "hub.db"), "hub passphrase",
		store.Options{Now: fixedNow, User: "test", KDF: servicetest.CheapKDF})
	must(t, err)
	defer st.Close()
	set := servicesOn(On(st))
	must(t, set.Demo.Load(3, 30, nil))
	if _, err := set.Publish.Connect(fhir.Connection{URL: base, Auth: fhir.AuthBearer}); err != nil {
		t.Fatal(err)
	}
	publishable := 0
	must(t, st.EachPatient(func(r store.PatientRecords) error {
		if careplan.HasConsent(r.Patient.Consent, careplan.ConsentToShareProfessionals) && r.Patient.Status.Open() &&
			r.Plan != nil && r.Plan.State == careplan.PlanAgreed {
			publishable++
		}
		return nil
	}))

	ctx, cancel := context.WithCancel(context.Background())
	var seen []int
	res, err := set.Publish.Push(ctx, func(done, total int) {
		seen = append(seen, done)
		if done == 10 {
			cancel()
		}
	})
	if !errors.Is(err, fhir.ErrPushStopped) || len(seen) != 10 || res.Examined != 30 {
		t.Fatalf("stopped after %v: %+v %v", seen, res, err)
	}
	onServer := len(fhirserver.Search(t, base, "Patient?_count=1000"))
	if onServer != res.Published || res.Published == 0 || res.Published == publishable {
		t.Fatalf("%d Patients on the server after a stopped push that published %d of %d", onServer, res.Published, publishable)
	}
	if conn, _ := set.Publish.Connection(); conn.LastPublished.IsZero() {
		t.Error("a stopped push is not shown as the last publish")
	}

	rest, err := set.Publish.Push(context.Background(), nil)
	if err != nil || rest.Published != publishable-res.Published || rest.Unchanged != res.Published {
		t.Errorf("the push after: %+v %v (first %d published)", rest, err, res.Published)
	}
	if got := len(fhirserver.Search(t, base, "Patient?_count=1000")); got != publishable {
		t.Errorf("%d Patients on the server, %d publishable", got, publishable)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
