package devices

import "time"

// Side is which device's value of a field a coordinator keeps.
type Side int

// The two sides of a conflict.
const (
	Ours Side = iota
	Theirs
)

// Conflict is one record both devices changed in the same field(s).
type Conflict struct {
	ID, PatientID string
	Patient       string // "Siân O'Brien · 943 476 5919"; "" for hub records (templates, services, staff)
	What          string // "Care plan draft (version 3)"
	Ours, Theirs  ConflictSide
	Fields        []ConflictField
}

// ConflictSide says which device and user made one side's edit, and when.
type ConflictSide struct {
	Device, User string
	When         time.Time
}

// ConflictField is one field both sides changed. Ours/Theirs are already in words (FieldText).
type ConflictField struct{ Key, Label, Ours, Theirs string }
