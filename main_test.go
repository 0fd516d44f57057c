package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"carehub/store"
)

// TestMain lets the tests run this very binary as carehub: with CAREHUB_TEST_AS_MAIN set, the
// test process becomes the real program, package initialisation order included.
func TestMain(m *testing.M) {
	if os.Getenv("CAREHUB_TEST_AS_MAIN") == "1" {
		os.Args = append([]string{"carehub"}, strings.Fields(os.Getenv("CAREHUB_TEST_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

// carehub runs the program in a separate process, on the plain C locale CI machines use.
func carehub(t *testing.T, pass string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CAREHUB_TEST_AS_MAIN=1", "CAREHUB_TEST_ARGS="+strings.Join(args, " "),
		"CAREHUB_PASSPHRASE="+pass, "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	return cmd
}

func TestAFailingCommandSaysOneLineEvenOnTheCLocale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hub.db")
	var stderr bytes.Buffer
	cmd := carehub(t, "pw-for-tests", "check", "--db", db)
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err == nil {
		t.Fatal("check on a missing store succeeded")
	}
	if got := stderr.String(); strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "carehub: ") {
		t.Errorf("want one line starting carehub:, got %q", got)
	}
}

func TestASecondProcessOnAnOpenStoreFailsFast(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hub.db")
	if out, err := carehub(t, "pw-for-tests", "demo", "--db", db, "--patients", "3").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	// This test process holds the store open, as the desktop app would; the check below is a
	// genuinely separate process.
	st, err := store.Open(db, "pw-for-tests", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	var stderr bytes.Buffer
	second := carehub(t, "pw-for-tests", "check", "--db", db)
	second.Stderr = &stderr
	start := time.Now()
	err = second.Run()
	waited := time.Since(start)
	if err == nil {
		t.Fatal("a second process checked a store another process has open")
	}
	if !strings.Contains(stderr.String(), "carehub is already open on this store") {
		t.Errorf("want the already-open message, got %q", stderr.String())
	}
	if waited > 4*time.Second {
		t.Errorf("the second process took %v to give up", waited)
	}
}

func TestVersionPrintsFyneAppTOMLsVersion(t *testing.T) {
	out, err := carehub(t, "", "version").Output()
	if err != nil {
		t.Fatalf("version: %v", err)
	}
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if first, _, _ := strings.Cut(string(out), "\n"); !strings.HasPrefix(first, "carehub "+string(m[1])+" ") {
		t.Errorf("carehub version printed %q, FyneApp.toml says %s", out, m[1])
	}
}

// TestNoDisplayThereSaysOneLine is `DISPLAY=:99 carehub` with no X server at :99: the real
// program says so in one line and exits non-zero, before GLFW could panic with a trace.
func TestNoDisplayThereSaysOneLine(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("DISPLAY is X11's: Linux desktops")
	}
	n := 99
	for ; n < 200; n++ {
		if _, err := os.Stat("/tmp/.X11-unix/X" + strconv.Itoa(n)); os.IsNotExist(err) {
			break
		}
	}
	var stderr bytes.Buffer
	cmd := carehub(t, "", "--db", filepath.Join(t.TempDir(), "hub.db"))
	cmd.Env = append(cmd.Env, "DISPLAY=:"+strconv.Itoa(n), "WAYLAND_DISPLAY=")
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err == nil {
		t.Fatal("carehub started with no display there")
	}
	if got := stderr.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "no screen answers at DISPLAY=:") {
		t.Errorf("want one line about the display, got %q", got)
	}
}
