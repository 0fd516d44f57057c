// Package service holds carehub's use cases: everything the desktop's screens and the command
// line both do (signing in, enrolment, plans, outcomes, printing, the evaluation report,
// accounts, the audit, settings, sync and conflicts, tablets, FHIR export, publishing to the
// shared record, backup, demo data). Each service takes the open store and a clock, checks the
// signed-in account's role before anything it changes (and before the reads a role restricts:
// the audit, accounts, tablets, check-ins, the shared-record server), and returns domain types
// (careplan/...), so the screens need neither the store nor a rule of their own.
//
// The screens declare the small interfaces they use (package ui); this package does not import
// ui, so the wiring (package app) asserts that each service satisfies them.
package service

import (
	"errors"
	"time"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// Source gives a service the open store. The desktop's store opens only at sign-in, so a
// service asks for it on every call and gets ErrLocked before then.
type Source func() (*store.Store, error)

// On is the Source for a store that is already open, as the command line's is.
func On(st *store.Store) Source {
	return func() (*store.Store, error) { return st, nil }
}

// ErrLocked is returned when anything is asked of a service before the store is unlocked.
var ErrLocked = errors.New("the store is locked: unlock it first")

// Options are what the services share beyond the store.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Fonts are the printed plan's fonts (the app passes Fyne's bundled Noto Sans).
	Fonts printout.Fonts
	// KDF is used for key slots the services make (a tablet's store); nil means
	// store.ProductionKDF. Tests make it cheap.
	KDF *store.KDFParams
	// Getenv reads the environment (a shared-record bearer token); nil means os.Getenv. The
	// command line passes its own, so its tests set variables without touching the process.
	Getenv func(string) string
}

// base is what every service holds: where to find the open store, and the shared options.
type base struct {
	open Source
	opt  Options
}

func newBase(open Source, opt Options) base {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return base{open: open, opt: opt}
}

// store is the open store, or ErrLocked.
func (b base) store() (*store.Store, error) { return b.open() }

// now is the time by the services' clock.
func (b base) now() time.Time { return b.opt.Now() }

// today is the day by the services' clock.
func (b base) today() careplan.Date { return careplan.DateOf(b.opt.Now()) }

// Set is every service over one store, as the desktop and the command line wire them.
type Set struct {
	Records     *Records
	Enrolment   *Enrolment
	Plans       *Plans
	Outcomes    *Outcomes
	Printing    *Printing
	Evaluation  *Evaluation
	Users       *Users
	AuditLog    *AuditLog
	Settings    *Settings
	Sync        *Sync
	Conflicts   *Conflicts
	Tablet      *Tablet
	TabletSync  *TabletSync
	TabletSetup *TabletSetup
	Export      *Export
	Backup      *Backup
	Demo        *Demo
	Publish     *Publish
}

// NewSet makes every service over the store open gives.
func NewSet(open Source, opt Options) *Set {
	b := newBase(open, opt)
	return &Set{
		Records: &Records{b}, Enrolment: &Enrolment{b}, Plans: &Plans{b}, Outcomes: &Outcomes{b},
		Printing: &Printing{b}, Evaluation: &Evaluation{b}, Users: &Users{b}, AuditLog: &AuditLog{b},
		Settings: &Settings{b}, Sync: &Sync{b}, Conflicts: &Conflicts{b}, Tablet: &Tablet{b},
		TabletSync: &TabletSync{b}, TabletSetup: &TabletSetup{b}, Export: &Export{b},
		Backup: &Backup{b}, Demo: &Demo{b}, Publish: &Publish{b},
	}
}
