package service

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"carehub/app/service/fhirpush"
	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/store"
)

// Publish publishes consenting people's agreed plans to the county's shared care record (a
// FHIR R4 server), and keeps how carehub reaches it. The Sync screen's "Publish to the shared
// record" and `carehub fhir push` call Push; the Settings screen and `carehub fhir connect`
// call Connect. Coordinators and administrators publish; only an administrator sets the
// server up. docs/fhir-server.md says what the server receives.
type Publish struct{ base }

// PushOptions tune a push beyond the server set up; the zero value is the app's push.
type PushOptions struct {
	// Server is another server to push to ("" for the one set up). One not set up is signed in
	// to with a bearer token from fhir.DefaultTokenVar, or without one when that is unset.
	Server string
	// Tries is the attempts per request when the server fails or cannot be reached (0: four),
	// RetryWait the first wait before trying again, each next wait doubling (with Tries set).
	Tries     int
	RetryWait time.Duration
	// Warn hears one line per failed attempt that will be tried again; nil ignores them.
	Warn func(line string)
	// Progress is told after each person; nil ignores it.
	Progress func(done, total int)
}

// mayPublish refuses a push unless a coordinator or an administrator is signed in: publishing
// sends people's records out of the hub, like a sync bundle.
func mayPublish(st *store.Store) error {
	if !st.SignedIn().PublishesSharedRecord() {
		return fmt.Errorf("%w: only coordinators and administrators publish to the shared record", access.ErrNotAllowed)
	}
	return nil
}

// mayConnect refuses a change to the shared-record server unless an administrator is signed
// in: it decides where people's records go and holds the hub's private key.
func mayConnect(st *store.Store) error {
	if !st.SignedIn().ManagesSettings() {
		return fmt.Errorf("%w: only a hub administrator sets up the shared-record server", access.ErrNotAllowed)
	}
	return nil
}

// Push publishes to the server set up what changed since the last push, reporting each person
// done to progress. Cancelling ctx stops it after the person being sent (fhir.ErrPushStopped);
// a server that cannot be reached stops it with fhir.ErrUnreachable. Either way the result
// counts what was done, those sent stay recorded as sent, and nothing else is.
func (p *Publish) Push(ctx context.Context, progress func(done, total int)) (fhir.PushResult, error) {
	return p.PushWith(ctx, PushOptions{Progress: progress})
}

// PushWith is Push with the command line's options: another server, retries, warnings.
func (p *Publish) PushWith(ctx context.Context, opt PushOptions) (fhir.PushResult, error) {
	st, err := p.store()
	if err != nil {
		return fhir.PushResult{}, err
	}
	if err := mayPublish(st); err != nil {
		return fhir.PushResult{}, err
	}
	cfg, err := pushConfig(st, opt.Server)
	if err != nil {
		return fhir.PushResult{}, err
	}
	auth, err := fhirpush.NewAuthorizer(cfg, p.getenv, &http.Client{Timeout: 30 * time.Second}, p.now)
	if err != nil {
		return fhir.PushResult{}, err
	}
	client := fhirpush.NewClient(cfg.URL, auth)
	if opt.Tries > 0 {
		client.Tries, client.Backoff = opt.Tries, opt.RetryWait
	}
	if opt.Warn != nil {
		client.Warn = opt.Warn
	}
	// The requests run to the end of the person being sent whatever ctx does: a transaction
	// cut off half way could reach the server without carehub recording it.
	return fhirpush.Push(context.WithoutCancel(ctx), st, fhirpush.Options{Server: cfg.URL, Client: client,
		Codes: fhir.DefaultCodes(), Now: p.now, Progress: opt.Progress, Stop: ctx.Done()})
}

// pushConfig is the server to push to: the administrator's settings, or, for another server,
// a bearer token from the environment (none when it is unset).
func pushConfig(st *store.Store, server string) (fhir.ServerConfig, error) {
	cfg, err := st.FHIRPushConfig()
	switch {
	case err == nil:
	case errors.Is(err, store.ErrNoFHIRServer) && server != "":
		cfg = fhir.ServerConfig{Auth: fhir.AuthBearer}
	default:
		return cfg, err
	}
	if server != "" {
		norm, err := fhir.NormalServerURL(server)
		if err != nil {
			return cfg, err
		}
		if norm != cfg.URL {
			cfg = fhir.ServerConfig{URL: norm, Auth: fhir.AuthBearer}
		}
	}
	return cfg, nil
}

