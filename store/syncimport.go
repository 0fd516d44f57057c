package store

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/store/bundle"
)

// ImportResult is what importing a bundle or an acknowledgement did.
type ImportResult struct {
	Manifest        bundle.Manifest
	From            bundle.Card
	Ack             bool // it was an acknowledgement: the sender's checkpoint moved
	AlreadyImported bool // this bundle had been imported before: nothing changed
	New             int  // records this store did not have
	Updated         int  // records taken as they came (fast-forward)
	Merged          int  // records both devices had changed, merged field by field
	Unchanged       int  // records this store already had as new or newer
	Conflicts       int  // merged records with a field both changed differently
	CheckIns        int  // goal check-ins new to this store
	Removed         bool // this tablet's patient's data was wiped, as the hub asked
	// CutShort is set when the sender's history is shorter than one it showed before
	// (CutShortWarning): the import still happened, and the device's row is marked.
	CutShort bool
}

// Errors of import, in the words of whoever carries the bundle.
var (
	ErrWrongPatientBundle = errors.New("this bundle holds records about someone other than this tablet's patient: nothing was imported")
	ErrTabletSentRecords  = errors.New("this bundle from a patient's tablet holds more than that patient's goal check-ins: nothing was imported")
	ErrEnrolledTwice      = errors.New("enrolled on both devices under different records")
	ErrTabletOtherPatient = errors.New("a goal check-in in this bundle is about someone other than the tablet's patient: nothing was imported")
	ErrMadeBeforeRemoval  = errors.New("this bundle was made before the hub removed this person's records from this tablet: nothing was imported")
	ErrBundleChanged      = errors.New("the bundle file changed while it was being imported (was it being copied or written to?): nothing was imported; carry it again")
	ErrAckNotSent         = errors.New("this acknowledgement is for a bundle this store never made for that device (was the bundle made from a copy of this store?): nothing changed")
)

// CutShortWarning is what the sync screens and commands say when a device's history came
// back shorter than it was.
const CutShortWarning = "its history is shorter than it was when it last wrote to this store: it may have been restored from an old backup, or altered. What it changed since then is not on it any more; check with whoever uses it"

// enrolledTwice is ErrEnrolledTwice about one person, named as a key worker knows them.
type enrolledTwice struct {
	name string
	nhs  careplan.NHSNumber
}

func (e enrolledTwice) Error() string {
	return fmt.Sprintf("%s (NHS number %s) is enrolled on both devices under different records: nothing was imported; "+
		"keep one record of them, on one device, then carry a new bundle", e.name, e.nhs.Display())
}

func (e enrolledTwice) Unwrap() error { return ErrEnrolledTwice }

// enrolledTwiceError names the person in an incoming patient record whose NHS number this store
// already holds under another record.
func enrolledTwiceError(theirs envelope) error {
	var p careplan.Patient
	if err := decodeBody(theirs.body, &p); err != nil {
		return ErrEnrolledTwice
	}
	return enrolledTwice{name: strings.TrimSpace(p.GivenName + " " + p.FamilyName), nhs: p.NHSNumber}
}

// bigImport is how many records an import writes before it collects garbage ahead of its
// commit.
const bigImport = 10_000

