package store

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// swappedFile is a bundle file that another bundle replaces after it has been read from the
// start a given number of times: a file overwritten while it is imported.
type swappedFile struct {
	first, then []byte
	after       int // reads from the start that see first
	starts      int
	r           *bytes.Reader
}

func (f *swappedFile) Read(p []byte) (int, error) { return f.r.Read(p) }

func (f *swappedFile) Seek(off int64, whence int) (int64, error) {
	if off == 0 && whence == io.SeekStart {
		f.starts++
		pos, _ := f.r.Seek(0, io.SeekCurrent)
		data := f.first
		if f.starts > f.after {
			data = f.then
		}
		f.r = bytes.NewReader(data)
		f.r.Seek(pos, io.SeekStart)
	}
	return f.r.Seek(off, whence)
}

// The import acts on the manifest read after the signature check (whether it was imported
// before, its size, a tablet's removals) and hashes and checks the items as it applies them:
// a file replaced by another bundle from the same device in between is refused whole.
func TestABundleReplacedWhileImportedIsRefusedWhole(t *testing.T) {
	for _, chunk := range []int{0, 5} {
		a := hubWith(t, 4)
		b := laptopWithChunks(t, chunk)
		pair(t, a, b)
		first := bundleFor(t, a, b)
		for i := range 8 {
			enrolled(t, a, 500+10*i)
		}
		then := bundleFor(t, a, b)
		// The last read from the start is the one that applies the items (bundle.Each): the
		// file changes just before it.
		f := &swappedFile{first: first, then: then, after: readsFromTheStart(t, a, chunk) - 1, r: bytes.NewReader(first)}
		_, err := b.ImportBundle(f, nil, nil)
		if !errors.Is(err, ErrBundleChanged) {
			t.Fatalf("chunks of %d: a bundle replaced mid-import: got %v, want ErrBundleChanged", chunk, err)
		}
		if n := counts(t, b)["patients"]; n != 0 {
			t.Errorf("chunks of %d: %d patients on the laptop after a refused bundle, want none", chunk, n)
		}
		// Carried again, unchanged, the later bundle imports whole.
		res, err := b.ImportBundle(bytes.NewReader(then), nil, nil)
		if err != nil || res.New == 0 {
			t.Fatalf("chunks of %d: importing the later bundle: %+v, %v", chunk, res, err)
		}
		if n := counts(t, b)["patients"]; n != 12 {
			t.Errorf("chunks of %d: %d patients, want 12", chunk, n)
		}
	}
}

// readsFromTheStart reports how many times an import reads a bundle from the start, on a
// laptop made as the test's are (another one, paired with hub).
func readsFromTheStart(t *testing.T, hub *Store, chunk int) int {
	t.Helper()
	other := laptopWithChunks(t, chunk)
	pair(t, hub, other)
	data := bundleFor(t, hub, other)
	f := &swappedFile{first: data, then: data, r: bytes.NewReader(data)}
	if _, err := other.ImportBundle(f, nil, nil); err != nil {
		t.Fatal(err)
	}
	return f.starts
}