// getenv reads the environment, as the services' options say.
func (p *Publish) getenv(name string) string {
	if p.opt.Getenv != nil {
		return p.opt.Getenv(name)
	}
	return os.Getenv(name)
}

// Connection is the shared-record server as set up, without its secret, and when carehub last
// published there; the zero Connection when none is set up. Those who publish or set it up
// may read it.
func (p *Publish) Connection() (fhir.Connection, error) {
	st, err := p.store()
	if err != nil {
		return fhir.Connection{}, err
	}
	if mayPublish(st) != nil && mayConnect(st) != nil {
		return fhir.Connection{}, fmt.Errorf("%w: only coordinators and administrators see the shared-record server", access.ErrNotAllowed)
	}
	return connection(st)
}

func connection(st *store.Store) (fhir.Connection, error) {
	cfg, err := st.FHIRPushConfig()
	if errors.Is(err, store.ErrNoFHIRServer) {
		return fhir.Connection{}, nil
	}
	if err != nil {
		return fhir.Connection{}, err
	}
	c := fhir.ConnectionOf(cfg)
	cp, err := st.FHIRCheckpoint(cfg.URL)
	c.LastPublished = cp.Last
	return c, err
}

// Connect sets up the shared-record server; only an administrator may. A key file is read and
// checked now (fhir.ErrKeyFile, fhir.ErrPrivateKey), so a push never finds it unusable for a
// reason known today; with KeyInStore the key itself is kept, sealed, and its file no longer
// needed. It returns the connection as kept (the address normalised), without the key.
func (p *Publish) Connect(c fhir.Connection) (fhir.Connection, error) {
	st, err := p.store()
	if err != nil {
		return fhir.Connection{}, err
	}
	if err := mayConnect(st); err != nil {
		return fhir.Connection{}, err
	}
	cfg, err := serverConfig(st, c)
	if err != nil {
		return fhir.Connection{}, err
	}
	if err := st.SetFHIRPushConfig(cfg); err != nil {
		return fhir.Connection{}, err
	}
	return connection(st)
}

// serverConfig is what the store keeps for c: bearer settings as entered, or for client
// credentials the key read from its file (kept as its absolute path, or itself), or the key
// already in the store.
func serverConfig(st *store.Store, c fhir.Connection) (fhir.ServerConfig, error) {
	c.URL, c.TokenVar, c.KeyFile = strings.TrimSpace(c.URL), strings.TrimSpace(c.TokenVar), strings.TrimSpace(c.KeyFile)
	if err := c.Validate(); err != nil {
		return fhir.ServerConfig{}, err
	}
	cfg := fhir.ServerConfig{URL: c.URL, Auth: c.Auth, TokenVar: c.TokenVar}
	if c.Auth != fhir.AuthClientCredentials {
		return cfg, nil
	}
	cfg.TokenURL, cfg.ClientID, cfg.KeyID = strings.TrimSpace(c.TokenURL), strings.TrimSpace(c.ClientID), strings.TrimSpace(c.KeyID)
	if c.KeyFile == "" { // Validate let this through only with KeyInStore: keep the key there
		old, err := st.FHIRPushConfig()
		if err != nil && !errors.Is(err, store.ErrNoFHIRServer) {
			return cfg, err
		}
		if strings.TrimSpace(old.PrivateKeyPEM) == "" {
			return cfg, fhir.ErrNoKey
		}
		cfg.PrivateKeyPEM = old.PrivateKeyPEM
		return cfg, nil
	}
	pemText, err := os.ReadFile(c.KeyFile)
	if err != nil {
		return cfg, fmt.Errorf("%w: %s", fhir.ErrKeyFile, c.KeyFile)
	}
	if _, err := fhirpush.ParsePrivateKey(pemText); err != nil {
		return cfg, err
	}
	if c.KeyInStore {
		cfg.PrivateKeyPEM = string(pemText)
		return cfg, nil
	}
	// A scheduled push runs from another folder: keep where the file is, not how it was named.
	if cfg.PrivateKeyFile, err = filepath.Abs(c.KeyFile); err != nil {
		return cfg, err
	}
	return cfg, nil
}