// ImportBundle verifies a bundle or an acknowledgement from a paired device and applies it
// all, or (on any problem) none of it: in one transaction, or, for a bundle of more than
// importChunkItems items (a first full sync), in transactions of that many items to a copy
// of the store that replaces it once all of it has applied (importInChunks). After a bundle it writes the
// acknowledgement for the sender to ack (when not nil). Importing the same bundle again
// changes nothing, and a bundle older than what the store holds rolls nothing back.
func (s *Store) ImportBundle(r io.ReadSeeker, ack io.Writer, progress func(done, total int)) (ImportResult, error) {
	var res ImportResult
	self, err := s.identity()
	if err != nil {
		return res, err
	}
	if err := s.notUnpaired(r); err != nil {
		return res, err
	}
	// The signature is checked first; the items are hashed and checked as they are applied
	// (eachAhead), and the manifest verified then must be the one read here (sameBundle). An
	// acknowledgement, or a bundle imported before, is not read again: it is verified in full now.
	m, sender, err := bundle.ReadSigned(r, self, s.peerCard)
	if err == nil && (m.Kind == bundle.KindAck || s.alreadyImported(sender.Device, m.Bundle)) {
		m, sender, err = bundle.Verify(r, self, s.peerCard)
	}
	if err != nil {
		return res, err
	}
	res.Manifest, res.From = m, sender
	if m.Kind == bundle.KindAck {
		res.Ack = true
		res.CutShort, err = s.importAck(sender, m)
		return res, err
	}
	if s.alreadyImported(sender.Device, m.Bundle) {
		res.AlreadyImported = true
		return res, s.writeAck(ack, self, sender, m)
	}
	if s.chunked(m) {
		err = s.importInChunks(r, self, sender, m, &res, progress)
	} else {
		err = s.update(func(w *writer) error {
			imp, peer, err := startImport(w, s, sender, m, &res)
			if err != nil || res.AlreadyImported {
				return err
			}
			done := 0
			verified, err := eachAhead(r, self, sender, s.keys, func(item aheadItem) error {
				done++
				reportImport(progress, done, m.Items)
				return imp.apply(item)
			})
			if err := sameBundle(verified, m, err); err != nil {
				return err
			}
			return imp.finish(peer, m)
		})
	}
	if err != nil {
		return ImportResult{Manifest: m, From: sender}, err
	}
	return res, s.writeAck(ack, self, sender, m)
}

// sameBundle is the end of reading a bundle's items: the reading's error, or
// ErrBundleChanged unless the manifest verified with the items is the one the import acted on.
func sameBundle(verified, actedOn bundle.Manifest, err error) error {
	if err != nil {
		return err
	}
	if !bundle.SameManifest(verified, actedOn) {
		return ErrBundleChanged
	}
	return nil
}

// reportImport reports an import's progress every 256 items and at the last.
func reportImport(progress func(done, total int), done, total int) {
	if progress != nil && (done%256 == 0 || done == total) {
		progress(done, total)
	}
}

// startImport begins applying bundle m from sender in w's transaction: the sender must be
// paired, and the bundle neither imported before (res.AlreadyImported, nothing to do) nor made
// before the hub removed this tablet's patient.
func startImport(w *writer, s *Store, sender bundle.Card, m bundle.Manifest, res *ImportResult) (*importer, peerRec, error) {
	peer, found, err := w.peer(sender.Device)
	if err != nil || !found {
		return nil, peer, errors.Join(err, errIf(!found, ErrUnknownPeer))
	}
	if slices.Contains(peer.Seen, m.Bundle) {
		res.AlreadyImported = true
		return nil, peer, nil
	}
	if m.Upto < peer.RemovedUpto {
		return nil, peer, ErrMadeBeforeRemoval
	}
	w.later = newDeferredWrites() // index and caseload writes are made once, at the end
	packBuckets(w)
	return &importer{w: w, s: s, sender: sender, res: res}, peer, nil
}

