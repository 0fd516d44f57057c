package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/store/bundle"
)

// Errors of pairing.
var (
	ErrOwnCard       = errors.New("that card has this store's own device id: it is this store's card, or that of a copy of this store (a backup); a second laptop needs a store of its own")
	ErrPeerKeys      = errors.New("this store is already paired with a device of that id but other keys: the card is not from the device it knows (ask where the card came from; compare fingerprints)")
	ErrUnpaired      = errors.New("that device was unpaired from this store: its bundles and acknowledgements are refused, and nothing more is made for it (pair it again with its card if it is back in safe hands)")
	ErrUnknownPeer   = errors.New("this store is not paired with that device: add its device card first")
	ErrTabletPatient = errors.New("that tablet's patient is not on this hub")
	ErrDeviceName    = errors.New("a device name needs 1 to 100 characters")
)

// Peer is a device this store is paired with, as the sync screens and commands show it.
type Peer struct {
	Card         bundle.Card
	Acked        uint64    // our change-log position the device has acknowledged
	LastSent     time.Time // when a bundle was last made for it (zero: never)
	LastReceived time.Time // when a bundle from it was last imported
	LastAcked    time.Time // when its acknowledgement of our last bundle was imported (zero: never)
	Unpaired     time.Time // when it was unpaired (zero: it is paired)
	// CutShort is when a bundle or acknowledgement from it showed a history shorter than one
	// it had shown before (restored from an old backup, or altered); zero: never.
	CutShort time.Time
}

// peerRec is a paired device as stored (sealed JSON in the peers bucket).
type peerRec struct {
	Card         bundle.Card `json:"card"`
	Added        time.Time   `json:"added"`
	Acked        uint64      `json:"acked"`
	SentUpto     uint64      `json:"sentUpto,omitempty"`
	LastSent     time.Time   `json:"lastSent,omitzero"`
	LastReceived time.Time   `json:"lastReceived,omitzero"`
	LastAcked    time.Time   `json:"lastAcked,omitzero"`
	Seen         []uuid.UUID `json:"seen,omitempty"` // the latest bundles imported from it
	Sent         []uuid.UUID `json:"sent,omitempty"` // the latest bundles made for it, which an ack must name
	// SentUptos are our change-log positions the bundles in Sent covered, one each: an
	// acknowledgement moves the checkpoint to the position recorded for the bundle it names,
	// never to a position it claims.
	SentUptos []uint64 `json:"sentUptos,omitempty"`
	// Unpaired is when the device was unpaired (a lost laptop): from then on nothing it sends
	// is imported and nothing is made for it.
	Unpaired time.Time `json:"unpaired,omitzero"`
	// Head is the latest history head it has shown us; CutShort when one came back shorter.
	Head     *bundle.Head `json:"head,omitempty"`
	CutShort time.Time    `json:"cutShort,omitzero"`
	// SentHeads are our heads in the latest bundles and acknowledgements made for it.
	SentHeads []bundle.Head `json:"sentHeads,omitempty"`
	// ResetUpto, for a tablet, is our change-log position when we last told it to remove its
	// patient: acknowledgements of bundles up to there leave the checkpoint alone.
	ResetUpto uint64 `json:"resetUpto,omitempty"`
	// RemovedUpto, on a tablet, is the sender's position in the bundle that removed the
	// patient: a bundle made before it would bring back what was removed, and is refused.
	RemovedUpto uint64 `json:"removedUpto,omitempty"`
}

// seenKept is how many bundle ids a peer record remembers each way: imported from it, to say
// "already imported", and made for it, to accept only acknowledgements of those.
const seenKept = 64

// identity returns this device's key pairs, making them the first time sync needs them. The
// private keys are sealed under the data key, like every record.
func (s *Store) identity() (bundle.Identity, error) {
	var id bundle.Identity
	var made bool
	// Read first: a bbolt write transaction rewrites the file's meta page even when it changes
	// nothing, and importing a bundle a second time must leave the file exactly as it was.
	err := s.view(func(tx *bolt.Tx) error {
		meta, err := bucket(tx, bucketMeta)
		if err != nil || meta.Get([]byte(metaDeviceKeys)) == nil {
			return err
		}
		made = true
		id, err = (&writer{tx: tx, keys: s.keys, origin: s.origin}).identity()
		return err
	})
	if err != nil || made {
		return id, err
	}
	err = s.update(func(w *writer) error {
		var err error
		id, err = w.identity()
		return err
	})
	return id, err
}

