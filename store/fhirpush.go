package store

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan/fhir"
)

// What carehub remembers of publishing to shared-record FHIR servers (carehub fhir push): the
// server settings an administrator made, and for each server a checkpoint, like a paired
// device's, and what was published of each person. All of it is sealed: it names servers and
// the ids they gave people's records.

// ErrNoFHIRServer is returned when no shared-record server has been set up (fhir.ErrNoServer).
var ErrNoFHIRServer = fmt.Errorf("%w: a hub administrator sets one up in the app's Settings or with carehub fhir connect", fhir.ErrNoServer)

// Keys in the fhir-push bucket.
const (
	fhirConfigKey      = "config"
	fhirCheckpointMark = 's'
	fhirPublishedMark  = 'p'
)

// FHIRCheckpoint is where the last push to one server stopped.
type FHIRCheckpoint struct {
	URL     string    `json:"url"`
	Upto    uint64    `json:"upto"`              // change-log position the last push covered
	Mapping string    `json:"mapping,omitempty"` // the mapping that push used; another one re-examines everyone
	Retry   []string  `json:"retry,omitempty"`   // patients whose last push failed, tried again next time
	Last    time.Time `json:"last,omitzero"`     // when the last push finished, or stopped having sent something
}

// FHIRPublication is what was published of one person on one server.
type FHIRPublication struct {
	PatientID string `json:"patientId"`
	// OwnsPatient: carehub created the server's Patient, so may update and delete it. A Patient
	// the server had before (found by NHS number) is referenced, never changed.
	OwnsPatient bool            `json:"ownsPatient,omitempty"`
	State       string          `json:"state"` // PublishedState, ClosedState or RetractedState
	Resources   []FHIRPublished `json:"resources,omitempty"`
}

// States of a publication.
const (
	PublishedState = "published" // the person's agreed plan is on the server
	ClosedState    = "closed"    // the record was closed: the plan is there, marked completed
	RetractedState = "retracted" // consent withdrawn: what was published has been deleted
)

// FHIRPublished is one resource on the server: carehub's key ("CarePlan/<carehub id>"), the
// server's id and version for it, and a hash of what was sent, so an unchanged resource is not
// sent again.
type FHIRPublished struct {
	Key      string `json:"key"`
	ServerID string `json:"serverId"`
	Version  string `json:"version,omitempty"`
	Hash     string `json:"hash"`
}

// fhirServerKey is the 16 bytes a server's records are filed under: a hash of its normalised
// URL, so the file does not hold the URL in clear.
func fhirServerKey(url string) []byte {
	h := sha256.Sum256([]byte("carehub fhir server\x00" + url))
	return h[:16]
}

// FHIRPushConfig returns the shared-record server settings, or ErrNoFHIRServer.
func (s *Store) FHIRPushConfig() (fhir.ServerConfig, error) {
	var c fhir.ServerConfig
	found, err := s.readFHIRPush([]byte(fhirConfigKey), &c)
	if err == nil && !found {
		err = ErrNoFHIRServer
	}
	return c, err
}

// SetFHIRPushConfig keeps the shared-record server settings, sealed, audited as an update
// (naming the server, never the key). The caller checks the signed-in account may.
func (s *Store) SetFHIRPushConfig(c fhir.ServerConfig) error {
	if err := c.Validate(); err != nil {
		return err
	}
	norm, _ := fhir.NormalServerURL(c.URL)
	c.URL = norm
	return s.update(func(w *writer) error {
		if err := w.putFHIRPush([]byte(fhirConfigKey), c); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: "shared-record FHIR server set to " + norm + " (" + c.Auth + ")"})
	})
}

// FHIRCheckpoint returns where the last push to a server (a normalised URL) stopped; the zero
// checkpoint, with the URL, for a server never pushed to.
func (s *Store) FHIRCheckpoint(url string) (FHIRCheckpoint, error) {
	cp := FHIRCheckpoint{URL: url}
	_, err := s.readFHIRPush(append([]byte{fhirCheckpointMark}, fhirServerKey(url)...), &cp)
	return cp, err
}

// SaveFHIRCheckpoint records where a push to cp.URL stopped and audits the push with detail.
func (s *Store) SaveFHIRCheckpoint(cp FHIRCheckpoint, detail string) error {
	return s.update(func(w *writer) error {
		if err := w.putFHIRPush(append([]byte{fhirCheckpointMark}, fhirServerKey(cp.URL)...), cp); err != nil {
			return err
		}
		return w.audit(AuditReport, "", "", auditNote{detail: detail})
	})
}

// FHIRPublication returns what was published of a person on a server; found is false when
// nothing ever was.
func (s *Store) FHIRPublication(url, patientID string) (p FHIRPublication, found bool, err error) {
	id, err := parseID(patientID)
	if err != nil {
		return p, false, err
	}
	found, err = s.readFHIRPush(fhirPublicationKey(url, id), &p)
	return p, found, err
}

