package app

import (
	"fmt"
	"strings"

	"carehub/app/service"
	"carehub/careplan/access"
	"carehub/store"
)

// openStore opens an existing store for a non-interactive command, signed in as the account
// the command line names (--user or CAREHUB_USER) with the passphrase from the environment:
// one key derivation, and the audit names that account. Without a name the passphrase is tried
// against every key slot, as the unlock screen of old did, and the account whose slot it opens
// is the one signed in. No name is ever taken from the system's own user ($USER).
func openStore(env Env, path string) (*store.Store, error) {
	return openStoreWith(env, path, store.Options{Now: env.Now})
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
	if name := strings.TrimSpace(env.Getenv(UserVar)); name != "" {
		return store.OpenAs(path, name, pass, opt)
	}
	return store.Open(path, pass, opt)
}

// createStore makes a new store for a non-interactive command, its first account the hub
// administrator admin (whose passphrase is CAREHUB_PASSPHRASE), with fill (when not nil)
// writing what it starts with before it is moved into place: an interrupted command leaves no
// store, not half of one.
func createStore(env Env, path, admin string, also access.Role, fill func(*store.Store) error) (*store.Store, error) {
	pass, err := passphrase(env, PassphraseVar)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(admin) == "" {
		return nil, fmt.Errorf("%w: name the store's first hub administrator with --admin NAME", errUsage)
	}
	st, err := store.CreateWith(path, pass, store.Options{Now: env.Now, Admin: strings.TrimSpace(admin), AdminAlso: also}, fill)
	if err != nil {
		return nil, err
	}
	if err := service.FirstCoordinator(st); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
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

// withUserFlag takes --user NAME (or --user=NAME) out of a command's arguments, wherever it
// stands, and returns the environment with CAREHUB_USER set to it: every command signs in the
// same way without each declaring the flag.
func withUserFlag(env Env, args []string) (Env, []string, error) {
	var rest []string
	name, found := "", false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--user" || a == "-user":
			if i+1 >= len(args) {
				return env, nil, fmt.Errorf("%w: --user needs the account's name", errUsage)
			}
			name, found = args[i+1], true
			i++
		case strings.HasPrefix(a, "--user=") || strings.HasPrefix(a, "-user="):
			name, found = a[strings.Index(a, "=")+1:], true
		default:
			rest = append(rest, a)
		}
	}
	if !found {
		return env, args, nil
	}
	getenv := env.Getenv
	env.Getenv = func(k string) string {
		if k == UserVar {
			return name
		}
		return getenv(k)
	}
	return env, rest, nil
}
