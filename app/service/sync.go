package service

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/google/uuid"

	"carehub/careplan/access"
	"carehub/store"
	"carehub/store/bundle"
)

// Errors of the sync commands and screens, in their users' words.
var (
	errNoSuchDevice  = errors.New("this store is not paired with that device")
	errTwoDevices    = errors.New("more than one paired device has that name: use its id (carehub device list)")
	errCardTooBig    = errors.New("that file is too big to be a carehub device card")
	errAckIsTheInput = errors.New("the acknowledgement would overwrite the bundle: choose another --ack file")
)

// ErrAckNotWritten marks an import that committed but whose acknowledgement could not be
// written: the caller says the import happened before the error.
var ErrAckNotWritten = errors.New("the bundle was imported")

// maxCardSize bounds what is read as a device card.
const maxCardSize = 64 << 10

// mayPair checks the signed-in account may pair devices and carry bundles: hub coordinators
// and administrators on a hub; the patient on their own tablet.
func mayPair(st *store.Store) error {
	u := st.SignedIn()
	if u.Role == access.Patient && st.Kind() == store.TabletStore || u.SyncsDevices() {
		return nil
	}
	return fmt.Errorf("%w: only a coordinator or a hub administrator pairs devices and makes or imports bundles", access.ErrNotAllowed)
}

// writeDeviceCard writes this store's device card to path (atomically).
func writeDeviceCard(st *store.Store, path string) (bundle.Card, error) {
	if err := mayPair(st); err != nil {
		return bundle.Card{}, err
	}
	if err := checkOutput(st, path, false); err != nil {
		return bundle.Card{}, err
	}
	card, err := st.DeviceCard()
	if err != nil {
		return card, err
	}
	b, err := bundle.EncodeCard(card)
	if err != nil {
		return card, err
	}
	return card, writeAtomically(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// addDeviceCard pairs the store with the device whose card is at path.
func addDeviceCard(st *store.Store, path string) (bundle.Card, error) {
	card, err := readDeviceCard(st, path)
	if err != nil {
		return card, err
	}
	return card, st.AddPeer(card)
}

// readDeviceCard reads and checks the device card at path, for someone who may pair devices.
func readDeviceCard(st *store.Store, path string) (bundle.Card, error) {
	if err := mayPair(st); err != nil {
		return bundle.Card{}, err
	}
	b, err := readSmallFile(path, maxCardSize)
	if err != nil {
		return bundle.Card{}, err
	}
	card, err := bundle.DecodeCard(b)
	if errors.Is(err, bundle.ErrNotCard) {
		// The JSON decoder's complaint means nothing to the person holding the file.
		return card, fmt.Errorf("%s: %w (carehub device card or Save device card… writes one)", path, bundle.ErrNotCard)
	}
	return card, err
}

func readSmallFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unreadable(path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, unreadable(path, err)
	}
	if int64(len(b)) > limit {
		return nil, errCardTooBig
	}
	return b, nil
}

// unreadable says in a line why a file the user named cannot be read, without the system
// call's wording.
func unreadable(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("there is no file %s", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("carehub is not allowed to read %s", path)
	}
	return fmt.Errorf("%s cannot be read (is it a file?)", path)
}

// noSuchDevice says that which names no paired device, and which devices there are.
func noSuchDevice(which string, peers []store.Peer) error {
	if len(peers) == 0 {
		return fmt.Errorf("%w %q: it is not paired with any device yet (carehub device add)", errNoSuchDevice, which)
	}
	known := make([]string, 0, len(peers))
	for _, p := range peers {
		known = append(known, fmt.Sprintf("%q (%s, %s)", p.Card.Name, p.Card.Role, p.Card.Device))
	}
	return fmt.Errorf("%w %q; its paired devices are %s", errNoSuchDevice, which, strings.Join(known, ", "))
}

// FindDevice finds a paired device by id, or by name when exactly one has it.
func (s *Sync) FindDevice(which string) (store.Peer, error) {
	st, err := s.store()
	if err != nil {
		return store.Peer{}, err
	}
	peers, err := st.Peers()
	if err != nil {
		return store.Peer{}, err
	}
	if id, err := uuid.Parse(which); err == nil {
		for _, p := range peers {
			if p.Card.Device == id {
				return p, nil
			}
		}
		return store.Peer{}, noSuchDevice(which, peers)
	}
	var found []store.Peer
	for _, p := range peers {
		if strings.EqualFold(strings.TrimSpace(p.Card.Name), strings.TrimSpace(which)) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return store.Peer{}, noSuchDevice(which, peers)
	case 1:
		return found[0], nil
	}
	return store.Peer{}, errTwoDevices
}

// exportSyncBundle writes the bundle for a paired device to path, atomically: an interrupted
// export leaves no half bundle for someone to carry away.
func exportSyncBundle(st *store.Store, device uuid.UUID, path string, progress func(done, total int)) (store.ExportResult, error) {
	var res store.ExportResult
	if err := mayPair(st); err != nil {
		return res, err
	}
	if err := checkOutput(st, path, false); err != nil {
		return res, err
	}
	err := writeAtomically(path, func(w io.Writer) error {
		var err error
		res, err = st.WriteBundle(w, device, progress)
		return err
	})
	if err != nil {
		return res, err
	}
	return res, st.RecordSent(res) // only a bundle that is in place counts as sent
}

// importSyncFile imports a bundle or an acknowledgement. After a bundle, the acknowledgement
// for its sender is written to ackPath (atomically).
func importSyncFile(st *store.Store, path, ackPath string, progress func(done, total int)) (store.ImportResult, error) {
	var res store.ImportResult
	if err := mayPair(st); err != nil {
		return res, err
	}
	if SameFile(path, ackPath) {
		return res, errAckIsTheInput
	}
	if err := checkOutput(st, ackPath, false, path); err != nil {
		return res, err // before the import: an acknowledgement never replaces a store
	}
	f, err := os.Open(path)
	if err != nil {
		return res, unreadable(path, err)
	}
	defer f.Close()
	var ack strings.Builder
	res, err = st.ImportBundle(f, &ack, progress)
	if err != nil || res.Ack {
		return res, err
	}
	if err := writeAtomically(ackPath, func(w io.Writer) error {
		_, err := io.WriteString(w, ack.String())
		return err
	}); err != nil {
		// The import has committed: say so, or the user will think nothing happened.
		return res, ackNotWritten{path: ackPath, problem: writeProblem(err)}
	}
	return res, nil
}

// ackNotWritten is an import that committed but whose acknowledgement could not be written.
// How to write it is said differently on the command line (--ack) and in the app.
type ackNotWritten struct{ path, problem string }

func (e ackNotWritten) Error() string {
	return fmt.Sprintf("%v, but its acknowledgement could not be written to %s (%s): import the same bundle again to write it, into a folder carehub can write to (or with --ack FILE); nothing is imported twice",
		ErrAckNotWritten, e.path, e.problem)
}

func (e ackNotWritten) Is(target error) bool { return target == ErrAckNotWritten }

// inApp is the same in the app's words: there is no --ack there, the bundle is copied instead.
func (e ackNotWritten) inApp(summary string) error {
	return fmt.Errorf("%s. Its acknowledgement could not be saved beside it as %s (%s): copy the bundle into a folder you can save in, such as Documents, and import it from there to write the acknowledgement; nothing is imported twice",
		summary, e.path, e.problem)
}

// writeProblem is the short reason a file could not be written.
func writeProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "there is no such folder"
	case errors.Is(err, fs.ErrPermission):
		return "carehub is not allowed to write there"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error() // "no space left on device", without the system call and path
	}
	return err.Error()
}

