package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/store/bundle"
)

// ExportResult is what a bundle carries, in numbers.
type ExportResult struct {
	Manifest bundle.Manifest
	To       bundle.Card
	Records  int
	CheckIns int
	Removal  bool // the bundle tells a tablet to wipe its patient's data
}

// kindOrder is the order records travel in: a patient before anything about them, staff
// before the teams that name them.
var kindOrder = [...]Kind{KindPatient, KindStaff, KindTemplate, KindService, KindPlan, KindAssessment, KindOutcome, KindContact}

// selection is what a bundle will carry.
type selection struct {
	records   map[Kind][]uuid.UUID
	checkIns  []myplan.CheckIn
	conflicts []Conflict
	remove    []string
	upto      uint64
}

func (sel selection) count() int {
	n := len(sel.checkIns) + len(sel.conflicts)
	for _, ids := range sel.records {
		n += len(ids)
	}
	return n
}

// ExportBundle writes to w a bundle for the paired device `to` (WriteBundle) and records it
// as sent (RecordSent). A bundle written to a file is recorded only once the file is in
// place: use WriteBundle, then RecordSent.
func (s *Store) ExportBundle(w io.Writer, to uuid.UUID, progress func(done, total int)) (ExportResult, error) {
	res, err := s.WriteBundle(w, to, progress)
	if err != nil {
		return res, err
	}
	return res, s.RecordSent(res)
}

// WriteBundle writes to w a bundle for the paired device `to`: everything it may hold that
// changed since the last bundle it acknowledged, encrypted to it and signed by this device.
// progress, when not nil, is called as items are written. The bundle is read in one snapshot,
// so edits made meanwhile wait for the next bundle. Nothing is recorded: until RecordSent,
// the device's "last sent" and what an acknowledgement may name stay as they were.
func (s *Store) WriteBundle(w io.Writer, to uuid.UUID, progress func(done, total int)) (ExportResult, error) {
	var res ExportResult
	self, err := s.identity()
	if err != nil {
		return res, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		peer, found, err := getPeer(tx, s.keys, to)
		if err != nil {
			return err
		}
		if !found {
			return ErrUnknownPeer
		}
		if !peer.Unpaired.IsZero() {
			return ErrUnpaired
		}
		res.To = peer.Card
		sel, err := s.selectFor(tx, peer)
		if err != nil {
			return err
		}
		res.Removal = len(sel.remove) > 0
		m, err := manifestFor(tx, sel, peer.Acked)
		if err != nil {
			return err
		}
		m.Created = s.now()
		if m.Head, err = headOf(tx); err != nil {
			return err
		}
		m.SentHeads = peer.SentHeads
		total, done := sel.count(), 0
		step := func(emit func([]byte) error, item []byte) error {
			if err := emit(item); err != nil {
				return err
			}
			done++
			if progress != nil && (done%256 == 0 || done == total) {
				progress(done, total)
			}
			return nil
		}
		res.Manifest, err = bundle.Write(w, self, peer.Card, m, func(emit func([]byte) error) error {
			for _, kind := range kindOrder {
				for _, id := range sel.records[kind] {
					e, err := rawRecord(tx, s.keys, kind, id)
					if err != nil {
						return err
					}
					res.Records++
					if err := step(emit, recordItem(e)); err != nil {
						return err
					}
				}
			}
			for _, c := range sel.checkIns {
				item, err := checkInItem(c)
				if err != nil {
					return err
				}
				res.CheckIns++
				if err := step(emit, item); err != nil {
					return err
				}
			}
			for _, c := range sel.conflicts {
				item, err := conflictItem(c)
				if err != nil {
					return err
				}
				if err := step(emit, item); err != nil {
					return err
				}
			}
			return nil
		})
		return err
	})
	if err != nil {
		return res, err
	}
	if progress != nil && res.Manifest.Items == 0 {
		progress(0, 0)
	}
	return res, nil
}