func (w *writer) identity() (bundle.Identity, error) {
	meta, err := bucket(w.tx, bucketMeta)
	if err != nil {
		return bundle.Identity{}, err
	}
	aad := []byte(metaDeviceKeys)
	if sealed := meta.Get(aad); sealed != nil {
		plain, err := w.keys.open(nil, sealed, aad)
		if err != nil {
			return bundle.Identity{}, fmt.Errorf("this device's sync keys do not decrypt: %w", ErrNotCarehub)
		}
		return bundle.UnmarshalIdentity(w.origin, plain)
	}
	id, err := bundle.NewIdentity(w.origin)
	if err != nil {
		return id, err
	}
	return id, meta.Put(aad, w.keys.seal(nil, id.Marshal(), aad))
}

// DeviceName is what other devices call this store: the name set with RenameDevice, or
// "carehub device" and the start of its id.
func (s *Store) DeviceName() (string, error) {
	var name string
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		name, err = deviceName(tx, s.keys, s.origin)
		return err
	})
	return name, err
}

func deviceName(tx *bolt.Tx, k *keys, origin uuid.UUID) (string, error) {
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return "", err
	}
	aad := []byte(metaDeviceName)
	sealed := meta.Get(aad)
	if sealed == nil {
		return "carehub device " + origin.String()[:8], nil
	}
	plain, err := k.open(nil, sealed, aad)
	if err != nil {
		return "", fmt.Errorf("the device name does not decrypt: %w", ErrNotCarehub)
	}
	return string(plain), nil
}

// RenameDevice sets what other devices call this store ("Hub laptop 2", "Siân's tablet").
func (s *Store) RenameDevice(name string) error {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 100 || strings.ContainsFunc(name, isControl) {
		return ErrDeviceName
	}
	return s.update(func(w *writer) error {
		meta, err := bucket(w.tx, bucketMeta)
		if err != nil {
			return err
		}
		aad := []byte(metaDeviceName)
		if err := meta.Put(aad, w.keys.seal(nil, []byte(name), aad)); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: "device renamed"})
	})
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// DeviceCard is this store's card for pairing: a hub's, or for a patient's tablet (a store
// whose account is the patient's) a tablet's naming its patient's record id.
func (s *Store) DeviceCard() (bundle.Card, error) {
	id, err := s.identity()
	if err != nil {
		return bundle.Card{}, err
	}
	name, err := s.DeviceName()
	if err != nil {
		return bundle.Card{}, err
	}
	role, patient := s.deviceRole()
	return id.Card(name, role, patient), nil
}

// deviceRole is a tablet (with its patient's record id) when the store was made as a patient's
// tablet, and a hub otherwise: it follows the store's sealed kind, never who is signed in.
func (s *Store) deviceRole() (bundle.Role, string) {
	if s.kind.kind == TabletStore {
		return bundle.RoleTablet, s.kind.patient
	}
	return bundle.RoleHub, ""
}

// AddPeer pairs this store with the device a card describes. Adding the same card again
// updates its name; a card with the same device id and other keys is refused. On a hub, a
// tablet's card must name a patient on the hub.
func (s *Store) AddPeer(c bundle.Card) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Device == s.origin {
		return ErrOwnCard
	}
	return s.update(func(w *writer) error {
		rec, found, err := w.peer(c.Device)
		if err != nil {
			return err
		}
		if found && (string(rec.Card.Box) != string(c.Box) || string(rec.Card.Sign) != string(c.Sign)) {
			return ErrPeerKeys
		}
		if role, _ := s.deviceRole(); c.Role == bundle.RoleTablet && role == bundle.RoleHub {
			pid, err := parseID(c.Patient)
			if err != nil {
				return ErrTabletPatient
			}
			if ok, err := recordExists(w.tx, KindPatient, pid); err != nil || !ok {
				return errors.Join(err, ErrTabletPatient)
			}
		}
		if !found {
			rec = peerRec{Added: w.now}
		}
		repaired := !rec.Unpaired.IsZero()
		rec.Card, rec.Unpaired = c, time.Time{}
		if repaired {
			rec.Acked = 0 // it may have lost its store with the laptop: the next bundle carries everything
		}
		if err := w.putPeer(rec); err != nil {
			return err
		}
		return w.audit(AuditCreated, "", "", auditNote{patientID: c.Patient, detail: "paired with " + string(c.Role) + " device " + c.Device.String()})
	})
}

// Peers lists the paired devices by name.
func (s *Store) Peers() ([]Peer, error) {
	var out []Peer
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketPeers)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			rec, err := openPeer(s.keys, k, v)
			if err != nil {
				return err
			}
			out = append(out, Peer{Card: rec.Card, Acked: rec.Acked, LastSent: rec.LastSent, LastReceived: rec.LastReceived,
				LastAcked: rec.LastAcked, Unpaired: rec.Unpaired, CutShort: rec.CutShort})
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Card.Name < out[j].Card.Name })
	return out, err
}