// finish makes an import's held-back writes, applies a removal, and notes in the sender's
// peer record and the audit that bundle m has been imported, in the import's last transaction.
func (imp *importer) finish(peer peerRec, m bundle.Manifest) error {
	w, res := imp.w, imp.res
	if err := w.flush(); err != nil {
		return err
	}
	if res.New+res.Updated+res.Merged > bigImport {
		// The commit about to run allocates a buffer for every page it writes, on top of the
		// records bbolt holds; collecting the import's garbage first lowers the peak (by
		// about 150 MB for 30,000 people) for a few tens of milliseconds.
		runtime.GC()
	}
	if err := imp.remove(m.Remove); err != nil {
		return err
	}
	if res.Removed {
		peer.RemovedUpto = m.Upto
	}
	res.CutShort = noteHead(&peer, m, w.now)
	peer.LastReceived = w.now
	peer.Seen = append(peer.Seen, m.Bundle)
	if len(peer.Seen) > seenKept {
		peer.Seen = peer.Seen[len(peer.Seen)-seenKept:]
	}
	if err := w.putPeer(peer); err != nil {
		return err
	}
	return w.audit(AuditReport, "", "", auditNote{patientID: imp.sender.Patient, detail: fmt.Sprintf(
		"sync bundle from %s imported: %d new, %d updated, %d merged, %d conflicts, %d check-ins",
		imp.sender.Name, res.New, res.Updated, res.Merged, res.Conflicts, res.CheckIns)})
}

// writeAck writes the acknowledgement of bundle m for its sender to ack (when not nil).
func (s *Store) writeAck(ack io.Writer, self bundle.Identity, sender bundle.Card, m bundle.Manifest) error {
	if ack == nil {
		return nil
	}
	head, sent, err := s.headForAck(sender.Device)
	if err != nil {
		return err
	}
	_, err = bundle.Write(ack, self, sender, bundle.Manifest{Kind: bundle.KindAck, Acknowledges: m.Bundle, Upto: m.Upto,
		Created: s.now(), Head: head, SentHeads: sent}, nil)
	return err
}

// headForAck is this store's head for an acknowledgement to device, with the heads sent to it
// before; the head is kept among them. Importing a bundle a second time writes nothing: its
// acknowledgement carries the head the first one did.
func (s *Store) headForAck(device uuid.UUID) (*bundle.Head, []bundle.Head, error) {
	var head *bundle.Head
	var sent []bundle.Head
	var known bool
	err := s.view(func(tx *bolt.Tx) error {
		peer, found, err := getPeer(tx, s.keys, device)
		if err != nil || !found {
			return errors.Join(err, errIf(!found, ErrUnknownPeer))
		}
		if head, err = headOf(tx); err != nil {
			return err
		}
		sent = peer.SentHeads
		known = head == nil || len(sent) > 0 && sameHead(sent[len(sent)-1], *head)
		return nil
	})
	if err != nil || known {
		if known && len(sent) > 0 {
			sent = sent[:len(sent)-1]
		}
		return head, sent, err
	}
	return head, sent, s.update(func(w *writer) error {
		peer, _, err := w.peer(device)
		if err != nil {
			return err
		}
		peer.SentHeads = keepHead(peer.SentHeads, head)
		return w.putPeer(peer)
	})
}

// alreadyImported reports whether bundle id from device was imported before.
func (s *Store) alreadyImported(device, id uuid.UUID) bool {
	seen := false
	_ = s.view(func(tx *bolt.Tx) error {
		rec, ok, err := getPeer(tx, s.keys, device)
		seen = ok && err == nil && slices.Contains(rec.Seen, id)
		return nil
	})
	return seen
}

// peerCard looks up a paired device's card, for verifying its signature.
func (s *Store) peerCard(device uuid.UUID) (bundle.Card, bool) {
	var card bundle.Card
	var found bool
	_ = s.view(func(tx *bolt.Tx) error {
		rec, ok, err := getPeer(tx, s.keys, device)
		card, found = rec.Card, ok && err == nil && rec.Unpaired.IsZero()
		return nil
	})
	return card, found
}

