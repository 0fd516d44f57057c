package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"carehub/careplan/access"
)

// Setting up a store is all or nothing: Create builds the whole store in a file beside the
// target (".<name>.carehub-new" in the same folder, so the last step is a rename on one file
// system), and only a finished store is moved into place. An interruption — a killed process,
// a power cut, a full disk — leaves no file at the target, and the next set-up at the same
// target removes what the interrupted one left.

// Errors of setting up a store, in the words of whoever chose the path.
var (
	ErrFolderThere    = errors.New("that is a folder: choose a file name for the store")
	ErrOtherFileThere = errors.New("a file that is not a carehub store is already there: choose another name (carehub never replaces it)")
	ErrSettingUp      = errors.New("another carehub is setting up a store there right now")
	ErrNoFolder       = errors.New("there is no such folder: make it first, or choose another place")
)

// setupSuffix ends the name of the file a store is built in before it is moved into place.
const setupSuffix = ".carehub-new"

// setupPath is where the store for path is built.
func setupPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+setupSuffix)
}

// Create makes a new store at path, locked with passphrase, as CreateWith does with nothing to
// fill in.
func Create(path, passphrase string, opt Options) (*Store, error) {
	return CreateWith(path, passphrase, opt, nil)
}

// CreateWith makes a new store at path, locked with passphrase (which must meet the passphrase
// policy, access.CheckNewPassphrase), and has fill (when not nil)
// write what the store should start with (the demo's synthetic hub, say) before it is moved
// into place, so that a store at path is always whole. It refuses a path that already holds
// a carehub store (ErrStoreExists), a folder (ErrFolderThere) or any other file
// (ErrOtherFileThere), except an empty file, which it replaces (a save dialog makes one). The
// store is returned open, at path, signed in as its first account.
func CreateWith(path, passphrase string, opt Options, fill func(*Store) error) (*Store, error) {
	if passphrase == "" {
		return nil, ErrNoPassphrase
	}
	if err := access.CheckNewPassphrase(passphrase); err != nil {
		return nil, err
	}
	kdf := ProductionKDF()
	if opt.KDF != nil {
		kdf = *opt.KDF
	}
	if err := kdf.valid(); err != nil {
		return nil, err
	}
	replace, err := inTheWay(path)
	if err != nil {
		return nil, err
	}
	tmp := setupPath(path)
	if err := clearLeftover(tmp); err != nil {
		return nil, err
	}
	// O_EXCL: two set-ups at one target cannot share a file; bbolt initialises the empty one.
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	switch {
	case errors.Is(err, os.ErrExist):
		return nil, fmt.Errorf("%s: %w", path, ErrSettingUp)
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", filepath.Dir(path), ErrNoFolder)
	case err != nil:
		return nil, err
	}
	f.Close()
	s, err := create(tmp, passphrase, kdf, opt)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	if fill != nil {
		if err := fill(s); err != nil {
			s.Close()
			os.Remove(tmp)
			return nil, err
		}
	}
	if err := s.moveTo(path, replace, opt); err != nil {
		s.Close()
		os.Remove(tmp)
		return nil, err
	}
	return s, nil
}

// inTheWay says what is at path already: nothing (false), an empty file that a new store may
// replace (true), or something that must not be replaced (an error saying what).
func inTheWay(path string) (replace bool, err error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case info.IsDir():
		return false, fmt.Errorf("%s: %w", path, ErrFolderThere)
	case info.Mode().IsRegular() && info.Size() == 0:
		return true, nil
	case isStore(path):
		return false, fmt.Errorf("%s: %w", path, ErrStoreExists)
	}
	return false, fmt.Errorf("%s: %w", path, ErrOtherFileThere)
}

// IsStore reports whether path holds a carehub store (or what is left of one: a damaged store
// is still not to be replaced). A store another carehub has open counts too. Commands that
// write a file ask it first, so their output never replaces a store.
func IsStore(path string) bool { return isStore(path) }

// isStore is IsStore.
func isStore(path string) bool {
	switch err := checkFile(path); {
	case errors.Is(err, ErrDamaged):
		return true
	case err != nil:
		return false
	}
	db, err := bolt.Open(path, fileMode, &bolt.Options{ReadOnly: true, Timeout: 100 * time.Millisecond,
		OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag&^os.O_CREATE, mode)
		}})
	if errors.Is(err, berrors.ErrTimeout) {
		return true
	}
	if err != nil {
		return false
	}
	defer db.Close()
	carehub := false
	_ = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			_, err := readIdentity(tx)
			carehub = err == nil
			return nil
		})
	})
	return carehub
}

// clearLeftover removes the file an interrupted set-up left at tmp, unless a set-up is
// building there right now (it holds bbolt's lock on the file).
func clearLeftover(tmp string) error {
	info, err := os.Lstat(tmp)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.Mode().IsRegular() && info.Size() > 0 && lockedByBolt(tmp) {
		return fmt.Errorf("%s: %w", tmp, ErrSettingUp)
	}
	return os.Remove(tmp)
}

// lockedByBolt reports whether another process holds bbolt's lock on path. Opening read-only
// takes a shared lock, which a writer's exclusive lock refuses; nothing in the file is read
// beyond its first pages.
func lockedByBolt(path string) bool {
	db, err := bolt.Open(path, fileMode, &bolt.Options{ReadOnly: true, Timeout: 100 * time.Millisecond,
		OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag&^os.O_CREATE, mode)
		}})
	if err == nil {
		db.Close()
	}
	return errors.Is(err, berrors.ErrTimeout)
}

// moveTo moves a store built at a set-up path into place at path: bbolt's file is closed, linked
// (or, over an empty file, renamed) to path, and opened again there with the key it already
// holds. A hard link never replaces a file that appeared at path meanwhile; a file system
// without links (FAT on a USB stick) gets a rename after one more look.
func (s *Store) moveTo(path string, replace bool, opt Options) error {
	tmp := s.path
	if err := s.db.Close(); err != nil {
		return err
	}
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		_ = os.Remove(tmp) // if it stays, the next set-up here removes it
	case errors.Is(err, os.ErrExist) && !replace:
		return fmt.Errorf("%s: %w", path, ErrStoreExists)
	default:
		if again, werr := inTheWay(path); werr != nil || again != replace {
			return errors.Join(werr, fmt.Errorf("%s: %w", path, ErrStoreExists))
		}
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return err
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return err
	}
	db, err := openBolt(path, opt)
	if err != nil {
		return err
	}
	s.db, s.path = db, path
	return nil
}
