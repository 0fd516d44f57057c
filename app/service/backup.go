package service

import "carehub/store"

// Backup copies the store and checks its integrity, for `carehub backup` and `carehub check`.
type Backup struct{ base }

// Backup writes a consistent copy of the open store to path.
func (b *Backup) Backup(path string) error {
	st, err := b.store()
	if err != nil {
		return err
	}
	if err := checkOutput(st, path, false); err != nil {
		return err
	}
	return st.Backup(path)
}

// Check runs the store's integrity check: a count per record kind and any problems found.
func (b *Backup) Check() (store.Report, error) {
	st, err := b.store()
	if err != nil {
		return store.Report{}, err
	}
	return st.Check()
}
