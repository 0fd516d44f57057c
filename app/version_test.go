package app

import (
	"bytes"
	"strings"
	"testing"

	"carehub/app/buildinfo"
)

func TestVersionPrintsTheBuildAndStartsNoApp(t *testing.T) {
	build := buildinfo.Info{Version: "0.1.0", Build: 3, Commit: "abc123def456", Date: "2026-12-06T09:00:00Z"}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		var out, errb bytes.Buffer
		env := Env{Args: args, Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Build: build}
		noGUI := func(string) error { t.Fatal("the desktop app was started by", args); return nil }
		if code := Main(env, noGUI); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, errb.String())
		}
		if got, want := out.String(), build.String()+"\n"; got != want {
			t.Errorf("%v printed %q, want %q", args, got, want)
		}
	}
}

func TestVersionTakesNoArguments(t *testing.T) {
	code, _, stderr := run(t, "", "version", "--db", "x.db")
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "version") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

func TestHelpListsVersion(t *testing.T) {
	_, out, _ := run(t, "", "help")
	if !strings.Contains(out, "carehub version ") {
		t.Errorf("help does not list the version command:\n%s", out)
	}
}
