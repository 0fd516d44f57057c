package fhir

import (
	"errors"
	"strings"
	"testing"
)

// The settings as the app shows them never carry the private key, only that there is one.
func TestConnectionOfLeavesTheKeyOut(t *testing.T) {
	cfg := ServerConfig{URL: "https://fhir.example.nhs.uk/R4", Auth: AuthClientCredentials, TokenURL: "https://auth.example/token",
		ClientID: "hub", KeyID: "k1", PrivateKeyPEM: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"}
	c := ConnectionOf(cfg)
	if !c.KeyInStore || c.KeyFile != "" || c.ClientID != "hub" || !c.Configured() {
		t.Errorf("%+v", c)
	}
	if strings.Contains(strings.ToLower(fmtConnection(c)), "mii") {
		t.Error("the key is in the connection")
	}
	if (Connection{}).Configured() || (Connection{}).TokenVariable() != DefaultTokenVar {
		t.Error("the zero connection")
	}
}

func fmtConnection(c Connection) string {
	return strings.Join([]string{c.URL, c.Auth, c.TokenVar, c.TokenURL, c.ClientID, c.KeyID, c.KeyFile}, " ")
}

// What an administrator enters: the key named by its file, or the one already in the store.
func TestConnectionValidate(t *testing.T) {
	cc := Connection{URL: "https://fhir.example.nhs.uk/R4", Auth: AuthClientCredentials, TokenURL: "https://auth.example/token", ClientID: "hub"}
	for _, tc := range []struct {
		name string
		edit func(*Connection)
		want error
	}{
		{"no key at all", func(*Connection) {}, ErrNoKey},
		{"a key file", func(c *Connection) { c.KeyFile = "hub.pem" }, nil},
		{"the key in the store", func(c *Connection) { c.KeyInStore = true }, nil},
		{"a blank key file", func(c *Connection) { c.KeyFile = "  " }, ErrNoKey},
		{"an address without http", func(c *Connection) { c.URL, c.KeyInStore = "fhir.example.nhs.uk", true }, ErrServerURL},
		{"bearer needs nothing more", func(c *Connection) { *c = Connection{URL: "http://10.0.0.5/fhir", Auth: AuthBearer} }, nil},
	} {
		c := cc
		tc.edit(&c)
		if err := c.Validate(); !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

// A failure names the person by NHS number on the command line, never by name.
func TestPushFailureLine(t *testing.T) {
	f := PushFailure{Name: "Siân O'Brien", NHSNumber: "999 024 1716", Why: "the server answered 403 Forbidden"}
	if got := f.Line(); got != "NHS number 999 024 1716: the server answered 403 Forbidden" {
		t.Errorf("%q", got)
	}
}

// A configuration says every problem at once, so a form marks each field.
func TestServerConfigSaysEveryProblem(t *testing.T) {
	err := ServerConfig{URL: "fhir.example.nhs.uk", Auth: AuthClientCredentials}.Validate()
	for _, want := range []error{ErrServerURL, ErrTokenURL, ErrClientID, ErrNoKey} {
		if !errors.Is(err, want) {
			t.Errorf("%v does not say %v", err, want)
		}
	}
	if first, _, _ := strings.Cut(err.Error(), "\n"); first != ErrServerURL.Error() {
		t.Errorf("the first problem is %q, want the address's", first)
	}
	if err := (ServerConfig{URL: "https://fhir.example.nhs.uk/R4", Auth: "basic"}).Validate(); !errors.Is(err, ErrAuthKind) {
		t.Errorf("an unknown way of signing in: %v", err)
	}
}
