package store

import (
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// SaveStaff creates or updates a member of the hub's staff. A member without an id gets a new
// one; a name is required.
func (s *Store) SaveStaff(m *careplan.StaffMember) error {
	return withNewID(&m.ID, func() error {
		return s.update(func(w *writer) error { return w.saveStaff(m) })
	})
}

func (w *writer) saveStaff(m *careplan.StaffMember) error {
	if strings.TrimSpace(m.Name) == "" {
		return ErrStaffName
	}
	id, err := parseID(m.ID)
	if err != nil {
		return err
	}
	_, err = w.putRecord(record{kind: KindStaff, id: id, body: m, note: auditNote{detail: string(m.Role)}})
	return err
}

// Staff returns the hub's staff, sorted by name.
func (s *Store) Staff() ([]careplan.StaffMember, error) {
	var out []careplan.StaffMember
	err := s.view(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindStaff, func(e envelope) error {
			var m careplan.StaffMember
			if err := unmarshalBody(e, &m); err != nil {
				return err
			}
			out = append(out, m)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}
