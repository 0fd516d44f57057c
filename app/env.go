// Package app wires carehub together: it opens the store, runs the administrative commands of
// the command line and starts the desktop app.
package app

import (
	"errors"
	"io"
	"os"
	"strings"
	"time"

	"carehub/app/buildinfo"
)

// Env is everything a command reads from the world outside, so tests can run commands in
// process with their own output, environment and clock.
type Env struct {
	Args   []string
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time
	// Build says which carehub this is, for `carehub version`; main reads it from the
	// embedded FyneApp.toml.
	Build buildinfo.Info
}

// System returns the real process environment with the given arguments.
func System(args []string) Env {
	return Env{Args: args, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// The environment variables that carry passphrases for non-interactive commands.
const (
	PassphraseVar    = "CAREHUB_PASSPHRASE"
	NewPassphraseVar = "CAREHUB_NEW_PASSPHRASE"
	// UserVar names the account a command signs in as (--user NAME does the same).
	UserVar = "CAREHUB_USER"
)

// GUI starts the desktop app on the store at dbPath ("" for the user's default store). It is
// passed in by main so this package never links the windowing system and stays testable.
type GUI func(dbPath string) error

// IdleLockVar sets how long the desktop app may sit idle before it locks, as a Go duration
// ("5m", "90s"); "off" never locks on idle. Unset means the default of five minutes.
const IdleLockVar = "CAREHUB_IDLE_LOCK"

// errIdleLock reports an idle-lock setting that is not a duration.
var errIdleLock = errors.New(IdleLockVar + " must be a duration such as 5m or 90s, or off")

// IdleLock reads the idle-lock setting: 0 for the default, a negative value for off. A hub
// may shorten the lock, or lengthen it for a demonstration, without a new build.
func IdleLock(getenv func(string) string) (time.Duration, error) {
	v := strings.TrimSpace(getenv(IdleLockVar))
	switch v {
	case "":
		return 0, nil
	case "off":
		return -1, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, errIdleLock
	}
	return d, nil
}
