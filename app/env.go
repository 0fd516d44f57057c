// Package app wires carehub together: it opens the store, runs the administrative commands of
// the command line and starts the desktop app.
package app

import (
	"io"
	"os"
	"time"
)

// Env is everything a command reads from the world outside, so tests can run commands in
// process with their own output, environment and clock.
type Env struct {
	Args   []string
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time
}

// System returns the real process environment with the given arguments.
func System(args []string) Env {
	return Env{Args: args, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// The environment variables that carry passphrases for non-interactive commands.
const (
	PassphraseVar    = "CAREHUB_PASSPHRASE"
	NewPassphraseVar = "CAREHUB_NEW_PASSPHRASE"
)

// GUI starts the desktop app on the store at dbPath ("" for the user's default store). It is
// passed in by main so this package never links the windowing system and stays testable.
type GUI func(dbPath string) error