// RecordSent records a bundle WriteBundle made as sent, once it is where it was written to:
// the device's "last sent", and the bundle's id and position, which its acknowledgement must
// name and which is as far as that acknowledgement moves the checkpoint.
func (s *Store) RecordSent(res ExportResult) error {
	to := res.Manifest.To
	return s.update(func(w *writer) error {
		rec, found, err := w.peer(to)
		if err != nil || !found {
			return err
		}
		rec.LastSent, rec.SentUpto = w.now, res.Manifest.Upto
		for len(rec.SentUptos) < len(rec.Sent) {
			// Bundles made before positions were kept: 0 says "not recorded" (sentPosition).
			rec.SentUptos = append([]uint64{0}, rec.SentUptos...)
		}
		rec.Sent = append(rec.Sent, res.Manifest.Bundle)
		rec.SentUptos = append(rec.SentUptos, res.Manifest.Upto)
		rec.SentHeads = keepHead(rec.SentHeads, res.Manifest.Head)
		if len(rec.Sent) > seenKept {
			rec.Sent = rec.Sent[len(rec.Sent)-seenKept:]
			rec.SentUptos = rec.SentUptos[len(rec.SentUptos)-seenKept:]
		}
		if res.Removal {
			// The tablet is about to forget everything: should the person share with it
			// again, the next bundle must carry all they may hold, not only what changed since.
			// No acknowledgement of a bundle made up to here may move the checkpoint again.
			rec.Acked, rec.ResetUpto = 0, res.Manifest.Upto
		}
		if err := w.putPeer(rec); err != nil {
			return err
		}
		return w.audit(AuditReport, "", "", auditNote{patientID: rec.Card.Patient,
			detail: fmt.Sprintf("sync bundle made for %s: %d records, %d check-ins", rec.Card.Name, res.Records, res.CheckIns)})
	})
}

// selectFor decides what a bundle for peer carries (docs/sync.md, "What goes where"): the
// records, then the goal check-ins and conflicts that travel with them.
func (s *Store) selectFor(tx *bolt.Tx, peer peerRec) (selection, error) {
	log, err := readLogAfter(tx, peer.Acked)
	if err != nil {
		return selection{}, err
	}
	sel, err := s.selectRecords(tx, peer, log)
	if err != nil {
		return sel, err
	}
	role, ownPatient := s.deviceRole()
	switch {
	case role == bundle.RoleTablet:
		// A tablet sends back only its patient's goal check-ins.
		sel.checkIns, err = checkInsOf(tx, s.keys, func(c myplan.CheckIn) bool { return c.PatientID == ownPatient })
	case peer.Card.Role != bundle.RoleTablet:
		if sel.checkIns, err = checkInsArrivedFor(tx, s.keys, peer.Acked, peer.Card.Device); err != nil {
			return sel, err
		}
		sel.conflicts, err = openConflicts(tx, s.keys)
	}
	return sel, err
}

// selectRecords picks the records a bundle for peer carries, or a tablet's removal, from log,
// which must start at or before the peer's checkpoint.
func (s *Store) selectRecords(tx *bolt.Tx, peer peerRec, log logState) (selection, error) {
	sel := selection{records: map[Kind][]uuid.UUID{}}
	upto, err := lastChange(tx)
	if err != nil {
		return sel, err
	}
	sel.upto = upto
	role, _ := s.deviceRole()
	switch {
	case role == bundle.RoleTablet:
		sel.upto = 0 // a tablet sends no records
		return sel, nil
	case peer.Card.Role == bundle.RoleTablet:
		return sel, s.selectForTablet(tx, peer, log, &sel)
	}
	for id, e := range log.last {
		if log.changedFor(peer, id) {
			sel.records[e.kind] = append(sel.records[e.kind], id)
		}
	}
	for _, ids := range sel.records {
		sort.Slice(ids, func(i, j int) bool { return string(ids[i][:]) < string(ids[j][:]) })
	}
	return sel, nil
}

// selectForTablet picks a patient's tablet's share: their record, agreed plan versions, PAM
// and outcome records, and their key worker's and coordinator's staff records, changed since
// the tablet's checkpoint; or, once they no longer share with a tablet, a removal.
func (s *Store) selectForTablet(tx *bolt.Tx, peer peerRec, log logState, sel *selection) error {
	pid, err := tabletPatientOf(peer.Card)
	if err != nil {
		return err
	}
	var p careplan.Patient
	if _, err := getBody(tx, s.keys, KindPatient, pid, &p); err != nil || !tabletShares(p) {
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		sel.remove = []string{pid.String()}
		return nil
	}
	add := func(kind Kind, id uuid.UUID, always bool) {
		if always || log.changedFor(peer, id) {
			sel.records[kind] = append(sel.records[kind], id)
		}
	}
	patientChanged := log.changedFor(peer, pid)
	add(KindPatient, pid, false)
	for _, staff := range []string{p.Team.KeyWorkerID, p.Team.CoordinatorID} {
		if id, err := parseID(staff); err == nil {
			if ok, _ := recordExists(tx, KindStaff, id); ok {
				add(KindStaff, id, patientChanged) // a new team member's card goes with the change
			}
		}
	}
	plans, err := recordsOfPatient(tx, bucketPlansByPatient, pid)
	if err != nil {
		return err
	}
	for _, id := range plans {
		if e, ok, err := recordHeader(tx, KindPlan, id); err == nil && ok && e.final && !e.deleted {
			add(KindPlan, id, false) // agreed versions only: never a draft
		}
	}
	for _, idx := range []struct {
		bucket string
		kind   Kind
	}{{bucketPAMByPatient, KindAssessment}, {bucketOutcomesByPatient, KindOutcome}} {
		ids, err := recordsOfPatient(tx, idx.bucket, pid)
		if err != nil {
			return err
		}
		for _, id := range ids {
			add(idx.kind, id, false)
		}
	}
	return nil
}

