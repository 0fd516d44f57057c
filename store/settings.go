package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/caseload"
)

// ErrTarget is returned for an enrolment target that is not a sensible number of people.
var ErrTarget = errors.New("the enrolment target must be a whole number from 1 to 100,000")

// maxTarget is far beyond any hub's scheme (the county's was 800), so a typing slip is caught.
const maxTarget = 100_000

// EnrolmentTarget is the number of people the hub aims to enrol, which the dashboard measures
// the funnel against: caseload.DefaultTarget until the hub sets its own. It is kept in clear
// in the meta bucket: a number of people identifies no one.
func (s *Store) EnrolmentTarget() (int, error) {
	n := caseload.DefaultTarget
	err := s.view(func(tx *bolt.Tx) error {
		meta, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		if v := meta.Get([]byte(metaTarget)); len(v) == 4 {
			n = int(binary.BigEndian.Uint32(v))
		}
		return nil
	})
	return n, err
}

// SetEnrolmentTarget sets the hub's enrolment target, audited as an update.
func (s *Store) SetEnrolmentTarget(n int) error {
	if n < 1 || n > maxTarget {
		return ErrTarget
	}
	return s.update(func(w *writer) error {
		meta, err := bucket(w.tx, bucketMeta)
		if err != nil {
			return err
		}
		if err := meta.Put([]byte(metaTarget), binary.BigEndian.AppendUint32(nil, uint32(n))); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: fmt.Sprintf("enrolment target %d", n)})
	})
}

// ErrHubName is returned for a hub name that is empty or too long to print.
var ErrHubName = errors.New("the hub's name must be between 1 and 80 characters")

// HubName is the hub's own name, for screens and printed plans, or "" until one is set. It is
// kept in clear in the meta bucket: it identifies the service, not a person.
func (s *Store) HubName() (string, error) {
	var name string
	err := s.view(func(tx *bolt.Tx) error {
		meta, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		name = string(meta.Get([]byte(metaHubName)))
		return nil
	})
	return name, err
}

// SetHubName sets the hub's name, audited as an update.
func (s *Store) SetHubName(name string) error {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 80 {
		return ErrHubName
	}
	return s.update(func(w *writer) error {
		meta, err := bucket(w.tx, bucketMeta)
		if err != nil {
			return err
		}
		if err := meta.Put([]byte(metaHubName), []byte(name)); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: "hub name " + name})
	})
}

// HubLogo is the hub's logo, a PNG or JPEG, or nil when none is set. It is sealed, like the
// records, because it is the one setting an outsider could replace with a picture of their
// own choosing on every printed plan; the seal ties it to this store's key.
func (s *Store) HubLogo() ([]byte, error) {
	var logo []byte
	err := s.view(func(tx *bolt.Tx) error {
		meta, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		sealed := meta.Get([]byte(metaHubLogo))
		if sealed == nil {
			return nil
		}
		// open writes into a fresh slice, so nothing of bbolt's memory outlives the transaction.
		if logo, err = s.keys.open(nil, sealed, []byte(metaHubLogo)); err != nil {
			return fmt.Errorf("the hub's logo cannot be read: it does not decrypt")
		}
		return nil
	})
	return logo, err
}

// SetHubLogo sets the hub's logo, or removes it when logo is empty, audited as an update. A
// logo that careplan.CheckLogo refuses is not saved and its error is returned.
func (s *Store) SetHubLogo(logo []byte) error {
	detail := "hub logo removed"
	if len(logo) > 0 {
		if _, err := careplan.CheckLogo(logo); err != nil {
			return err
		}
		detail = fmt.Sprintf("hub logo set (%d bytes)", len(logo))
	}
	return s.update(func(w *writer) error {
		meta, err := bucket(w.tx, bucketMeta)
		if err != nil {
			return err
		}
		if len(logo) == 0 {
			err = meta.Delete([]byte(metaHubLogo))
		} else {
			err = meta.Put([]byte(metaHubLogo), w.keys.seal(nil, logo, []byte(metaHubLogo)))
		}
		if err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: detail})
	})
}
