package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"carehub/app/service"
	"carehub/careplan/fhir"
)

// runFHIR is "carehub fhir push" (publish to the shared record) and "carehub fhir connect"
// (an administrator sets the shared-record server up): flags and output only; the Publish
// service does both, as it does for the Sync and Settings screens.
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
	if *server != "" {
		if _, err := fhir.NormalServerURL(*server); err != nil {
			return fmt.Errorf("%w: fhir push --server: %v", errUsage, err)
		}
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := services(env, st).Publish.PushWith(context.Background(), service.PushOptions{
		Server: *server, Tries: *tries, RetryWait: *wait,
		Warn: func(line string) { fmt.Fprintln(env.Stderr, "carehub: "+line) }})
	for _, f := range res.Failures {
		fmt.Fprintln(env.Stdout, "not published: "+f.Line())
	}
	if errors.Is(err, fhir.ErrUnreachable) {
		return fmt.Errorf("%v; nothing unsent was marked as sent, and the next push carries on (%s)", err, res.Summary())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "pushed to %s: %s\n", res.Server, res.Summary())
	if n := len(res.Failures); n > 0 {
		return fmt.Errorf("%d people were not published (the lines above say why); they are tried again at the next push", n)
	}
	return nil
}

// runFHIRConnect sets up the shared-record server (an administrator only), kept in the store,
// sealed. The private key is a file path, or with --key-in-store the key itself (without
// --key-file, the key already in the store is kept).
func runFHIRConnect(env Env, args []string) error {
	fs := newFlags("fhir connect")
	db := fs.String("db", "", "the store")
	var c fhir.Connection
	fs.StringVar(&c.URL, "server", "", "the FHIR server's base URL")
	fs.StringVar(&c.Auth, "auth", fhir.AuthBearer, "bearer or client-credentials")
	fs.StringVar(&c.TokenVar, "token-var", "", "bearer: the environment variable holding the token (default "+fhir.DefaultTokenVar+")")
	fs.StringVar(&c.TokenURL, "token-url", "", "client-credentials: the token endpoint")
	fs.StringVar(&c.ClientID, "client-id", "", "client-credentials: carehub's client id")
	fs.StringVar(&c.KeyID, "key-id", "", "client-credentials: the key id (kid) the server knows the public key by")
	fs.StringVar(&c.KeyFile, "key-file", "", "client-credentials: the private key's PEM file")
	fs.BoolVar(&c.KeyInStore, "key-in-store", false, "keep the private key itself in the store (sealed) instead of its path")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	if err := need(fs, c.URL, "server"); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return fmt.Errorf("%w: fhir connect: %v", errUsage, err)
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	kept, err := services(env, st).Publish.Connect(c)
	if err != nil {
		return err
	}
	where := "its file stays at " + kept.KeyFile
	switch {
	case kept.Auth == fhir.AuthBearer:
		where = "the token is read from " + kept.TokenVariable() + " at each push"
	case kept.KeyInStore:
		where = "the private key is kept in the store, sealed"
	}
	fmt.Fprintf(env.Stdout, "shared-record server set to %s (%s); %s\n", kept.URL, kept.Auth, where)
	return nil
}
