// Package devices describes carehub's paired devices as people see them: a device as the Sync
// screen lists it, how current a person's tablet is, what one bundle did, and the conflicts
// two devices' edits leave for a coordinator to settle. It holds types only; the services fill
// them from the store and the screens show them.
package devices

import "time"

// Device is one carehub device as the Sync screen shows it.
type Device struct {
	ID, Name               string
	Tablet                 bool      // a patient's tablet, not a hub laptop
	Patient                string    // for a tablet: "Siân O'Brien · 943 476 5919"
	LastSent, LastReceived time.Time // zero: never
	Waiting                int       // changes made here that device has not acknowledged
	// Fingerprint is a short form of the device's keys ("7KQ2-M9XD-4HRT-WB3N") to compare,
	// read aloud, with what the device itself shows before trusting it.
	Fingerprint string
	// Unpaired is when the device was unpaired (a lost laptop): its bundles are refused.
	Unpaired time.Time
	// CutShort is when its history came back shorter than it was (restored from an old
	// backup, or altered): what it changed since may be lost.
	CutShort time.Time
}

// TabletState is how current a person's tablet is.
type TabletState struct {
	Paired    bool
	Waiting   int       // their records changed here that the tablet has not acknowledged
	LastAcked time.Time // zero: it has never acknowledged a bundle
}

// SyncResult is what one export or import did, in words.
type SyncResult struct {
	Summary   string // one line, e.g. "Bundle for Hub laptop 2: 120 records, 3 check-ins"
	AckPath   string // after importing a bundle: the acknowledgement written for the sender ("" otherwise)
	Conflicts int    // conflicts this import found
}