// importAck moves the sender's checkpoint to the position this store recorded when it made
// the acknowledged bundle: whatever position the acknowledgement claims, the device has
// everything up to there and no further. cutShort says the sender's history came back
// shorter than before.
func (s *Store) importAck(sender bundle.Card, m bundle.Manifest) (cutShort bool, err error) {
	err = s.update(func(w *writer) error {
		peer, found, err := w.peer(sender.Device)
		if err != nil || !found {
			return errors.Join(err, errIf(!found, ErrUnknownPeer))
		}
		upto, ok := sentPosition(peer, m)
		if !ok {
			return ErrAckNotSent
		}
		cutShort = noteHead(&peer, m, w.now)
		if upto > peer.Acked && upto > peer.ResetUpto {
			peer.Acked, peer.LastAcked = upto, w.now
		} else if !cutShort {
			return nil // an older or repeated acknowledgement, or one from before a removal
		}
		if err := w.putPeer(peer); err != nil {
			return err
		}
		return w.audit(AuditReport, "", "", auditNote{patientID: sender.Patient, detail: "sync acknowledged by " + sender.Name})
	})
	return cutShort, err
}

// sentPosition is how far ack m moves peer's checkpoint: the position recorded when the
// bundle it names was made, and whether this store made that bundle for peer at all. For
// bundles made before positions were recorded, the claimed position within what was sent.
func sentPosition(peer peerRec, m bundle.Manifest) (uint64, bool) {
	if len(peer.Sent) == 0 {
		return m.Upto, m.Upto <= peer.SentUpto && !peer.LastSent.IsZero()
	}
	i := slices.Index(peer.Sent, m.Acknowledges)
	if i < 0 {
		return 0, false
	}
	// SentUptos lines up with the newest entries of Sent; older entries have none.
	if j := i - (len(peer.Sent) - len(peer.SentUptos)); j >= 0 && peer.SentUptos[j] > 0 {
		return peer.SentUptos[j], true
	}
	return min(m.Upto, peer.SentUpto), true
}

// noteHead keeps the history head a device's bundle or acknowledgement m shows and reports
// whether the device has lost history it had: the head it last showed us is neither m's head
// nor among the heads m says it sent us (it was restored from a backup made before, or its
// history was altered). The device's row is marked when it has.
func noteHead(peer *peerRec, m bundle.Manifest, now time.Time) bool {
	if m.Head == nil {
		return false // an older carehub: nothing to compare
	}
	old := peer.Head
	peer.Head = m.Head // from now on, compare with the history it has
	if old == nil || sameHead(*old, *m.Head) || slices.ContainsFunc(m.SentHeads, func(h bundle.Head) bool { return sameHead(h, *old) }) {
		return false
	}
	peer.CutShort = now
	return true
}

// notUnpaired refuses a bundle or acknowledgement from a device that was unpaired, by its
// clear header, before anything else in it is read.
func (s *Store) notUnpaired(r io.ReadSeeker) error {
	h, err := bundle.ReadHeader(r)
	if _, serr := r.Seek(0, io.SeekStart); serr != nil {
		return serr
	}
	if err != nil {
		return nil // Verify says what is wrong with it
	}
	unpaired := false
	err = s.view(func(tx *bolt.Tx) error {
		rec, ok, err := getPeer(tx, s.keys, h.From)
		unpaired = ok && !rec.Unpaired.IsZero()
		return err
	})
	if err != nil {
		return err
	}
	if unpaired {
		return ErrUnpaired
	}
	return nil
}

// importer applies one bundle's items inside the import transaction.
type importer struct {
	w      *writer
	s      *Store
	sender bundle.Card
	res    *ImportResult
}

func (imp importer) apply(it aheadItem) error {
	item := it.raw
	if len(item) > 0 && item[0] == itemConflict {
		c, err := readConflictItem(item)
		if err != nil {
			return err
		}
		if role, _ := imp.s.deviceRole(); role == bundle.RoleTablet || imp.sender.Role == bundle.RoleTablet {
			return ErrWrongPatientBundle
		}
		added, err := imp.w.receiveConflict(c)
		if added {
			imp.res.Conflicts++
		}
		return err
	}
	if len(item) > 0 && item[0] == itemCheckIn {
		c, err := readCheckInItem(item)
		if err != nil {
			return err
		}
		return imp.checkIn(c)
	}
	e, err := it.record()
	if err != nil {
		return err
	}
	if err := imp.allowed(e); err != nil {
		return err
	}
	return imp.record(e)
}

