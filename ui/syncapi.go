package ui

import "carehub/careplan/devices"

// Sync is what the Sync screen needs: this device's card, the paired devices, and bundles.
type Sync interface {
	ThisDevice() (devices.Device, error)
	RenameDevice(name string) error
	Devices() ([]devices.Device, error)
	SaveCard(path string) error                        // writes this device's card file
	ReadCard(cardPath string) (devices.Device, error)  // reads a card, with its fingerprint, without pairing
	AddDevice(cardPath string) (devices.Device, error) // pairs with the device whose card that is
	Unpair(deviceID string) error                      // a lost device: its bundles are refused from then on
	Export(deviceID, path string, progress func(done, total int)) (devices.SyncResult, error)
	Import(path string, progress func(done, total int)) (devices.SyncResult, error) // a bundle or an acknowledgement
	// TabletOf is what the person's own tablet has had from this hub, for their summary;
	// Paired is false when they have no tablet. Anyone who may open the record sees it.
	TabletOf(patientID string) (devices.TabletState, error)
}

// Conflicts is what the Conflicts screen needs.
type Conflicts interface {
	Conflicts() ([]devices.Conflict, error)
	ResolveConflict(id string, keep map[string]devices.Side) error // field key → which side to keep
	// Unsettled says, in words, what is in conflict in one person's records ("Care plan
	// draft: Review date"), for the notice on their summary. Anyone who may open the record
	// sees it, not only those who resolve conflicts.
	Unsettled(patientID string) ([]string, error)
}
