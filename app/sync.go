package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/google/uuid"

	"carehub/careplan/access"
	"carehub/store"
	"carehub/store/bundle"
)

// Errors of the sync commands and screens, in their users' words.
var (
	errNoSuchDevice  = errors.New("this store is not paired with a device of that name or id: see carehub device list")
	errTwoDevices    = errors.New("more than one paired device has that name: use its id (carehub device list)")
	errCardTooBig    = errors.New("that file is too big to be a carehub device card")
	errAckIsTheInput = errors.New("the acknowledgement would overwrite the bundle: choose another --ack file")
)

// maxCardSize bounds what is read as a device card.
const maxCardSize = 64 << 10

// mayPair checks the signed-in account may pair devices and carry bundles: hub coordinators
// and administrators on a hub; the patient on their own tablet.
func mayPair(st *store.Store) error {
	u := st.SignedIn()
	if u.Role == access.Patient || u.SyncsDevices() {
		return nil
	}
	return fmt.Errorf("%w: only a coordinator or a hub administrator pairs devices and makes or imports bundles", access.ErrNotAllowed)
}

// WriteDeviceCard writes this store's device card to path (atomically).
func WriteDeviceCard(st *store.Store, path string) (bundle.Card, error) {
	if err := mayPair(st); err != nil {
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

// AddDeviceCard pairs the store with the device whose card is at path.
func AddDeviceCard(st *store.Store, path string) (bundle.Card, error) {
	if err := mayPair(st); err != nil {
		return bundle.Card{}, err
	}
	b, err := readSmallFile(path, maxCardSize)
	if err != nil {
		return bundle.Card{}, err
	}
	card, err := bundle.DecodeCard(b)
	if err != nil {
		return card, err
	}
	return card, st.AddPeer(card)
}

func readSmallFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, errCardTooBig
	}
	return b, nil
}

// findPeer finds a paired device by id, or by name when exactly one has it.
func findPeer(st *store.Store, which string) (store.Peer, error) {
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
		return store.Peer{}, errNoSuchDevice
	}
	var found []store.Peer
	for _, p := range peers {
		if strings.EqualFold(strings.TrimSpace(p.Card.Name), strings.TrimSpace(which)) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return store.Peer{}, errNoSuchDevice
	case 1:
		return found[0], nil
	}
	return store.Peer{}, errTwoDevices
}

// ExportSyncBundle writes the bundle for a paired device to path, atomically: an interrupted
// export leaves no half bundle for someone to carry away.
func ExportSyncBundle(st *store.Store, device uuid.UUID, path string, progress func(done, total int)) (store.ExportResult, error) {
	var res store.ExportResult
	if err := mayPair(st); err != nil {
		return res, err
	}
	err := writeAtomically(path, func(w io.Writer) error {
		var err error
		res, err = st.ExportBundle(w, device, progress)
		return err
	})
	return res, err
}

// ImportSyncFile imports a bundle or an acknowledgement. After a bundle, the acknowledgement
// for its sender is written to ackPath (atomically).
func ImportSyncFile(st *store.Store, path, ackPath string, progress func(done, total int)) (store.ImportResult, error) {
	var res store.ImportResult
	if err := mayPair(st); err != nil {
		return res, err
	}
	if sameFile(path, ackPath) {
		return res, errAckIsTheInput
	}
	f, err := os.Open(path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	var ack strings.Builder
	res, err = st.ImportBundle(f, &ack, progress)
	if err != nil || res.Ack {
		return res, err
	}
	return res, writeAtomically(ackPath, func(w io.Writer) error {
		_, err := io.WriteString(w, ack.String())
		return err
	})
}

// exportSummary says in a line what a bundle carries.
func exportSummary(res store.ExportResult) string {
	if res.Removal {
		return fmt.Sprintf("Bundle for %s: removes the patient's records from the tablet (they no longer share with it)", res.To.Name)
	}
	s := fmt.Sprintf("Bundle for %s: %s, %s", res.To.Name, plural(res.Records, "record"), plural(res.CheckIns, "goal check-in"))
	if res.Manifest.Items == 0 {
		s += " (nothing new since the last bundle it acknowledged)"
	}
	return s
}

// importSummary says in a line what an import did.
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
