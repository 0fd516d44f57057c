package fhirpush

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"carehub/careplan/fhir"
)

func TestOutcomeTextIsOneShortLine(t *testing.T) {
	body := `{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"conflict","diagnostics":"version\nconflict"},{"severity":"error","code":"invalid","details":{"text":"bad"}}]}`
	if got := OutcomeText([]byte(body)); got != "version conflict; bad" {
		t.Errorf("%q", got)
	}
	if got := OutcomeText([]byte(`{"resourceType":"Patient"}`)); got != "" {
		t.Errorf("not an outcome: %q", got)
	}
	long := `{"resourceType":"OperationOutcome","issue":[{"diagnostics":"` + strings.Repeat("x", 2000) + `"}]}`
	if got := OutcomeText([]byte(long)); len([]rune(got)) > maxReported+1 {
		t.Errorf("%d characters", len(got))
	}
}

func TestTransactionResponseIsChecked(t *testing.T) {
	good := `{"resourceType":"Bundle","type":"transaction-response","entry":[
		{"response":{"status":"201 Created","location":"Patient/p1/_history/1","etag":"W/\"1\""}},
		{"response":{"status":"200","location":"CarePlan/c1"},"resource":{"resourceType":"CarePlan","id":"c1","meta":{"versionId":"v7"}}},
		{"response":{"status":"204"}}]}`
	got, err := parseTransactionResponse([]byte(good), []string{"POST", "PUT", "DELETE"})
	if err != nil || got[0].ID != "p1" || got[0].Version != "1" || got[1].Version != "v7" || got[1].Type != "CarePlan" {
		t.Fatalf("%+v %v", got, err)
	}
	bad := map[string]string{
		"count":       `{"resourceType":"Bundle","type":"transaction-response","entry":[]}`,
		"failed":      `{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"412"}},{"response":{"status":"200","location":"CarePlan/c"}},{"response":{"status":"204"}}]}`,
		"not bundle":  `{"resourceType":"OperationOutcome"}`,
		"no location": `{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"201"}},{"response":{"status":"200","location":"CarePlan/c"}},{"response":{"status":"204"}}]}`,
		"bad id":      `{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"201","location":"Patient/a b"}},{"response":{"status":"200","location":"CarePlan/c"}},{"response":{"status":"204"}}]}`,
		"not json":    `<html>`,
	}
	for name, body := range bad {
		if _, err := parseTransactionResponse([]byte(body), []string{"POST", "PUT", "DELETE"}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func FuzzTransactionResponse(f *testing.F) {
	f.Add([]byte(`{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"201","location":"Patient/p1/_history/1"}}]}`), 1)
	f.Add([]byte(`{"resourceType":"OperationOutcome","issue":[{"diagnostics":"x"}]}`), 0)
	f.Fuzz(func(t *testing.T, body []byte, n int) {
		methods := make([]string, max(0, min(n, 50)))
		for i := range methods {
			methods[i] = "PUT"
		}
		got, err := parseTransactionResponse(body, methods)
		if err == nil {
			for _, r := range got {
				if !validID(r.ID) || !validType(r.Type) || r.Status < 200 || r.Status > 299 {
					t.Fatalf("accepted %+v", r)
				}
			}
		}
		if s := OutcomeText(body); strings.ContainsAny(s, "\n\r") || len([]rune(s)) > maxReported+1 {
			t.Fatalf("outcome text %q", s)
		}
	})
}

func FuzzSearchBatch(f *testing.F) {
	f.Add([]byte(`{"resourceType":"Bundle","type":"batch-response","entry":[{"response":{"status":"200"},"resource":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Goal","id":"g1","identifier":[{"system":"s","value":"v"}]}}]}}]}`), 1)
	f.Fuzz(func(t *testing.T, body []byte, n int) {
		got, err := parseSearchBatch(body, max(0, min(n, 50)))
		if err != nil {
			return
		}
		for _, matches := range got {
			for _, m := range matches {
				if !validID(m.ID) {
					t.Fatalf("accepted id %q", m.ID)
				}
			}
		}
	})
}

func FuzzToken(f *testing.F) {
	f.Add(200, []byte(`{"access_token":"abc","expires_in":"599","token_type":"Bearer"}`))
	f.Add(401, []byte(`{"error":"invalid_client","error_description":"bad\nsignature"}`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		tok, life, err := parseToken(status, body)
		if err == nil && (tok == "" || life < 2*time.Minute || status != 200) {
			t.Fatalf("accepted %q for %v", tok, life)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\n\r") {
			t.Fatalf("error on two lines: %q", err)
		}
	})
}

// The client retries 5xx with back-off, and gives up with ErrUnreachable.
func TestClientRetriesServerErrorsThenGivesUp(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(`{"ok":true}`))
	}))
	defer srv.Close()
	var waits []time.Duration
	c := NewClient(srv.URL, bearer("t0k"))
	c.Sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	var warned []string
	c.Warn = func(s string) { warned = append(warned, s) }
	if _, err := c.Post(context.Background(), []byte(`{}`), false); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 3 || len(waits) != 2 || waits[1] != 2*waits[0] || len(warned) != 2 || !strings.Contains(warned[0], "503") {
		t.Errorf("%d calls, waits %v, warnings %q", calls.Load(), waits, warned)
	}
	calls.Store(-100)
	c.Tries = 2
	if _, err := c.Post(context.Background(), []byte(`{}`), false); !errors.Is(err, ErrUnreachable) {
		t.Errorf("still failing: %v", err)
	}
}

