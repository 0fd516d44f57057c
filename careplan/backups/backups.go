// Package backups holds the hub's backup schedule as people set it and see it: which folder,
// how many backups to keep, whether the running app makes one each day, and when the last one
// was made. The services keep it in the store and make the backups; the Settings screen shows
// it.
package backups

import (
	"errors"
	"strings"
	"time"
)

// Plan is where and how often the running app backs the store up.
type Plan struct {
	Folder string // where backups go ("" until the hub chooses one)
	Keep   int    // how many of the app's backups stay in Folder; older ones are removed
	Daily  bool   // the running app makes one a day by itself
}

// DefaultKeep is how many backups a hub keeps until it chooses: two weeks of daily backups.
const DefaultKeep = 14

// MaxKeep bounds Keep: a typing slip must not fill a disk.
const MaxKeep = 365

// Every is how long after the last backup a daily one is due.
const Every = 24 * time.Hour

// Errors of a backup plan, in the words of whoever set it.
var (
	ErrNoFolder = errors.New("choose the folder backups go to first")
	ErrKeep     = errors.New("keep between 1 and 365 backups")
)

// Check says what is wrong with a plan, if anything.
func (p Plan) Check() error {
	if strings.TrimSpace(p.Folder) == "" {
		return ErrNoFolder
	}
	if p.Keep < 1 || p.Keep > MaxKeep {
		return ErrKeep
	}
	return nil
}

// Due reports whether a daily backup is due at now, the last having been made at last (zero:
// never).
func (p Plan) Due(last, now time.Time) bool {
	return p.Daily && p.Check() == nil && (last.IsZero() || now.Sub(last) >= Every || now.Before(last))
}

// Status is a plan with what the last backup did.
type Status struct {
	Plan
	Last     time.Time // when the last backup was made (zero: never)
	LastPath string    // the file it made
}
