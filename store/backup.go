package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store to outPath while it stays open. The copy is
// written to a temporary file beside outPath, synced, then renamed into place, so outPath is
// only ever a whole backup. The copy is still encrypted and opens with the same passphrase.
// Backing up onto the live store itself is refused with ErrLiveStore.
func (s *Store) Backup(outPath string) error {
	if err := s.notLive(outPath); err != nil {
		return err
	}
	dir := filepath.Dir(outPath)
	tmp, err := os.CreateTemp(dir, ".carehub-backup-*") // mode 0600, like the store
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	}); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp.Name(), outPath); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	done = true
	return syncDir(dir) // make the rename itself durable
}

// notLive refuses a backup path that is the live store, however it is spelled.
func (s *Store) notLive(outPath string) error {
	live, err1 := filepath.Abs(s.path)
	out, err2 := filepath.Abs(outPath)
	if err1 == nil && err2 == nil && live == out {
		return ErrLiveStore
	}
	oi, err := os.Stat(outPath)
	if err != nil {
		return nil // nothing there yet, so it cannot be the store
	}
	li, err := os.Stat(s.path)
	if err == nil && os.SameFile(oi, li) {
		return ErrLiveStore
	}
	return nil
}

// syncDir makes a rename in dir durable. Windows cannot flush a folder (the handle os.Open
// gives lacks the write access FlushFileBuffers needs, so it fails with "Access is denied"
// after the backup is already whole); NTFS journals the rename itself, so there it is skipped.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
