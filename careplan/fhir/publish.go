package fhir

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// What publishing to the shared record (carehub fhir push, and the Sync screen's "Publish to
// the shared record") gives back, and how the app shows and sets up the server: types the
// service and the screens both name.

// Errors of publishing, which the screens and the command line put in their own words.
var (
	// ErrNoServer: no shared-record server has been set up yet.
	ErrNoServer = errors.New("no shared-record FHIR server is set up")
	// ErrUnreachable: the server could not be reached, or kept failing, after every retry.
	// Nothing more is sent in that push, and nothing unsent is marked as sent.
	ErrUnreachable = errors.New("the FHIR server cannot be reached")
	// ErrPushStopped: the person publishing stopped the push; those already sent stay
	// recorded as sent, and the next push carries on from there.
	ErrPushStopped = errors.New("publishing was stopped before everyone was sent")
	// ErrKeyFile: the private key file named in the settings cannot be read.
	ErrKeyFile = errors.New("the private key file cannot be read")
	// ErrPrivateKey: a private key carehub cannot sign with.
	ErrPrivateKey = errors.New("the private key is not an RSA private key in PEM (PKCS #1 or PKCS #8) of at least 2048 bits")
)

// Connection is the shared-record server as the app shows it and an administrator sets it up:
// ServerConfig without its secret (a private key kept in the store is never given back, only
// that there is one), and when carehub last published there.
type Connection struct {
	URL      string // the server's base URL; "" when none is set up
	Auth     string // AuthBearer or AuthClientCredentials
	TokenVar string // AuthBearer: the environment variable read at each push; "" = DefaultTokenVar
	TokenURL string // AuthClientCredentials: the token endpoint
	ClientID string // AuthClientCredentials: carehub's client id
	KeyID    string // AuthClientCredentials: the key id (kid) the server knows the public key by
	// KeyFile is the private key's PEM file on this computer. Setting up with KeyInStore, the
	// file is read once and the key itself kept in the store instead of its path.
	KeyFile string
	// KeyInStore: the private key is kept in the store, sealed. Setting up with KeyInStore and
	// no KeyFile keeps the key already there.
	KeyInStore bool
	// LastPublished is when the last push to URL finished or stopped; zero when there has been
	// none. It is read, never set.
	LastPublished time.Time
}

// Configured reports whether a server is set up.
func (c Connection) Configured() bool { return c.URL != "" }

// TokenVariable is the environment variable a bearer token is read from.
func (c Connection) TokenVariable() string {
	if v := strings.TrimSpace(c.TokenVar); v != "" {
		return v
	}
	return DefaultTokenVar
}

// Validate checks what an administrator entered, before any file is read: ServerConfig's
// rules, with the key named by its file or already kept in the store.
func (c Connection) Validate() error {
	cfg := ServerConfig{URL: c.URL, Auth: c.Auth, TokenVar: c.TokenVar, TokenURL: c.TokenURL,
		ClientID: c.ClientID, KeyID: c.KeyID, PrivateKeyFile: c.KeyFile}
	if c.KeyInStore && strings.TrimSpace(c.KeyFile) == "" {
		cfg.PrivateKeyPEM = "kept in the store"
	}
	return cfg.Validate()
}

// ConnectionOf is a server configuration as the app may show it: without the private key.
func ConnectionOf(cfg ServerConfig) Connection {
	return Connection{URL: cfg.URL, Auth: cfg.Auth, TokenVar: cfg.TokenVar, TokenURL: cfg.TokenURL,
		ClientID: cfg.ClientID, KeyID: cfg.KeyID, KeyFile: cfg.PrivateKeyFile,
		KeyInStore: strings.TrimSpace(cfg.PrivateKeyPEM) != ""}
}

// PushResult counts what a push did, person by person.
type PushResult struct {
	Server    string // the server's base URL, normalised
	Examined  int    // people whose records changed since the last push (everyone, the first time)
	Published int    // people published for the first time
	Updated   int    // people whose published plan or records changed
	Closed    int    // people whose record was closed: their plan is now marked completed
	Retracted int    // people whose consent was withdrawn: what was published is deleted
	Unchanged int    // examined, but nothing the shared record shows had changed
	Resources int    // resources created, updated or deleted on the server
	Conflicts int    // people whose server copy changed since carehub published it (412)
	// Failures are the people not published (a conflict, a refusal), one each; they are tried
	// again at the next push.
	Failures []PushFailure
}

// Summary is a push's counts in words, for the audit and the command line's last line:
// "40 people examined, 12 published, …".
func (r PushResult) Summary() string {
	return fmt.Sprintf("%d people examined, %d published, %d updated, %d closed, %d retracted, %d unchanged, "+
		"%d resources sent, %d conflicts, %d failed", r.Examined, r.Published, r.Updated, r.Closed, r.Retracted,
		r.Unchanged, r.Resources, r.Conflicts, len(r.Failures))
}

// PushFailure is one person a push could not publish, and why, in an operator's words.
type PushFailure struct {
	PatientID string
	Name      string // as the screens show it; never written to a log or the command line
	NHSNumber string // as displayed: "999 024 1716"
	Why       string // "the shared record's copy was changed by someone else …"
}

// Line is the failure as the command line and the audit name the person: by NHS number, never
// by name, since its output may be kept in a scheduler's logs.
func (f PushFailure) Line() string { return "NHS number " + f.NHSNumber + ": " + f.Why }
