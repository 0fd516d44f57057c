package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// Conflict is a record two devices changed in the same field(s) to different values. The
// record holds the later value of each such field; both are kept here until a coordinator
// chooses.
type Conflict struct {
	RecordID  string
	Kind      Kind
	PatientID string // "" for the hub's own records (staff, templates, services)
	Fields    []string
	Final     bool // an agreed plan version: resolving starts or updates the next draft
	Found     time.Time
	Ours      ConflictSide // this device's copy when the conflict was found
	Theirs    ConflictSide // the copy that came in the bundle
}

// ConflictSide is one device's copy of the fields in conflict.
type ConflictSide struct {
	Device     uuid.UUID
	DeviceName string
	User       string
	Time       time.Time
	Values     map[string]json.RawMessage
	Stamps     map[string]stampJSON // the edit that set each value, to see when it is settled
}

// stampJSON is a field stamp as a conflict stores it.
type stampJSON struct {
	Device  uuid.UUID `json:"device"`
	Version uint64    `json:"version"`
}

// ErrNoConflict reports a conflict that is no longer open (resolved here or on another device).
var ErrNoConflict = errors.New("that conflict has already been resolved")

// sideOf is one copy's values and stamps for the given fields.
func sideOf(e envelope, name string, fields []string) ConflictSide {
	all := bodyFields(e.body)
	side := ConflictSide{Device: e.origin, DeviceName: name, User: e.user, Time: e.time,
		Values: map[string]json.RawMessage{}, Stamps: map[string]stampJSON{}}
	for _, f := range fields {
		side.Values[f] = all[f]
		if s, ok := e.meta.stampOf(f); ok {
			side.Stamps[f] = stampJSON{Device: s.origin, Version: s.version}
		}
	}
	return side
}

// recordConflict keeps both copies' values of the fields that clashed. A record with an open
// conflict gains the new fields; values already kept for a field are replaced by the newer pair.
func (w *writer) recordConflict(ours, theirs envelope, theirName string, fields []string, final bool) error {
	c, found, err := getConflict(w.tx, w.keys, ours.id)
	if err != nil {
		return err
	}
	ourName, err := deviceName(w.tx, w.keys, w.origin)
	if err != nil {
		return err
	}
	o, t := sideOf(ours, ourName, fields), sideOf(theirs, theirName, fields)
	if !found {
		c = Conflict{RecordID: ours.id.String(), Kind: ours.kind, PatientID: patientOfBody(ours), Found: w.now, Ours: o, Theirs: t}
	} else {
		for _, f := range fields {
			c.Ours.Values[f], c.Theirs.Values[f] = o.Values[f], t.Values[f]
			c.Ours.Stamps[f], c.Theirs.Stamps[f] = o.Stamps[f], t.Stamps[f]
		}
		c.Ours.User, c.Ours.Time, c.Theirs.User, c.Theirs.Time = o.User, o.Time, t.User, t.Time
	}
	c.Fields = unionStrings(c.Fields, fields)
	c.Final = c.Final || final
	if err := putConflict(w.tx, w.keys, c); err != nil {
		return err
	}
	return w.audit(AuditUpdated, ours.kind, c.RecordID, auditNote{patientID: c.PatientID, detail: fmt.Sprintf("sync conflict kept: %d field(s)", len(fields))})
}

// settleConflict closes an open conflict on a record once another device's resolution has
// arrived: every field in it was written again by an edit that saw both values.
func (w *writer) settleConflict(now envelope) error {
	c, found, err := getConflict(w.tx, w.keys, now.id)
	if err != nil || !found || !settled(c, now) {
		return err
	}
	b, err := bucket(w.tx, bucketConflicts)
	if err != nil {
		return err
	}
	return b.Delete(now.id[:])
}

// settled reports whether every field of a conflict has been written again, in the record as
// it is now, by an edit that saw both values: someone resolved it.
func settled(c Conflict, now envelope) bool {
	for _, f := range c.Fields {
		s, ok := now.meta.stampOf(f)
		if !ok || !now.meta.includesJSON(c.Ours.Stamps[f]) || !now.meta.includesJSON(c.Theirs.Stamps[f]) {
			return false
		}
		mine := stampJSON{Device: s.origin, Version: s.version}
		if mine == c.Ours.Stamps[f] || mine == c.Theirs.Stamps[f] {
			return false
		}
	}
	return true
}

