package service

import (
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/devices"
	"carehub/store"
	"carehub/store/bundle"
)

// Sync pairs this store with other devices and carries bundles between them: the desktop's
// Sync screen and `carehub device` and `carehub sync` call the same methods (the screen's
// give their results in words).
type Sync struct{ base }

// AckPathFor is where the acknowledgement of a bundle is written: beside it, with a name that
// says what it is and the bundle extension the app's open dialog shows.
func AckPathFor(bundlePath string) string {
	return strings.TrimSuffix(bundlePath, ".chb") + ".ack.chb"
}

// ThisDevice is this store's own device card, as the Sync screen shows it.
func (s *Sync) ThisDevice() (devices.Device, error) {
	st, err := s.store()
	if err != nil {
		return devices.Device{}, err
	}
	card, err := st.DeviceCard()
	if err != nil {
		return devices.Device{}, err
	}
	return deviceView(card), nil
}

// deviceOf is a card as the Sync screen shows it.
func deviceView(card bundle.Card) devices.Device {
	return devices.Device{ID: card.Device.String(), Name: card.Name, Tablet: card.Role == bundle.RoleTablet, Fingerprint: card.Fingerprint()}
}

// RenameDevice renames this device, as paired devices will see it.
func (s *Sync) RenameDevice(name string) error {
	st, err := s.store()
	if err != nil {
		return err
	}
	if err := mayPair(st); err != nil {
		return err
	}
	return st.RenameDevice(name)
}

// Devices lists the paired devices, each with what it is waiting for.
func (s *Sync) Devices() ([]devices.Device, error) {
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	peers, err := st.Peers()
	if err != nil {
		return nil, err
	}
	who, err := patientLines(st)
	if err != nil {
		return nil, err
	}
	waiting, err := st.ChangesWaitingAll()
	if err != nil {
		return nil, err
	}
	out := make([]devices.Device, 0, len(peers))
	for _, p := range peers {
		out = append(out, devices.Device{
			ID: p.Card.Device.String(), Name: p.Card.Name, Tablet: p.Card.Role == bundle.RoleTablet,
			Patient: who[p.Card.Patient], LastSent: p.LastSent, LastReceived: p.LastReceived, Waiting: waiting[p.Card.Device],
			Fingerprint: p.Card.Fingerprint(), Unpaired: p.Unpaired, CutShort: p.CutShort,
		})
	}
	return out, nil
}

// TabletOf finds the person's tablet among the paired devices and counts what it is waiting
// for: a key worker about to rely on what the person sees at home needs to know.
func (s *Sync) TabletOf(patientID string) (devices.TabletState, error) {
	st, err := s.store()
	if err != nil {
		return devices.TabletState{}, err
	}
	if !st.SignedIn().ReadsPatient(patientID) {
		return devices.TabletState{}, fmt.Errorf("%w: this account may not open that person's record", access.ErrNotAllowed)
	}
	peers, err := st.Peers()
	if err != nil {
		return devices.TabletState{}, err
	}
	// A tablet set up again is a new device and the old one stays paired: the one in use is
	// the one the hub last made a bundle for.
	var tablet *store.Peer
	for i, p := range peers {
		if p.Card.Role == bundle.RoleTablet && p.Card.Patient == patientID && p.Unpaired.IsZero() &&
			(tablet == nil || p.LastSent.After(tablet.LastSent)) {
			tablet = &peers[i]
		}
	}
	if tablet == nil {
		return devices.TabletState{}, nil
	}
	waiting, err := st.ChangesWaiting(tablet.Card.Device)
	return devices.TabletState{Paired: true, Waiting: waiting, LastAcked: tablet.LastAcked}, err
}

// patientLines names each patient as the sync screens show them ("Siân O'Brien · 943 476
// 5919"), from the caseload, which is not a view of anyone's record.
func patientLines(st *store.Store) (map[string]string, error) {
	entries, err := st.Caseload()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(entries))
	for _, e := range entries {
		out[e.PatientID] = strings.TrimSpace(e.GivenName+" "+e.FamilyName) + " · " + e.NHSNumber.Display()
	}
	return out, nil
}

