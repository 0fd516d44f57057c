package app

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/store"

	"carehub/app/service/fhirpush"
)

// runFHIR is "carehub fhir push" (publish to the shared record) and "carehub fhir connect"
// (an administrator sets the shared-record server up).
func runFHIR(env Env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "push":
			return runFHIRPush(env, args[1:])
		case "connect":
			return runFHIRConnect(env, args[1:])
		}
	}
	return fmt.Errorf("%w: fhir needs push or connect: carehub fhir push --db FILE [--server URL]", errUsage)
}

func runFHIRPush(env Env, args []string) error {
	fs := newFlags("fhir push")
	db := fs.String("db", "", "the store")
	server := fs.String("server", "", "the FHIR server's base URL (default: the one set with fhir connect)")
	tries := fs.Int("tries", 4, "attempts per request when the server fails or cannot be reached")
	wait := fs.Duration("retry-wait", time.Second, "the first wait before trying again; each next wait doubles")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	if *tries < 1 || *tries > 10 || *wait < 0 || *wait > time.Minute {
		return fmt.Errorf("%w: fhir push: --tries must be 1 to 10 and --retry-wait at most a minute", errUsage)
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg, err := pushConfig(st, *server)
	if err != nil {
		return err
	}
	auth, err := fhirpush.NewAuthorizer(cfg, env.Getenv, &http.Client{Timeout: 30 * time.Second}, env.Now)
	if err != nil {
		return err
	}
	client := fhirpush.NewClient(cfg.URL, auth)
	client.Tries, client.Backoff = *tries, *wait
	client.Warn = func(line string) { fmt.Fprintln(env.Stderr, "carehub: "+line) }
	res, err := fhirpush.Push(context.Background(), st, fhirpush.Options{Server: cfg.URL, Client: client,
		Codes: fhir.DefaultCodes(), Now: env.Now})
	for _, line := range res.Failures {
		fmt.Fprintln(env.Stdout, "not published: "+line)
	}
	if err != nil {
		return fmt.Errorf("%v; nothing unsent was marked as sent, and the next push carries on (%s)", err, res.Summary())
	}
	fmt.Fprintf(env.Stdout, "pushed to %s: %s\n", cfg.URL, res.Summary())
	if n := len(res.Failures); n > 0 {
		return fmt.Errorf("%d people were not published (the lines above say why); they are tried again at the next push", n)
	}
	return nil
}

// pushConfig is the server to push to: the administrator's settings, or, for a --server they
// did not set up, a bearer token from the environment (none when it is unset).
func pushConfig(st *store.Store, server string) (fhir.ServerConfig, error) {
	cfg, err := st.FHIRPushConfig()
	switch {
	case err == nil:
	case err == store.ErrNoFHIRServer && server != "":
		cfg = fhir.ServerConfig{Auth: fhir.AuthBearer}
	default:
		return cfg, err
	}
	if server != "" {
		norm, err := fhir.NormalServerURL(server)
		if err != nil {
			return cfg, fmt.Errorf("%w: fhir push --server: %v", errUsage, err)
		}
		if norm != cfg.URL {
			cfg = fhir.ServerConfig{URL: norm, Auth: fhir.AuthBearer}
		}
	}
	return cfg, nil
}

// runFHIRConnect keeps the shared-record server's settings in the store, sealed; only a hub
// administrator may. The private key is a file path, or with --key-in-store the key itself.
func runFHIRConnect(env Env, args []string) error {
	fs := newFlags("fhir connect")
	db := fs.String("db", "", "the store")
	var c fhir.ServerConfig
	fs.StringVar(&c.URL, "server", "", "the FHIR server's base URL")
	fs.StringVar(&c.Auth, "auth", fhir.AuthBearer, "bearer or client-credentials")
	fs.StringVar(&c.TokenVar, "token-var", "", "bearer: the environment variable holding the token (default "+fhir.DefaultTokenVar+")")
	fs.StringVar(&c.TokenURL, "token-url", "", "client-credentials: the token endpoint")
	fs.StringVar(&c.ClientID, "client-id", "", "client-credentials: carehub's client id")
	fs.StringVar(&c.KeyID, "key-id", "", "client-credentials: the key id (kid) the server knows the public key by")
	fs.StringVar(&c.PrivateKeyFile, "key-file", "", "client-credentials: the private key's PEM file")
	inStore := fs.Bool("key-in-store", false, "keep the private key itself in the store (sealed) instead of its path")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	if err := need(fs, c.URL, "server"); err != nil {
		return err
	}
	if c.Auth == fhir.AuthClientCredentials && c.PrivateKeyFile != "" {
		pemText, err := os.ReadFile(c.PrivateKeyFile)
		if err != nil {
			return fmt.Errorf("the private key file %s cannot be read", c.PrivateKeyFile)
		}
		if _, err := fhirpush.ParsePrivateKey(pemText); err != nil {
			return err
		}
		if *inStore {
			c.PrivateKeyPEM, c.PrivateKeyFile = string(pemText), ""
		}
	}
	if err := c.Validate(); err != nil {
		return fmt.Errorf("%w: fhir connect: %v", errUsage, err)
	}
	c.URL, _ = fhir.NormalServerURL(c.URL) // as the store keeps it, and as pushes name it
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if !st.SignedIn().ManagesSettings() {
		return fmt.Errorf("%w: only a hub administrator sets up the shared-record server", access.ErrNotAllowed)
	}
	if err := st.SetFHIRPushConfig(c); err != nil {
		return err
	}
	where := "its file stays at " + c.PrivateKeyFile
	switch {
	case c.Auth == fhir.AuthBearer:
		where = "the token is read from " + strings.TrimSpace(firstNonEmpty(c.TokenVar, fhir.DefaultTokenVar)) + " at each push"
	case c.PrivateKeyPEM != "":
		where = "the private key is kept in the store, sealed"
	}
	fmt.Fprintf(env.Stdout, "shared-record server set to %s (%s); %s\n", c.URL, c.Auth, where)
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
