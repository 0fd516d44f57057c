package app

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"carehub/app/service/servicetest"
	"carehub/store"
)

// fixedNow is the day the tests run on, so demo data is the same every time.
func fixedNow() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }

// run runs carehub with args and the given passphrase, returning exit status and output.
func run(t *testing.T, pass string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Args:   args,
		Stdout: &out,
		Stderr: &errb,
		Getenv: func(k string) string {
			if k == PassphraseVar {
				return pass
			}
			return ""
		},
		Now: fixedNow,
	}
	noGUI := func(string) error { t.Fatal("the desktop app was started by a command"); return nil }
	return Main(env, noGUI), out.String(), errb.String()
}

func demoStore(t *testing.T, patients string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hub.db")
	code, _, stderr := run(t, "pw-for-tests", "demo", "--db", db, "--patients", patients, "--seed", "1")
	if code != 0 {
		t.Fatalf("demo exited %d: %s", code, stderr)
	}
	t.Cleanup(func() { servicetest.CheckBolt(t, db) })
	return db
}

func TestDemoThenCheckCountsPatientsAndSaysOK(t *testing.T) {
	db := demoStore(t, "60")
	code, out, stderr := run(t, "pw-for-tests", "check", "--db", db)
	if code != 0 {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^patients\s+60$`).MatchString(out) {
		t.Errorf("check does not report 60 patients:\n%s", out)
	}
	for _, kind := range []string{"plans", "pam assessments", "staff", "changes", "audit entries"} {
		if !regexp.MustCompile(`(?m)^` + kind + `\s+[1-9][0-9]*$`).MatchString(out) {
			t.Errorf("check has no count of %s:\n%s", kind, out)
		}
	}
	if !strings.HasSuffix(out, "ok\n") {
		t.Errorf("check does not end with ok:\n%s", out)
	}
}

func TestListShowsEveryPatientWithNHSNumberNameStatusAndKeyWorker(t *testing.T) {
	db := demoStore(t, "25")
	code, out, stderr := run(t, "pw-for-tests", "list", "--db", db)
	if code != 0 {
		t.Fatalf("list exited %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 25 {
		t.Fatalf("list printed %d lines, want 25:\n%s", len(lines), out)
	}
	row := regexp.MustCompile(`^999 \d{3} \d{4}\s+\S.*\s+(nominated|contacted|consented|active|discharged|declined|withdrew|died)\s+\S`)
	for _, l := range lines {
		if !row.MatchString(l) {
			t.Errorf("list line does not show NHS number, name, status and key worker: %q", l)
		}
	}
}

func TestDemoIsTheSameForTheSameSeed(t *testing.T) {
	a, b := demoStore(t, "15"), demoStore(t, "15")
	_, la, _ := run(t, "pw-for-tests", "list", "--db", a)
	_, lb, _ := run(t, "pw-for-tests", "list", "--db", b)
	if la != lb {
		t.Errorf("two demo stores from seed 1 differ:\n%s\n---\n%s", la, lb)
	}
}

func TestWrongPassphraseFailsInOneLineAndChangesNothing(t *testing.T) {
	db := demoStore(t, "5")
	code, out, stderr := run(t, "not-the-passphrase", "check", "--db", db)
	if code == 0 {
		t.Fatalf("check with a wrong passphrase succeeded:\n%s", out)
	}
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "passphrase is not right") {
		t.Errorf("want one clear line about the passphrase, got %q", stderr)
	}
	// The store keeps the count of wrong passphrases (the back-off) and nothing else: the
	// store tests compare every other key and value; here the store still checks out whole.
	if code, out, _ := run(t, "pw-for-tests", "check", "--db", db); code != 0 || !strings.HasSuffix(out, "ok\n") {
		t.Errorf("check after a wrong passphrase: exit %d\n%s", code, out)
	}
}

func TestSecondCopyOnAnOpenStoreFailsFast(t *testing.T) {
	db := demoStore(t, "3")
	st, err := store.Open(db, "pw-for-tests", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	code, _, stderr := run(t, "pw-for-tests", "check", "--db", db)
	if code == 0 {
		t.Fatal("check succeeded on a store another copy has open")
	}
	if !strings.Contains(stderr, "carehub is already open on this store") {
		t.Errorf("want the already-open message, got %q", stderr)
	}
	if waited := time.Since(start); waited > 3*time.Second {
		t.Errorf("took %v to give up; want under 2 s (plus argon2)", waited)
	}
}

func TestBackupIsAWorkingCopy(t *testing.T) {
	db := demoStore(t, "12")
	out := filepath.Join(t.TempDir(), "copy.db")
	if code, _, stderr := run(t, "pw-for-tests", "backup", "--db", db, "--out", out); code != 0 {
		t.Fatalf("backup exited %d: %s", code, stderr)
	}
	_, orig, _ := run(t, "pw-for-tests", "list", "--db", db)
	code, copied, stderr := run(t, "pw-for-tests", "list", "--db", out)
	if code != 0 || copied != orig {
		t.Errorf("the backup does not list the same patients (exit %d, %s)", code, stderr)
	}
	servicetest.CheckBolt(t, out)
}

func TestBadCommandLinesGetOneClearLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	cases := []struct {
		name, pass string
		args       []string
		want       string
	}{
		{"unknown command", "pw", []string{"frobnicate"}, "unknown command"},
		{"missing db", "pw", []string{"check"}, "check needs --db"},
		{"no passphrase", "", []string{"check", "--db", db}, "CAREHUB_PASSPHRASE"},
		{"no such store", "pw", []string{"list", "--db", db}, "no carehub store"},
		{"patients not a number", "pw", []string{"demo", "--db", db, "--patients", "lots"}, "demo"},
		{"patients zero", "pw", []string{"demo", "--db", db, "--patients", "0"}, "between 1 and"},
		{"backup without out", "pw", []string{"backup", "--db", db}, "backup needs --out"},
		{"stray argument", "pw", []string{"check", "--db", db, "extra"}, "unexpected"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.pass, c.args...)
			if code == 0 {
				t.Fatal("succeeded")
			}
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("want one line mentioning %q, got %q", c.want, stderr)
			}
		})
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a failed command left a store file behind")
	}
}

func TestDemoRefusesToOverwriteAStore(t *testing.T) {
	db := demoStore(t, "4")
	before := fileHash(t, db)
	code, _, stderr := run(t, "pw-for-tests", "demo", "--db", db, "--patients", "4")
	if code == 0 || !strings.Contains(stderr, "already exists") {
		t.Fatalf("demo over an existing store: exit %d, %q", code, stderr)
	}
	if fileHash(t, db) != before {
		t.Error("the existing store was changed")
	}
}

func TestNoArgumentsStartsTheApp(t *testing.T) {
	var got string
	started := false
	screen := answeringDisplay(t)
	display := func(k string) string {
		if k == "DISPLAY" {
			return screen
		}
		return ""
	}
	env := Env{Args: []string{"--db", "x.db"}, Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		Getenv: display, Now: fixedNow}
	code := Main(env, func(db string) error { started, got = true, db; return nil })
	if code != 0 || !started || got != "x.db" {
		t.Errorf("carehub --db x.db: exit %d, started %v with %q", code, started, got)
	}
}

// Over SSH, with no desktop, starting the app says why in one line rather than panicking in
// the windowing system.
func TestNoScreenSaysSoInOneLine(t *testing.T) {
	var errb bytes.Buffer
	env := Env{Args: []string{"--db", "x.db"}, Stdout: &bytes.Buffer{}, Stderr: &errb,
		Getenv: func(string) string { return "" }, Now: fixedNow}
	code := Main(env, func(string) error { t.Fatal("the window was opened with no screen"); return nil })
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("always a screen here")
	}
	if code == 0 || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), "needs a screen to open on") {
		t.Errorf("exit %d, said %q", code, errb.String())
	}
	for _, wayland := range []string{"DISPLAY", "WAYLAND_DISPLAY"} {
		set := func(k string) string {
			if k == wayland {
				return "x"
			}
			return ""
		}
		if err := screenAvailable(set, "linux", func(string, string) error { return nil }); err != nil {
			t.Errorf("with %s set: %v", wayland, err)
		}
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}
