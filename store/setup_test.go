package store

import (
	"bufio"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCreateSaysWhatIsInTheWay(t *testing.T) {
	dir := t.TempDir()
	opt := testOptions(newTestClock())
	existing := filepath.Join(dir, "hub.carehub")
	s, err := Create(existing, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	letter := filepath.Join(dir, "letter.txt")
	if err := os.WriteFile(letter, []byte("Dear Sam,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	damagedStore := filepath.Join(dir, "damaged.carehub")
	seed := damagedSeed(t)
	if err := os.WriteFile(damagedStore, seed[:len(seed)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want error
	}{
		{existing, ErrStoreExists},
		{damagedStore, ErrStoreExists},
		{letter, ErrOtherFileThere},
		{folder, ErrFolderThere},
		{filepath.Join(dir, "no such folder", "hub.carehub"), ErrNoFolder},
	} {
		before, _ := os.ReadFile(c.path)
		if _, err := Create(c.path, testPassphrase, opt); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", filepath.Base(c.path), err, c.want)
		}
		if after, _ := os.ReadFile(c.path); string(after) != string(before) {
			t.Errorf("%s: changed by a refused set-up", filepath.Base(c.path))
		}
		if _, err := os.Stat(setupPath(c.path)); err == nil {
			t.Errorf("%s: a refused set-up left its file", filepath.Base(c.path))
		}
	}
	// A store another carehub has open is still a store.
	open, err := Open(existing, testPassphrase, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	if _, err := Create(existing, testPassphrase, opt); !errors.Is(err, ErrStoreExists) {
		t.Errorf("a store open elsewhere: %v", err)
	}
	// An empty file (a save dialog makes one) is replaced.
	empty := filepath.Join(dir, "new.carehub")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Create(empty, testPassphrase, opt)
	if err != nil {
		t.Fatalf("over an empty file: %v", err)
	}
	closeAndCheck(t, s)
}

func TestFailedSetUpLeavesNoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.carehub")
	failed := errors.New("the disk is full")
	_, err := CreateWith(path, testPassphrase, testOptions(newTestClock()), func(s *Store) error {
		for i := range 20 {
			p := testPatient("Ada", "Lovelace", testNHSNumber(3*i+1))
			if err := s.SavePatient(&p); err != nil {
				return err
			}
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("got %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 0 {
		t.Errorf("a failed set-up left %d files, the first %s", len(entries), entries[0].Name())
	}
}

func TestSetUpBuildsBesideAndMovesAWholeStoreIntoPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.carehub")
	c := newTestClock()
	s, err := CreateWith(path, testPassphrase, testOptions(c), func(s *Store) error {
		if Exists(path) {
			t.Error("the store is at its path before it is whole")
		}
		p := testPatient("Ada", "Lovelace", testNHSNumber(1))
		return s.SavePatient(&p)
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("the store says it is at %s", s.Path())
	}
	p := testPatient("Bea", "Hill", testNHSNumber(4)) // it goes on working where it now is
	if err := s.SavePatient(&p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(setupPath(path)); err == nil {
		t.Error("the set-up file is still there")
	}
	s = openTestStore(t, path, c)
	if c := counts(t, s); c["patients"] != 2 {
		t.Errorf("counts %v", c)
	}
}

func TestLeftoverOfAnInterruptedSetUpIsRemoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hub.carehub")
	if err := os.WriteFile(setupPath(path), make([]byte, 16<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Create(path, testPassphrase, testOptions(newTestClock()))
	if err != nil {
		t.Fatalf("with a leftover beside it: %v", err)
	}
	closeAndCheck(t, s)
	if _, err := os.Stat(setupPath(path)); err == nil {
		t.Error("the leftover is still there")
	}
}

// helperEnv names what the test binary does when run as a helper process.
const helperEnv = "CAREHUB_STORE_HELPER"

// TestHelperProcess is not a test: it is the process the kill tests start and kill.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv("CAREHUB_STORE_PATH")
	switch os.Getenv(helperEnv) {
	case "setup":
		_, err := CreateWith(path, testPassphrase, testOptions(newTestClock()), func(s *Store) error {
			for i := 0; ; i++ {
				p := testPatient("Ada", "Lovelace", testNHSNumber(3*i+1))
				if err := s.SavePatient(&p); err != nil {
					return err
				}
				if i == 5 {
					os.Stdout.WriteString("filling\n")
				}
			}
		})
		t.Fatal(err)
	case "writer":
		s, err := Open(path, testPassphrase, testOptions(newTestClock()))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; ; i++ {
			p := testPatient("Ada", "Lovelace", testNHSNumber(7*i+int(time.Now().UnixNano()%7)))
			if err := s.SavePatient(&p); err != nil {
				continue // a rare clash of NHS numbers: try another
			}
			if _, err := s.Patient(p.ID); err != nil {
				t.Fatal(err)
			}
			os.Stdout.WriteString(p.ID + "\n") // acknowledged: committed and fsynced
		}
	default:
		t.Skip("run by the kill tests")
	}
}

// startHelper runs the test binary as a helper process and returns it with its output.
func startHelper(t *testing.T, role, path string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+role, "CAREHUB_STORE_PATH="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

func TestKilledSetUpLeavesNoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.carehub")
	cmd, out := startHelper(t, "setup", path)
	if !out.Scan() || out.Text() != "filling" {
		t.Fatalf("the set-up did not start: %q %v", out.Text(), out.Err())
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: nothing runs after it
		t.Fatal(err)
	}
	cmd.Wait()
	if Exists(path) {
		t.Fatal("a killed set-up left a store at its path")
	}
	s, err := Create(path, testPassphrase, testOptions(newTestClock()))
	if err != nil {
		t.Fatalf("setting up again: %v", err)
	}
	closeAndCheck(t, s)
	if _, err := os.Stat(setupPath(path)); err == nil {
		t.Error("the killed set-up's file is still there")
	}
}

// Writers killed at random moments lose no acknowledged save, and the history holds: the store
// opens (its unlock walks the chain) and checks clean every time.
func TestKilledWritersLoseNothingAcknowledged(t *testing.T) {
	c := newTestClock()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	s, err := Create(path, testPassphrase, testOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var acked []string
	for round := range 4 {
		cmd, out := startHelper(t, "writer", path)
		stopAfter := 3 + rand.IntN(25)
		for out.Scan() {
			acked = append(acked, strings.TrimSpace(out.Text()))
			if stopAfter--; stopAfter == 0 {
				break
			}
		}
		time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond) // land anywhere in the next save
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		s, err := Open(path, testPassphrase, testOptions(c))
		if err != nil {
			t.Fatalf("round %d: opening after the kill: %v", round, err)
		}
		r, err := s.Check()
		if err != nil || !r.OK() {
			t.Fatalf("round %d: check after the kill: %v %q", round, err, r.Problems)
		}
		for _, id := range acked {
			if _, err := s.Patient(id); err != nil {
				t.Fatalf("round %d: acknowledged save %s lost: %v", round, id, err)
			}
		}
		s.Close()
		checkBoltFile(t, path)
	}
}