// SaveCard writes this device's card to path, for another device to pair with.
func (s *Sync) SaveCard(path string) error {
	_, err := s.WriteCard(path)
	return err
}

// WriteCard writes this device's card to path (atomically) and returns it.
func (s *Sync) WriteCard(path string) (bundle.Card, error) {
	st, err := s.store()
	if err != nil {
		return bundle.Card{}, err
	}
	return writeDeviceCard(st, path)
}

// AddDevice pairs this store with the device whose card is at cardPath.
func (s *Sync) AddDevice(cardPath string) (devices.Device, error) {
	card, err := s.AddCard(cardPath)
	if err != nil {
		return devices.Device{}, err
	}
	return deviceView(card), nil
}

// ReadCard reads the device card at cardPath without pairing, so that its fingerprint can be
// compared with what that device shows before AddDevice trusts it.
func (s *Sync) ReadCard(cardPath string) (devices.Device, error) {
	st, err := s.store()
	if err != nil {
		return devices.Device{}, err
	}
	card, err := readDeviceCard(st, cardPath)
	return deviceView(card), err
}

// Unpair stops trusting a paired device (a lost laptop or tablet): its bundles are refused
// from then on, and its row stays, marked. deviceID is its id.
func (s *Sync) Unpair(deviceID string) error {
	st, err := s.store()
	if err != nil {
		return err
	}
	if err := mayPair(st); err != nil {
		return err
	}
	id, err := uuid.Parse(deviceID)
	if err != nil {
		return errNoSuchDevice
	}
	return st.Unpair(id)
}

// AddCard pairs this store with the device whose card is at cardPath and returns that card.
func (s *Sync) AddCard(cardPath string) (bundle.Card, error) {
	st, err := s.store()
	if err != nil {
		return bundle.Card{}, err
	}
	return addDeviceCard(st, cardPath)
}

// Export writes the bundle for the paired device deviceID to path and says what it carries.
func (s *Sync) Export(deviceID, path string, progress func(done, total int)) (devices.SyncResult, error) {
	id, err := uuid.Parse(deviceID)
	if err != nil {
		return devices.SyncResult{}, errNoSuchDevice
	}
	res, err := s.ExportBundle(id, path, progress)
	if err != nil {
		return devices.SyncResult{}, err
	}
	return devices.SyncResult{Summary: ExportSummary(res)}, nil
}

// ExportBundle writes the bundle for a paired device to path, atomically.
func (s *Sync) ExportBundle(device uuid.UUID, path string, progress func(done, total int)) (store.ExportResult, error) {
	st, err := s.store()
	if err != nil {
		return store.ExportResult{}, err
	}
	return exportSyncBundle(st, device, path, progress)
}

// ImportFile imports a bundle or an acknowledgement; after a bundle, the acknowledgement for
// its sender is written to ackPath. An acknowledgement that cannot be written gives an error
// that is ErrAckNotWritten, with the import done.
func (s *Sync) ImportFile(path, ackPath string, progress func(done, total int)) (store.ImportResult, error) {
	st, err := s.store()
	if err != nil {
		return store.ImportResult{}, err
	}
	return importSyncFile(st, path, ackPath, progress)
}

// Import imports a bundle or an acknowledgement, writes a bundle's acknowledgement beside it
// (AckPathFor), and says in words what it did.
func (s *Sync) Import(path string, progress func(done, total int)) (devices.SyncResult, error) {
	ack := AckPathFor(path)
	res, err := s.ImportFile(path, ack, progress)
	var notWritten ackNotWritten
	if errors.As(err, &notWritten) {
		return devices.SyncResult{}, notWritten.inApp(ImportSummary(res))
	}
	if err != nil {
		return devices.SyncResult{}, err
	}
	out := devices.SyncResult{Summary: ImportSummary(res), Conflicts: res.Conflicts}
	if !res.Ack {
		out.AckPath = ack
	}
	return out, nil
}