// rawRecord reads a stored record as it is, deleted or not.
func rawRecord(tx *bolt.Tx, k *keys, kind Kind, id uuid.UUID) (envelope, error) {
	b, err := bucket(tx, bucketOfKind(kind))
	if err != nil {
		return envelope{}, err
	}
	v := b.Get(id[:])
	if v == nil {
		return envelope{}, fmt.Errorf("%s %s: %w", kind, id, ErrNotFound)
	}
	if err := storedAs(kind, id[:], v); err != nil {
		return envelope{}, err
	}
	return openEnvelope(k, v)
}

// checkInsOf reads the check-ins that keep says to, oldest first.
func checkInsOf(tx *bolt.Tx, k *keys, keep func(myplan.CheckIn) bool) ([]myplan.CheckIn, error) {
	var out []myplan.CheckIn
	err := eachCheckIn(tx, k, func(_ uuid.UUID, c myplan.CheckIn) error {
		if keep(c) {
			out = append(out, c)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, err
}

// manifestFor describes a selection: counts per kind and, from the records' clear headers, the
// range of versions it carries from each device.
func manifestFor(tx *bolt.Tx, sel selection, since uint64) (bundle.Manifest, error) {
	m := bundle.Manifest{Kind: bundle.KindChanges, Since: since, Upto: sel.upto, Remove: sel.remove, Counts: map[string]int{}}
	origins := map[uuid.UUID]*bundle.OriginRange{}
	for kind, ids := range sel.records {
		for _, id := range ids {
			e, ok, err := recordHeader(tx, kind, id)
			if err != nil {
				return m, err
			}
			if ok {
				noteOrigin(origins, e)
			}
		}
		m.Counts[string(kind)] = len(ids)
	}
	if len(sel.checkIns) > 0 {
		m.Counts["goal check-in"] = len(sel.checkIns)
	}
	if len(sel.conflicts) > 0 {
		m.Counts["conflict"] = len(sel.conflicts)
	}
	m.Origins = originList(origins)
	return m, nil
}

func noteOrigin(origins map[uuid.UUID]*bundle.OriginRange, e envelope) {
	r := origins[e.origin]
	if r == nil {
		r = &bundle.OriginRange{Device: e.origin, Lowest: e.version, Highest: e.version}
		origins[e.origin] = r
	}
	r.Lowest, r.Highest = min(r.Lowest, e.version), max(r.Highest, e.version)
	r.Count++
}

func originList(origins map[uuid.UUID]*bundle.OriginRange) []bundle.OriginRange {
	out := make([]bundle.OriginRange, 0, len(origins))
	for _, r := range origins {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return string(out[i].Device[:]) < string(out[j].Device[:]) })
	return out
}

// headOf is where this store's history stands, for a bundle or acknowledgement to carry.
func headOf(tx *bolt.Tx) (*bundle.Head, error) {
	tail, err := readChainTail(tx)
	if err != nil || tail.pos.key == nil {
		return nil, err
	}
	return &bundle.Head{Position: tail.pos.version, Link: append([]byte(nil), tail.link...)}, nil
}

// keepHead adds head to the heads sent to a device, keeping the latest seenKept.
func keepHead(heads []bundle.Head, head *bundle.Head) []bundle.Head {
	if head == nil || len(heads) > 0 && sameHead(heads[len(heads)-1], *head) {
		return heads
	}
	heads = append(heads, *head)
	if len(heads) > seenKept {
		heads = heads[len(heads)-seenKept:]
	}
	return heads
}

func sameHead(a, b bundle.Head) bool {
	return a.Position == b.Position && bytes.Equal(a.Link, b.Link)
}
