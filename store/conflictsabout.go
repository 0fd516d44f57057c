package store

import bolt "go.etcd.io/bbolt"

// ConflictsAbout is the open conflicts in one person's records, oldest first, so their
// summary can say that a value shown there is not yet settled between two devices.
func (s *Store) ConflictsAbout(patientID string) ([]Conflict, error) {
	var out []Conflict
	err := s.view(func(tx *bolt.Tx) error {
		all, err := openConflicts(tx, s.keys)
		for _, c := range all {
			if c.PatientID == patientID {
				out = append(out, c)
			}
		}
		return err
	})
	return out, err
}
