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
	if err := mayExportHub(st); err != nil {
		return err
	}
	// Audited first, so the copy holds the entry that says it was made.
	if err := st.RecordEvent(store.AuditReport, "backup written"); err != nil {
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