// Conflicts lists and settles what two devices changed in the same fields: the desktop's
// Conflicts screen, and the notice on a person's summary.
type Conflicts struct{ base }

// Conflicts lists the open conflicts, in words, to those who may resolve them (nothing to
// anyone else).
func (c *Conflicts) Conflicts() ([]devices.Conflict, error) {
	st, err := c.store()
	if err != nil {
		return nil, err
	}
	if !st.SignedIn().ResolvesConflicts() {
		return nil, nil // nothing to show to someone who may not resolve them
	}
	found, err := st.Conflicts()
	if err != nil {
		return nil, err
	}
	who, err := patientLines(st)
	if err != nil {
		return nil, err
	}
	out := make([]devices.Conflict, 0, len(found))
	for _, f := range found {
		out = append(out, conflictView(f, who[f.PatientID]))
	}
	return out, nil
}

// conflictView puts a store conflict in words for the screen.
func conflictView(c store.Conflict, patient string) devices.Conflict {
	kind := string(c.Kind)
	v := devices.Conflict{ID: c.RecordID, PatientID: c.PatientID, Patient: patient, What: whatConflicts(c),
		Ours:   devices.ConflictSide{Device: c.Ours.DeviceName, User: c.Ours.User, When: c.Ours.Time},
		Theirs: devices.ConflictSide{Device: c.Theirs.DeviceName, User: c.Theirs.User, When: c.Theirs.Time},
	}
	for _, f := range c.Fields {
		v.Fields = append(v.Fields, devices.ConflictField{Key: f, Label: careplan.FieldLabel(kind, f),
			Ours: careplan.FieldText(kind, f, c.Ours.Values[f]), Theirs: careplan.FieldText(kind, f, c.Theirs.Values[f])})
	}
	return v
}

func whatConflicts(c store.Conflict) string {
	switch {
	case c.Kind == store.KindPlan && c.Final:
		return "Agreed care plan: what you keep goes into the next draft"
	case c.Kind == store.KindPlan:
		return "Care plan draft"
	case c.Kind == store.KindPatient:
		return "Patient record"
	}
	k := string(c.Kind)
	return strings.ToUpper(k[:1]) + k[1:]
}

// Unsettled is what the person's summary warns of: each open conflict in their records, with
// the fields in question, to whoever may open the record.
func (c *Conflicts) Unsettled(patientID string) ([]string, error) {
	st, err := c.store()
	if err != nil {
		return nil, err
	}
	if !st.SignedIn().ReadsPatient(patientID) {
		return nil, fmt.Errorf("%w: this account may not open that person's record", access.ErrNotAllowed)
	}
	found, err := st.ConflictsAbout(patientID)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(found))
	for _, f := range found {
		labels := make([]string, 0, len(f.Fields))
		for _, field := range f.Fields {
			labels = append(labels, careplan.FieldLabel(string(f.Kind), field))
		}
		out = append(out, whatUnsettled(f)+": "+strings.Join(labels, ", "))
	}
	return out, nil
}

// whatUnsettled names the record in a conflict for the person's summary.
func whatUnsettled(c store.Conflict) string {
	if c.Kind == store.KindPlan && c.Final {
		return "Agreed care plan"
	}
	return whatConflicts(c)
}

// ResolveConflict settles one conflict, keeping for each field the side chosen.
func (c *Conflicts) ResolveConflict(id string, keep map[string]devices.Side) error {
	st, err := c.store()
	if err != nil {
		return err
	}
	if !st.SignedIn().ResolvesConflicts() {
		return fmt.Errorf("%w: only a coordinator or a hub administrator resolves conflicts", access.ErrNotAllowed)
	}
	theirs := make(map[string]bool, len(keep))
	for f, side := range keep {
		theirs[f] = side == devices.Theirs
	}
	return st.ResolveConflict(id, theirs)
}
