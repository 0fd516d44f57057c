package service

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/store"
)

// benchPassphrase opens every benchmark store.
const benchPassphrase = "pw-for-bench"

// benchCacheVersion names the cached demo stores; bump it when the demo generator changes.
const benchCacheVersion = 1

// benchKDF keeps unlocking cheap: the benchmarks time the work after unlock.
func benchKDF() *store.KDFParams { return &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1} }

// demoStoreFile returns the path of a private copy of an n-person demo store (seed 1, dated
// fixedNow). Loading 30,000 demo people takes minutes, so the first build is kept in the
// system temp folder under a name that says what it holds and reused by later runs; each
// caller gets its own copy in b.TempDir so one benchmark's writes never reach another's.
// Bump benchCacheVersion (or delete os.TempDir()/carehub-bench-*) when the demo generator
// changes; a store format change is handled by Open's migrations like any old store.
func demoStoreFile(b *testing.B, n int) string {
	b.Helper()
	cached := filepath.Join(os.TempDir(), fmt.Sprintf("carehub-bench-demo-%d-v%d.db", n, benchCacheVersion))
	if _, err := os.Stat(cached); err != nil {
		buildDemoStoreFile(b, cached, n)
	}
	own := filepath.Join(b.TempDir(), "hub.db")
	if err := copyFile(cached, own); err != nil {
		b.Fatal(err)
	}
	return own
}

// buildDemoStoreFile writes an n-person demo store beside path and renames it into place, so
// an interrupted build leaves no half-filled cache behind.
func buildDemoStoreFile(b *testing.B, path string, n int) {
	b.Helper()
	tmp := path + ".building"
	_ = os.Remove(tmp)
	st, err := store.Create(tmp, benchPassphrase, store.Options{Now: fixedNow, User: "bench", KDF: benchKDF()})
	if err != nil {
		b.Fatal(err)
	}
	began := time.Now()
	if err := loadDemo(st, 1, n, careplan.DateOf(fixedNow()), nil); err != nil {
		st.Close()
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the %d-person demo store in %v (cached at %s)", n, time.Since(began).Round(time.Second), path)
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
}

// openBenchStore opens a demo store file made by demoStoreFile.
func openBenchStore(b *testing.B, path string) *store.Store {
	b.Helper()
	st, err := store.Open(path, benchPassphrase, store.Options{Now: fixedNow, User: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