// ExportSummary says in a line what a bundle carries.
func ExportSummary(res store.ExportResult) string {
	if res.Removal {
		return fmt.Sprintf("Bundle for %s: removes the patient's records from the tablet (they no longer share with it)", res.To.Name)
	}
	s := fmt.Sprintf("Bundle for %s: %s, %s", res.To.Name, plural(res.Records, "record"), plural(res.CheckIns, "goal check-in"))
	if res.Manifest.Items == 0 {
		s += " (nothing new since the last bundle it acknowledged)"
	}
	return s
}

// ImportSummary says in a line what an import did.
func ImportSummary(res store.ImportResult) string {
	if res.CutShort {
		return importSummary(res) + ". Warning about " + res.From.Name + ": " + store.CutShortWarning
	}
	return importSummary(res)
}

func importSummary(res store.ImportResult) string {
	switch {
	case res.Ack:
		return fmt.Sprintf("Acknowledgement from %s: it has everything up to that bundle", res.From.Name)
	case res.AlreadyImported:
		return fmt.Sprintf("Bundle from %s had already been imported: nothing changed", res.From.Name)
	case res.Removed:
		return fmt.Sprintf("Bundle from %s: this person's records have been removed from this tablet", res.From.Name)
	}
	return fmt.Sprintf("Bundle from %s: %d new, %d updated, %d merged, %d unchanged; %s; %s",
		res.From.Name, res.New, res.Updated, res.Merged, res.Unchanged,
		plural(res.CheckIns, "new goal check-in"), plural(res.Conflicts, "conflict"))
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