func (m syncMeta) includesJSON(s stampJSON) bool { return m.seen(s.Device) >= s.Version }

// Conflicts lists the open conflicts, oldest first.
func (s *Store) Conflicts() ([]Conflict, error) {
	var out []Conflict
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = openConflicts(tx, s.keys)
		return err
	})
	return out, err
}

func openConflicts(tx *bolt.Tx, k *keys) ([]Conflict, error) {
	b, err := bucket(tx, bucketConflicts)
	if err != nil {
		return nil, err
	}
	var out []Conflict
	err = b.ForEach(func(key, v []byte) error {
		c, err := openConflict(k, key, v)
		if err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Found.Before(out[j].Found) })
	return out, err
}

// receiveConflict keeps a conflict another hub laptop found, so a coordinator here sees it too,
// unless the record here already shows it resolved. Sides are named from this device's view.
func (w *writer) receiveConflict(c Conflict) (bool, error) {
	id, err := parseID(c.RecordID)
	if err != nil {
		return false, err
	}
	current, err := rawRecord(w.tx, w.keys, c.Kind, id)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if c.Theirs.Device == w.origin {
		c.Ours, c.Theirs = c.Theirs, c.Ours
	}
	if settled(c, current) {
		return false, nil
	}
	if _, found, err := getConflict(w.tx, w.keys, id); err != nil || found {
		return false, err // one open conflict per record is enough: ours stays as found here
	}
	c.Found = w.now
	return true, putConflict(w.tx, w.keys, c)
}

// ConflictCount is how many conflicts are open, for a badge on the caseload.
func (s *Store) ConflictCount() (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketConflicts)
		if err != nil {
			return err
		}
		n = b.Stats().KeyN
		return nil
	})
	return n, err
}

// ResolveConflict settles a conflict with the value a coordinator chose for each field (true:
// the other device's, false: this device's). The record is saved again as a normal edit, which
// every other device will take, and the conflict is closed. For an agreed plan version, which
// never changes, the chosen values go into the patient's draft (started from that version when
// there is none), so nothing the person agreed is rewritten.
func (s *Store) ResolveConflict(recordID string, keepTheirs map[string]bool) error {
	id, err := parseID(recordID)
	if err != nil {
		return err
	}
	return s.update(func(w *writer) error {
		c, found, err := getConflict(w.tx, w.keys, id)
		if err != nil {
			return err
		}
		if !found {
			return ErrNoConflict
		}
		current, err := getRecord(w.tx, w.keys, c.Kind, id)
		if err != nil {
			return err
		}
		fields := bodyFields(current.body)
		for _, f := range c.Fields {
			v := c.Ours.Values[f]
			if keepTheirs[f] {
				v = c.Theirs.Values[f]
			}
			if v == nil {
				delete(fields, f)
			} else {
				fields[f] = v
			}
		}
		body, err := json.Marshal(fields)
		if err != nil {
			return err
		}
		if current.final {
			err = w.resolveIntoDraft(c, current.body, body)
			if err == nil {
				err = w.restampFinal(current, c)
			}
		} else {
			w.restamp = c.Fields
			err = w.saveBody(current.kind, current.id, body)
			w.restamp = nil
		}
		if err != nil {
			return err
		}
		b, err := bucket(w.tx, bucketConflicts)
		if err != nil {
			return err
		}
		if err := b.Delete(id[:]); err != nil {
			return err
		}
		return w.audit(AuditUpdated, c.Kind, c.RecordID, auditNote{patientID: c.PatientID, detail: "sync conflict resolved"})
	})
}

