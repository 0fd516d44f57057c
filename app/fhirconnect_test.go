package app

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan/access"
)

// runWith runs carehub with the passphrase and these environment variables.
func runWith(t *testing.T, pass string, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Args: args, Stdout: &out, Stderr: &errb, Now: fixedNow, Getenv: func(k string) string {
		if k == PassphraseVar {
			return pass
		}
		return vars[k]
	}}
	noGUI := func(string) error { t.Fatal("the desktop app was started by a command"); return nil }
	return Main(env, noGUI), out.String(), errb.String()
}

// fhir connect: the hub's own passphrase (as an administrator's) sets the server up and says
// how carehub will sign in; a coordinator is refused; bad flags are a usage error (exit 2)
// naming what is wrong; a key file is checked before it is kept.
func TestFHIRConnect(t *testing.T) {
	db := pushStore(t, 3)
	st := openFHIRStore(t, db)
	must(t, st.AddUser(&access.User{Name: "Cat Coordinator", Role: access.Coordinator, Active: true}, "cat-passphrase-long"))
	st.Close()
	notAKey := filepath.Join(t.TempDir(), "hub.pem")
	must(t, os.WriteFile(notAKey, []byte("-----BEGIN NOTHING-----"), 0o600))
	key := servicetest.PrivateKeyFile(t)
	cc := []string{"fhir", "connect", "--db", db, "--server", "https://fhir.example.nhs.uk/R4", "--auth", "client-credentials",
		"--token-url", "https://auth.example.nhs.uk/token", "--client-id", "carehub-mendip", "--key-id", "k1"}
	for _, tc := range []struct {
		name, pass string
		args       []string
		code       int
		says       string
	}{
		{"a coordinator", "cat-passphrase-long", []string{"fhir", "connect", "--db", db, "--server", "https://fhir.example.nhs.uk/R4"},
			1, "only a hub administrator sets up the shared-record server"},
		{"an ftp address", "pw-for-tests", []string{"fhir", "connect", "--db", db, "--server", "ftp://fhir.example.nhs.uk"},
			2, "must be a full http:// or https:// URL"},
		{"no key", "pw-for-tests", cc, 2, "client credentials need the private key"},
		{"not a key", "pw-for-tests", append(cc, "--key-file", notAKey), 1, "is not an RSA private key"},
		{"bearer", "pw-for-tests", []string{"fhir", "connect", "--db", db, "--server", "HTTPS://FHIR.example.nhs.uk/R4/", "--token-var", "MENDIP_TOKEN"},
			0, "shared-record server set to https://fhir.example.nhs.uk/R4 (bearer); the token is read from MENDIP_TOKEN at each push"},
		{"key in store", "pw-for-tests", append(cc, "--key-file", key, "--key-in-store"),
			0, "shared-record server set to https://fhir.example.nhs.uk/R4 (client-credentials); the private key is kept in the store, sealed"},
		{"keeping the key in store", "pw-for-tests", append(cc, "--key-in-store"), 0, "the private key is kept in the store, sealed"},
		{"key file", "pw-for-tests", append(cc, "--key-file", key), 0, "its file stays at " + key},
	} {
		code, stdout, stderr := run(t, tc.pass, tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.says) {
			t.Errorf("%s: exit %d, want %d saying %q\n%s%s", tc.name, code, tc.code, tc.says, stdout, stderr)
		}
	}
}

// A push to the server set up signs in with the bearer token from the variable the
// administrator named.
func TestFHIRPushSendsTheBearerTokenFromTheNamedVariable(t *testing.T) {
	var mu sync.Mutex
	var auth []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auth = append(auth, r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/fhir+json")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(`{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"not this hub"}]}`))
	}))
	defer srv.Close()
	db := pushStore(t, 3)
	if code, _, stderr := run(t, "pw-for-tests", "fhir", "connect", "--db", db, "--server", srv.URL, "--token-var", "MENDIP_TOKEN"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, _ := runWith(t, "pw-for-tests", map[string]string{"MENDIP_TOKEN": "s3cret", "CAREHUB_FHIR_TOKEN": "wrong"},
		"fhir", "push", "--db", db, "--retry-wait", "1ms")
	if code != 1 || !strings.Contains(stdout, "not published: NHS number") || !strings.Contains(stdout, "not this hub") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(auth) == 0 {
		t.Fatal("nothing was sent")
	}
	for _, a := range auth {
		if a != "Bearer s3cret" {
			t.Fatalf("Authorization %q, want the token from MENDIP_TOKEN", a)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
