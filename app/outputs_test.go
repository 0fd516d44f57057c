package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"carehub/store"
)

// Every command that writes a file refuses the store itself, another carehub store, its own
// input and a folder, with one line and exit status 2, before unlocking anything; both
// stores stay byte for byte as they were.
func TestNoCommandOutputReplacesAStoreOrAnInput(t *testing.T) {
	db, other := demoStore(t, "5"), demoStore(t, "1")
	dir := t.TempDir()
	in := filepath.Join(dir, "from-2.chb")
	if err := os.WriteFile(in, []byte("a bundle"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, otherBefore := mustRead(t, db), mustRead(t, other)
	commands := map[string]func(out string) []string{
		"print": func(o string) []string { return []string{"print", "--db", db, "--patient", "9990000018", "--out", o} },
		"report": func(o string) []string {
			return []string{"report", "--db", db, "--from", "2026-01-01", "--to", "2026-06-30", "--csv", o}
		},
		"backup":      func(o string) []string { return []string{"backup", "--db", db, "--out", o} },
		"export":      func(o string) []string { return []string{"export", "fhir", "--db", db, "--out", o} },
		"device card": func(o string) []string { return []string{"device", "card", "--db", db, "--out", o} },
		"sync export": func(o string) []string {
			return []string{"sync", "export", "--db", db, "--to", "Hub laptop 2", "--out", o}
		},
		"sync import": func(o string) []string { return []string{"sync", "import", "--db", db, "--in", in, "--ack", o} },
		"tablet-setup": func(o string) []string {
			return []string{"tablet-setup", "--db", db, "--patient", "9990000018", "--out", o}
		},
	}
	targets := map[string]struct{ path, says string }{
		"the store":     {db, "that is the store itself"},
		"another store": {other, "that is a carehub store"},
		"a folder":      {dir, "that is a folder"},
	}
	for name, args := range commands {
		for where, target := range targets {
			code, _, stderr := run(t, "pw-for-tests", args(target.path)...)
			if code != 2 || !strings.Contains(stderr, target.says) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("%s onto %s: exit %d, %q", name, where, code, stderr)
			}
		}
	}
	code, _, stderr := run(t, "pw-for-tests", "sync", "import", "--db", db, "--in", in, "--ack", in)
	if code != 2 || !strings.Contains(stderr, "overwrite") && !strings.Contains(stderr, "file being read") {
		t.Errorf("an acknowledgement onto its bundle: exit %d, %q", code, stderr)
	}
	if !bytes.Equal(mustRead(t, db), before) || !bytes.Equal(mustRead(t, other), otherBefore) {
		t.Fatal("a refused output changed a store")
	}
	if string(mustRead(t, in)) != "a bundle" {
		t.Error("the input was replaced")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// carehub backup of a store the app holds open says so, and how to get a backup from the
// app, in one line; nothing is written.
func TestBackupOfAnOpenStoreSaysToBackUpFromTheApp(t *testing.T) {
	db := demoStore(t, "2")
	st, err := store.Open(db, "pw-for-tests", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(t.TempDir(), "copy.carehub")
	code, _, stderr := run(t, "pw-for-tests", "backup", "--db", db, "--out", out)
	if code != 1 || !strings.Contains(stderr, "open in carehub") || !strings.Contains(stderr, "Back up now") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d: %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a backup file was written")
	}
}