// allowed enforces what may travel between these two devices (docs/sync.md): a tablet sends
// the hub nothing but check-ins, and a tablet takes records about its own patient only.
func (imp importer) allowed(e envelope) error {
	role, own := imp.s.deviceRole()
	switch {
	case imp.sender.Role == bundle.RoleTablet:
		return ErrTabletSentRecords
	case role == bundle.RoleTablet && e.kind != KindStaff && patientOfBody(e) != own:
		return ErrWrongPatientBundle
	}
	return nil
}

// record merges one incoming record with this store's copy (docs/sync.md, "Merge rules").
func (imp importer) record(theirs envelope) error {
	w := imp.w
	b, err := bucket(w.tx, bucketOfKind(theirs.kind))
	if err != nil {
		return err
	}
	stored := b.Get(theirs.id[:])
	if stored == nil {
		imp.res.New++
		w.unchangedFrom, w.incomingNew = imp.sender.Device, true
		defer func() { w.unchangedFrom, w.incomingNew = uuid.Nil, false }()
		if err := w.applyRecord(theirs); errors.Is(err, ErrDuplicateNHS) {
			return enrolledTwiceError(theirs)
		} else if err != nil {
			return err
		}
		return nil
	}
	if err := storedAs(theirs.kind, theirs.id[:], stored); err != nil {
		return err
	}
	ours, err := openEnvelope(w.keys, stored)
	if err != nil {
		return err
	}
	switch {
	case ours.meta.covers(theirs.meta):
		imp.res.Unchanged++
		return nil
	case theirs.meta.covers(ours.meta):
		imp.res.Updated++
		w.unchangedFrom = imp.sender.Device
		defer func() { w.unchangedFrom = uuid.Nil }()
		if err := w.applyRecord(theirs); err != nil {
			return err
		}
		return w.settleConflict(theirs)
	}
	imp.res.Merged++
	m := mergeCopies(theirs.kind, ours, theirs)
	next := ours
	switch {
	case m.sameAsOurs:
	case m.sameAsTheirs:
		next = theirs
	default:
		body, err := m.body()
		if err != nil {
			return err
		}
		next = envelope{kind: ours.kind, id: ours.id, base: ours.version, user: w.user, time: w.now, body: body}
	}
	next.meta, next.deleted, next.final = m.meta, m.deleted, m.final || next.final
	if err := w.applyRecord(next); err != nil {
		return err
	}
	if len(m.clashes) == 0 {
		return w.settleConflict(next)
	}
	imp.res.Conflicts++
	return w.recordConflict(ours, theirs, imp.sender.Name, m.clashes, m.final)
}

// checkIn keeps a goal check-in this store does not have. From a tablet, only its own
// patient's; a tablet takes none.
func (imp importer) checkIn(c myplan.CheckIn) error {
	role, _ := imp.s.deviceRole()
	if role == bundle.RoleTablet {
		return ErrWrongPatientBundle
	}
	if imp.sender.Role == bundle.RoleTablet && c.PatientID != imp.sender.Patient {
		return ErrTabletOtherPatient
	}
	added, err := imp.w.putCheckIn(c, imp.sender.Device)
	if added {
		imp.res.CheckIns++
	}
	return err
}

// remove wipes this tablet's patient when the hub's bundle says they no longer share with it.
// A hub never wipes anything on a bundle's say-so.
func (imp importer) remove(patients []string) error {
	role, own := imp.s.deviceRole()
	if role != bundle.RoleTablet || imp.sender.Role != bundle.RoleHub || !slices.Contains(patients, own) {
		return nil
	}
	imp.res.Removed = true
	return imp.w.wipePatient(own)
}