// A 4xx is an answer, not retried, with the server's words.
func TestClientDoesNotRetryARefusal(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("Authorization") != "Bearer t0k" {
			t.Errorf("authorization %q", r.Header.Get("Authorization"))
		}
		w.WriteHeader(http.StatusPreconditionFailed)
		w.Write([]byte(`{"resourceType":"OperationOutcome","issue":[{"diagnostics":"Version mismatch"}]}`))
	}))
	defer srv.Close()
	c := NewClient(srv.URL, bearer("t0k"))
	_, err := c.Post(context.Background(), []byte(`{}`), false)
	var se *ServerError
	if !errors.As(err, &se) || se.Status != 412 || se.Message != "Version mismatch" || calls.Load() != 1 {
		t.Errorf("%v after %d calls", err, calls.Load())
	}
}

// Client credentials: a JWT signed RS512 with the configured key, sent as private_key_jwt,
// and the token used until it nears expiry.
func TestClientCredentialsSignsRS512(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	var tokens atomic.Int32
	var tokenURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if r.Form.Get("grant_type") != "client_credentials" ||
			r.Form.Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" {
			t.Errorf("form %v", r.Form)
		}
		parts := strings.Split(r.Form.Get("client_assertion"), ".")
		if len(parts) != 3 {
			t.Fatalf("assertion %q", r.Form.Get("client_assertion"))
		}
		var head map[string]string
		var claims map[string]any
		h, _ := base64.RawURLEncoding.DecodeString(parts[0])
		c, _ := base64.RawURLEncoding.DecodeString(parts[1])
		json.Unmarshal(h, &head)
		json.Unmarshal(c, &claims)
		sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
		sum := sha512.Sum512([]byte(parts[0] + "." + parts[1]))
		if err := rsa.VerifyPKCS1v15(&key.PublicKey, crypto.SHA512, sum[:], sig); err != nil {
			t.Errorf("signature: %v", err)
		}
		if head["alg"] != "RS512" || head["kid"] != "k1" || claims["iss"] != "carehub-somerset" ||
			claims["sub"] != "carehub-somerset" || claims["aud"] != tokenURL || claims["jti"] == "" {
			t.Errorf("header %v claims %v", head, claims)
		}
		tokens.Add(1)
		w.Write([]byte(`{"access_token":"tok-1","expires_in":599}`))
	}))
	defer srv.Close()
	tokenURL = srv.URL + "/token"
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	cfg := fhir.ServerConfig{URL: "https://fhir.example", Auth: fhir.AuthClientCredentials, TokenURL: tokenURL,
		ClientID: "carehub-somerset", KeyID: "k1", PrivateKeyPEM: string(pemKey)}
	a, err := NewAuthorizer(cfg, func(string) string { return "" }, srv.Client(), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if h, err := a.Authorization(context.Background()); err != nil || h != "Bearer tok-1" {
			t.Fatalf("%q %v", h, err)
		}
	}
	if tokens.Load() != 1 {
		t.Errorf("%d tokens fetched for three requests", tokens.Load())
	}
	if _, err := ParsePrivateKey([]byte("not a key")); !errors.Is(err, ErrPrivateKey) {
		t.Errorf("bad key: %v", err)
	}
}

func TestBearerFromEnvironment(t *testing.T) {
	cfg := fhir.ServerConfig{URL: "https://fhir.example", Auth: fhir.AuthBearer}
	env := map[string]string{fhir.DefaultTokenVar: "s3cret"}
	a, _ := NewAuthorizer(cfg, func(k string) string { return env[k] }, nil, time.Now)
	if h, _ := a.Authorization(context.Background()); h != "Bearer s3cret" {
		t.Errorf("%q", h)
	}
	a, _ = NewAuthorizer(cfg, func(string) string { return "" }, nil, time.Now)
	if h, _ := a.Authorization(context.Background()); h != "" {
		t.Errorf("no token set, yet %q", h)
	}
}
