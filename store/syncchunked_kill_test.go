//go:build unix

package store

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// killChild, set in a child process's environment, names the folder whose store the child
// imports a bundle into, stopping (for its parent to kill it) in the middle.
const killChild = "CAREHUB_TEST_KILLED_IMPORT"

// killChunk is the chunk size of the killed import: the 120-person bundle of the test (three
// items a person) is applied in four chunks, and the child stops once progress (reported every
// 256 items) shows the second committed.
const killChunk = 100

func TestKilledChunkedImportLeavesTheOldStoreWholeAndTheNextImportCompletes(t *testing.T) {
	if dir := os.Getenv(killChild); dir != "" {
		importUntilKilled(t, dir)
		return
	}
	dir := t.TempDir()
	a := hubWith(t, 120)
	clock := newTestClock()
	opt := testOptions(clock)
	opt.importChunk = killChunk
	path := filepath.Join(dir, "laptop.carehub")
	b, err := Create(path, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	pair(t, a, b)
	data := bundleFor(t, a, b)
	if err := os.WriteFile(filepath.Join(dir, "bundle.chb"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	before := recordsOf(t, b)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	killMidImport(t, dir)
	copyLeft, err := os.Stat(importPath(path))
	if err != nil || copyLeft.Size() == 0 {
		t.Fatalf("the child was not killed inside a chunked import (no copy beside the store: %v)", err)
	}

	b, err = Open(path, testPassphrase, opt)
	if err != nil {
		t.Fatalf("opening the store after the kill: %v", err)
	}
	closeAndCheck(t, b)
	if !bytes.Equal(recordsOf(t, b), before) {
		t.Error("the killed import changed the store")
	}
	if n := counts(t, b)["patients"]; n != 0 {
		t.Errorf("%d patients after the killed import, want none", n)
	}
	res, err := b.ImportBundle(bytes.NewReader(data), nil, nil)
	if err != nil {
		t.Fatalf("importing again after the kill: %v", err)
	}
	if res.AlreadyImported || res.New != res.Manifest.Items {
		t.Errorf("the next import: %+v", res)
	}
	if n := counts(t, b)["patients"]; n != 120 {
		t.Errorf("%d patients after the next import, want 120", n)
	}
	if _, err := os.Stat(importPath(path)); !os.IsNotExist(err) {
		t.Errorf("the killed import's copy is still beside the store: %v", err)
	}
}

// killMidImport runs this test in a child process importing dir's bundle into dir's store,
// and kills it with SIGKILL once it says it is in the middle.
func killMidImport(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledChunkedImportLeavesTheOldStoreWholeAndTheNextImportCompletes$")
	cmd.Env = append(os.Environ(), killChild+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	said := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "importing" {
				said <- sc.Text()
				return
			}
		}
		close(said)
	}()
	select {
	case _, ok := <-said:
		if !ok {
			_ = cmd.Wait()
			t.Fatal("the child ended without reaching the middle of its import")
		}
	case <-time.After(2 * time.Minute):
		t.Error("the child did not reach the middle of its import in 2 minutes")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
}

// importUntilKilled is the child: it imports the bundle and, after its second chunk has been
// committed to the copy, says "importing" and waits to be killed inside the third.
func importUntilKilled(t *testing.T, dir string) {
	opt := testOptions(newTestClock())
	opt.importChunk = killChunk
	s, err := Open(filepath.Join(dir, "laptop.carehub"), testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "bundle.chb"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ImportBundle(bytes.NewReader(data), nil, func(done, total int) {
		if done >= 2*killChunk && done < total {
			fmt.Println("importing")
			time.Sleep(time.Hour) // the parent kills this process
		}
	})
	t.Fatalf("the import ended (%v) instead of being killed", err)
}
