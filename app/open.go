package app

import (
	"fmt"
	"strings"

	"carehub/app/service"
	"carehub/store"
)

// openStore opens an existing store for a non-interactive command, with the passphrase from
// the environment.
func openStore(env Env, path string) (*store.Store, error) {
	return openStoreWith(env, path, store.Options{Now: env.Now, User: operator(env)})
}

// openStoreWith is openStore with options of the command's own (check inspects).
func openStoreWith(env Env, path string, opt store.Options) (*store.Store, error) {
	pass, err := passphrase(env, PassphraseVar)
	if err != nil {
		return nil, err
	}
	if !store.Exists(path) {
		return nil, fmt.Errorf("%s: %w", path, store.ErrNoStore)
	}
	return store.Open(path, pass, opt)
}

// createStore makes a new store for a non-interactive command, with fill (when not nil)
// writing what it starts with before it is moved into place: an interrupted command leaves no
// store, not half of one.
func createStore(env Env, path string, fill func(*store.Store) error) (*store.Store, error) {
	pass, err := passphrase(env, PassphraseVar)
	if err != nil {
		return nil, err
	}
	return store.CreateWith(path, pass, store.Options{Now: env.Now, User: operator(env)}, fill)
}

func passphrase(env Env, name string) (string, error) {
	p := env.Getenv(name)
	if strings.TrimSpace(p) == "" {
		return "", fmt.Errorf("set %s to the store's passphrase", name)
	}
	return p, nil
}

// services are the use cases a command runs, on the store it opened, by its clock.
func services(env Env, st *store.Store) *service.Set {
	return service.NewSet(service.On(st), service.Options{Now: env.Now, Fonts: PlanFonts(), Getenv: env.Getenv})
}

// operator names who ran a command, for the envelopes and the audit log: the system account,
// which Unix calls USER and Windows USERNAME.
func operator(env Env) string {
	for _, name := range []string{"USER", "USERNAME"} {
		if u := env.Getenv(name); u != "" {
			return "command line (" + u + ")"
		}
	}
	return "command line"
}