// resolveIntoDraft puts the chosen values of an agreed version's conflict into the patient's
// latest draft, or a new draft started from the agreed version as it stands.
func (w *writer) resolveIntoDraft(c Conflict, agreedBody, chosen []byte) error {
	var agreed careplan.Plan
	if err := decodeBody(agreedBody, &agreed); err != nil {
		return fmt.Errorf("%w: %v", errBadEnvelope, err)
	}
	patient, err := parseID(agreed.PatientID)
	if err != nil {
		return err
	}
	plans, err := plansOf(w.tx, w.keys, patient, nil)
	if err != nil {
		return err
	}
	draft := agreed.NextDraft(uuid.NewString())
	if n := len(plans); n > 0 && plans[n-1].plan.State == careplan.PlanDraft {
		draft = plans[n-1].plan
	}
	fields := bodyFields(mustJSON(draft))
	chosenFields := bodyFields(chosen)
	changed := false
	for _, f := range c.Fields {
		switch f {
		case "id", "patientId", "version", "state", "agreement", deletedField:
			continue // these say which version it is, not what the plan says
		}
		if v, ok := chosenFields[f]; ok && !bytes.Equal(fields[f], v) {
			fields[f], changed = v, true
		}
	}
	if !changed {
		return nil // what was chosen is what the plan already says
	}
	var next careplan.Plan
	if err := json.Unmarshal(mustJSON(fields), &next); err != nil {
		return err
	}
	return w.savePlan(&next)
}

// restampFinal tells other devices that an agreed version's conflict was resolved, without
// rewriting what the person agreed: the version is stored again with the same body, its
// conflicting fields stamped by this edit. A device still holding the conflict sees an edit
// that saw both values and closes it (settled) instead of sending it back as open.
func (w *writer) restampFinal(current envelope, c Conflict) error {
	b, err := bucket(w.tx, bucketOfKind(current.kind))
	if err != nil {
		return err
	}
	version := w.clock.next(w.now)
	next := current
	next.base, next.version, next.origin, next.user, next.time = current.version, version, w.origin, w.user, w.now
	next.meta = current.meta.edited(w.origin, version, c.Fields)
	if err := b.Put(current.id[:], sealEnvelope(w.keys, next)); err != nil {
		return err
	}
	entry := w.auditEntry(AuditUpdated, current.kind, c.RecordID, auditNote{patientID: c.PatientID,
		detail: "sync conflict on an agreed version resolved; the agreed version is unchanged"})
	return w.appendChange(version, current.kind, current.id, uuid.Nil, version, entry)
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v) // only values that came from JSON
	return b
}

// saveBody saves a record's JSON body through its kind's own save, so checks and indexes run.
// While sync applies a record (w.incoming) the save stores that envelope as it came.
func (w *writer) saveBody(kind Kind, id uuid.UUID, body []byte) error {
	env := envelope{kind: kind, id: id, body: body}
	return w.saveTyped(env)
}

func getConflict(tx *bolt.Tx, k *keys, id uuid.UUID) (Conflict, bool, error) {
	b, err := bucket(tx, bucketConflicts)
	if err != nil {
		return Conflict{}, false, err
	}
	v := b.Get(id[:])
	if v == nil {
		return Conflict{}, false, nil
	}
	c, err := openConflict(k, id[:], v)
	return c, err == nil, err
}

func openConflict(k *keys, key, sealed []byte) (Conflict, error) {
	var c Conflict
	plain, err := k.open(nil, sealed, key)
	if err != nil {
		return c, fmt.Errorf("a sync conflict does not decrypt: %w", ErrNotCarehub)
	}
	if err := json.Unmarshal(plain, &c); err != nil {
		return c, fmt.Errorf("a sync conflict is damaged: %w", ErrNotCarehub)
	}
	return c, nil
}

func putConflict(tx *bolt.Tx, k *keys, c Conflict) error {
	b, err := bucket(tx, bucketConflicts)
	if err != nil {
		return err
	}
	id, err := parseID(c.RecordID)
	if err != nil {
		return err
	}
	plain, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return b.Put(id[:], k.seal(nil, plain, id[:]))
}

// patientOfBody is the patient a record is about: itself for a patient, its patientId field
// for the rest ("" for hub records).
func patientOfBody(e envelope) string {
	if e.kind == KindPatient {
		return e.id.String()
	}
	var about struct {
		PatientID string `json:"patientId"`
	}
	_ = json.Unmarshal(e.body, &about) // hub records have none
	return about.PatientID
}

func unionStrings(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string(nil), a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