// ChangesWaiting counts the records the next bundle for a device would carry because they
// changed since it acknowledged its last bundle (a removal counts as one; a tablet counts the
// check-ins it would send).
func (s *Store) ChangesWaiting(device uuid.UUID) (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		rec, found, err := getPeer(tx, s.keys, device)
		if err != nil || !found {
			return errors.Join(err, errIf(!found, ErrUnknownPeer))
		}
		log, err := readLogAfter(tx, rec.Acked)
		if err != nil {
			return err
		}
		n, err = s.waitingFor(tx, rec, log)
		return err
	})
	return n, err
}

// ChangesWaitingAll is ChangesWaiting for every paired device, reading the change log once:
// the Sync screen lists every device, and a hub may have issued hundreds of tablets.
func (s *Store) ChangesWaitingAll() (map[uuid.UUID]int, error) {
	out := map[uuid.UUID]int{}
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketPeers)
		if err != nil {
			return err
		}
		var peers []peerRec
		err = b.ForEach(func(k, v []byte) error {
			rec, err := openPeer(s.keys, k, v)
			if err == nil && !rec.Unpaired.IsZero() {
				return nil // nothing more goes to an unpaired device
			}
			peers = append(peers, rec)
			return err
		})
		if err != nil || len(peers) == 0 {
			return err
		}
		since := peers[0].Acked
		for _, p := range peers {
			since = min(since, p.Acked)
		}
		log, err := readLogAfter(tx, since)
		if err != nil {
			return err
		}
		for _, p := range peers {
			if out[p.Card.Device], err = s.waitingFor(tx, p, log); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// waitingFor counts what the next bundle for peer would carry (see ChangesWaiting).
func (s *Store) waitingFor(tx *bolt.Tx, peer peerRec, log logState) (int, error) {
	sel, err := s.selectRecords(tx, peer, log)
	if err != nil {
		return 0, err
	}
	n := len(sel.remove)
	for _, ids := range sel.records {
		n += len(ids)
	}
	if role, own := s.deviceRole(); role == bundle.RoleTablet {
		checkIns, err := checkInsOf(tx, s.keys, func(c myplan.CheckIn) bool { return c.PatientID == own })
		if err != nil {
			return 0, err
		}
		n += len(checkIns)
	}
	return n, nil
}

func errIf(cond bool, err error) error {
	if cond {
		return err
	}
	return nil
}

func (w *writer) peer(device uuid.UUID) (peerRec, bool, error) {
	return getPeer(w.tx, w.keys, device)
}

func getPeer(tx *bolt.Tx, k *keys, device uuid.UUID) (peerRec, bool, error) {
	b, err := bucket(tx, bucketPeers)
	if err != nil {
		return peerRec{}, false, err
	}
	v := b.Get(device[:])
	if v == nil {
		return peerRec{}, false, nil
	}
	rec, err := openPeer(k, device[:], v)
	return rec, err == nil, err
}

func openPeer(k *keys, key, sealed []byte) (peerRec, error) {
	var rec peerRec
	plain, err := k.open(nil, sealed, key)
	if err != nil {
		return rec, fmt.Errorf("a paired device's record does not decrypt: %w", ErrNotCarehub)
	}
	if err := json.Unmarshal(plain, &rec); err != nil {
		return rec, fmt.Errorf("a paired device's record is damaged: %w", ErrNotCarehub)
	}
	return rec, nil
}

func (w *writer) putPeer(rec peerRec) error {
	b, err := bucket(w.tx, bucketPeers)
	if err != nil {
		return err
	}
	plain, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	key := rec.Card.Device[:]
	return b.Put(key, w.keys.seal(nil, plain, key))
}

// tabletPatientOf is the patient record id a tablet peer serves, checked.
func tabletPatientOf(c bundle.Card) (uuid.UUID, error) {
	pid, err := parseID(c.Patient)
	if err != nil {
		return pid, fmt.Errorf("the tablet's card names no patient: %w", ErrTabletPatient)
	}
	return pid, nil
}

// tabletShares reports whether a patient's tablet may hold their record: consent to join and
// a status of consented or active (careplan.TabletEligible).
func tabletShares(p careplan.Patient) bool { return careplan.TabletEligible(p) }

// Unpair stops trusting a paired device (a lost laptop or tablet): its row stays, marked, so
// the hub can see what it was and when it was unpaired; from then on its bundles and
// acknowledgements are refused (ErrUnpaired) and no bundle is made for it. Pairing it again
// takes its card, like a new device.
func (s *Store) Unpair(device uuid.UUID) error {
	return s.update(func(w *writer) error {
		rec, found, err := w.peer(device)
		if err != nil || !found {
			return errors.Join(err, errIf(!found, ErrUnknownPeer))
		}
		if !rec.Unpaired.IsZero() {
			return nil
		}
		rec.Unpaired = w.now
		if err := w.putPeer(rec); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{patientID: rec.Card.Patient,
			detail: "unpaired " + string(rec.Card.Role) + " device " + rec.Card.Name + " (" + rec.Card.Device.String() + ")"})
	})
}
