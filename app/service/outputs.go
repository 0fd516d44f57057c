package service

import (
	"errors"
	"fmt"
	"os"

	"carehub/store"
)

// No output ever replaces a store or an input. Every command and screen that writes a file
// (a printed plan, the evaluation or audit CSV, a FHIR export, a backup, a device card, a
// bundle, an acknowledgement, a tablet store) asks CheckOutput first, before any work is done:
// the writes end in a rename, and a rename onto the store would put the output in its place.

// Errors of choosing where an output goes, in the words of whoever chose it.
var (
	ErrOutputIsStore      = errors.New("that is the store itself: choose another file (carehub never writes over a store)")
	ErrOutputIsOtherStore = errors.New("that is a carehub store: choose another file (carehub never writes over a store)")
	ErrOutputIsInput      = errors.New("that is the file being read: choose another file")
	ErrOutputIsFolder     = errors.New("that is a folder: choose a file name inside it")
	ErrOutputIsFile       = errors.New("that is a file: choose a folder")
)

// Output is where a command's output is to go, and what it must not replace.
type Output struct {
	// Path is the file (or, with Folder, the folder) to be written.
	Path string
	// Store is the store the command works on; "" when it has none open.
	Store string
	// Inputs are the files the command reads (a bundle being imported, say).
	Inputs []string
	// Folder says the output is a folder of files (a batch print, a per-person export).
	Folder bool
}

// CheckOutput refuses an output path that is the store, another carehub store, one of the
// inputs, a folder where a file is wanted, or a file where a folder is wanted. It reads
// nothing but what is at those paths, so it can run before a store is even unlocked.
func CheckOutput(o Output) error {
	if o.Path == "" {
		return nil
	}
	if o.Store != "" && SameFile(o.Path, o.Store) {
		return fmt.Errorf("%s: %w", o.Path, ErrOutputIsStore)
	}
	for _, in := range o.Inputs {
		if in != "" && SameFile(o.Path, in) {
			return fmt.Errorf("%s: %w", o.Path, ErrOutputIsInput)
		}
	}
	info, err := os.Stat(o.Path)
	if err != nil {
		return nil // nothing there yet: the write says why if it cannot make one
	}
	switch {
	case info.IsDir() && !o.Folder:
		return fmt.Errorf("%s: %w", o.Path, ErrOutputIsFolder)
	case info.IsDir():
		return nil
	case store.IsStore(o.Path):
		return fmt.Errorf("%s: %w", o.Path, ErrOutputIsOtherStore)
	case o.Folder:
		return fmt.Errorf("%s: %w", o.Path, ErrOutputIsFile)
	}
	return nil
}

// checkOutput is CheckOutput for a service over the open store st.
func checkOutput(st *store.Store, path string, folder bool, inputs ...string) error {
	return CheckOutput(Output{Path: path, Store: st.Path(), Inputs: inputs, Folder: folder})
}