// SaveFHIRPublication records what is now published of a person on a server, in the same
// transaction as the audit entry saying so (detail: what was sent, never the person's name),
// so the audit never claims a push the store does not remember, nor the other way round.
func (s *Store) SaveFHIRPublication(url string, p FHIRPublication, detail string) error {
	id, err := parseID(p.PatientID)
	if err != nil {
		return err
	}
	return s.update(func(w *writer) error {
		if err := w.putFHIRPush(fhirPublicationKey(url, id), p); err != nil {
			return err
		}
		return w.audit(AuditReport, KindPatient, p.PatientID, auditNote{patientID: p.PatientID, detail: detail})
	})
}

func fhirPublicationKey(url string, patient uuid.UUID) []byte {
	k := append([]byte{fhirPublishedMark}, fhirServerKey(url)...)
	return append(k, patient[:]...)
}

// readFHIRPush unseals the value at key into out; found is false when there is none.
func (s *Store) readFHIRPush(key []byte, out any) (found bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketFHIRPush)
		if err != nil {
			return err
		}
		sealed := b.Get(key)
		if sealed == nil {
			return nil
		}
		plain, err := s.keys.open(nil, sealed, key)
		if err != nil {
			return fmt.Errorf("what was published to a FHIR server does not decrypt: %w", ErrNotCarehub)
		}
		found = true
		return json.Unmarshal(plain, out)
	})
	return found, err
}

func (w *writer) putFHIRPush(key []byte, v any) error {
	b, err := bucket(w.tx, bucketFHIRPush)
	if err != nil {
		return err
	}
	plain, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, w.keys.seal(nil, plain, key))
}

// createFHIRPushBucket adds the bucket of what was published to FHIR servers (schema step 9).
func createFHIRPushBucket(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists([]byte(bucketFHIRPush)); err != nil {
		return fmt.Errorf("creating bucket %q: %w", bucketFHIRPush, err)
	}
	return nil
}

// ChangePosition is the newest change-log position: a push that reads from here on covers
// every change up to it.
func (s *Store) ChangePosition() (uint64, error) {
	var pos uint64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		pos, err = lastChange(tx)
		return err
	})
	return pos, err
}

// PatientsChangedSince returns the people any of whose records (the patient record, a plan
// version, a PAM assessment, an outcome record, a contact) changed after a change-log
// position, as a set of patient ids.
func (s *Store) PatientsChangedSince(pos uint64) (map[string]bool, error) {
	out := map[string]bool{}
	err := s.view(func(tx *bolt.Tx) error {
		return eachChangeAfter(tx, pos, func(ch Change) error {
			switch ch.Kind {
			case KindPatient:
				out[ch.ID] = true
			case KindPlan, KindAssessment, KindOutcome, KindContact:
				id, err := uuid.Parse(ch.ID)
				if err != nil {
					return err
				}
				if p := s.patientOfRecord(tx, ch.Kind, id); p != "" {
					out[p] = true
				}
			}
			return nil
		})
	})
	return out, err
}

// patientOfRecord is the patient a stored record belongs to, or "" when it cannot be read
// (removed since, as by a tablet wipe).
func (s *Store) patientOfRecord(tx *bolt.Tx, kind Kind, id uuid.UUID) string {
	b := tx.Bucket([]byte(bucketOfKind(kind)))
	if b == nil {
		return ""
	}
	v := b.Get(id[:])
	if v == nil || storedAs(kind, id[:], v) != nil {
		return ""
	}
	e, err := openEnvelope(s.keys, v)
	if err != nil || e.deleted {
		return ""
	}
	var of struct {
		PatientID string `json:"patientId"`
	}
	if unmarshalBody(e, &of) != nil {
		return ""
	}
	return of.PatientID
}

// PatientRecordsOf reads the named people's records as EachPatient would, in one read
// transaction, unaudited like EachPatient (the caller records what it did with them). A person
// not on the hub (or removed) is left out.
func (s *Store) PatientRecordsOf(ids []string) ([]PatientRecords, error) {
	var out []PatientRecords
	err := s.view(func(tx *bolt.Tx) error {
		patients, err := bucket(tx, bucketPatients)
		if err != nil {
			return err
		}
		r, err := newSealedReader(tx)
		if err != nil {
			return err
		}
		o := &opener{keys: s.keys}
		for _, id := range ids {
			pid, err := parseID(id)
			if err != nil {
				return err
			}
			v := patients.Get(pid[:])
			if v == nil {
				continue
			}
			if err := storedAs(KindPatient, pid[:], v); err != nil {
				return err
			}
			if e, _, err := decodeEnvelope(v); err != nil {
				return err
			} else if e.deleted {
				continue
			}
			var sp sealedPatient
			if err := r.read(&sp, pid, v); err != nil {
				return err
			}
			rec, err := o.openPatient(&sp)
			if err != nil {
				return err
			}
			out = append(out, rec)
		}
		return nil
	})
	return out, err
}
