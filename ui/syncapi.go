package ui

import "time"

// Sync is what the Sync screen needs: this device's card, the paired devices, and bundles.
type Sync interface {
	ThisDevice() (Device, error)
	RenameDevice(name string) error
	Devices() ([]Device, error)
	SaveCard(path string) error                // writes this device's card file
	AddDevice(cardPath string) (Device, error) // pairs with the device whose card that is
	Export(deviceID, path string, progress func(done, total int)) (SyncResult, error)
	Import(path string, progress func(done, total int)) (SyncResult, error) // a bundle or an acknowledgement
	// TabletOf is what the person's own tablet has had from this hub, for their summary;
	// Paired is false when they have no tablet. Anyone who may open the record sees it.
	TabletOf(patientID string) (TabletState, error)
}

// TabletState is how current a person's tablet is.
type TabletState struct {
	Paired    bool
	Waiting   int       // their records changed here that the tablet has not acknowledged
	LastAcked time.Time // zero: it has never acknowledged a bundle
}

// Device is one carehub device as the Sync screen shows it.
type Device struct {
	ID, Name               string
	Tablet                 bool      // a patient's tablet, not a hub laptop
	Patient                string    // for a tablet: "Siân O'Brien · 943 476 5919"
	LastSent, LastReceived time.Time // zero: never
	Waiting                int       // changes made here that device has not acknowledged
}

// SyncResult is what one export or import did, in words.
type SyncResult struct {
	Summary   string // one line, e.g. "Bundle for Hub laptop 2: 120 records, 3 check-ins"
	AckPath   string // after importing a bundle: the acknowledgement written for the sender ("" otherwise)
	Conflicts int    // conflicts this import found
}

// Conflicts is what the Conflicts screen needs.
type Conflicts interface {
	Conflicts() ([]Conflict, error)
	ResolveConflict(id string, keep map[string]Side) error // field key → which side to keep
	// Unsettled says, in words, what is in conflict in one person's records ("Care plan
	// draft: Review date"), for the notice on their summary. Anyone who may open the record
	// sees it, not only those who resolve conflicts.
	Unsettled(patientID string) ([]string, error)
}

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
