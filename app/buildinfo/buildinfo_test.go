package buildinfo

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The repository's own FyneApp.toml is what main embeds: its version must come through, or
// `carehub version` and the About box would say "unknown" on every hub laptop.
func TestTheRepositorysFyneAppTOMLGivesTheVersionAndBuild(t *testing.T) {
	text, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(text)
	if want == nil {
		t.Fatal("FyneApp.toml has no Version line")
	}
	info := Read(text)
	if info.Version != string(want[1]) || info.Build < 1 {
		t.Errorf("read version %q build %d, FyneApp.toml says %q", info.Version, info.Build, want[1])
	}
	if got := info.Lines()[0]; !strings.HasPrefix(got, "carehub "+string(want[1])+" (build ") {
		t.Errorf("first line %q", got)
	}
}

func TestVersionLinesNameTheVersionCommitAndBuildDate(t *testing.T) {
	info := Info{Version: "1.2.3", Build: 7, Commit: "0123456789ab", Date: "2026-12-06T09:30:00Z"}
	want := "carehub 1.2.3 (build 7)\ncommit 0123456789ab\nbuilt 2026-12-06T09:30:00Z"
	if got := info.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A binary built without the Makefile (plain go build with -buildvcs=false) still says
// something true rather than printing empty fields.
func TestUnknownFieldsSaySo(t *testing.T) {
	want := "carehub unknown\ncommit unknown\nbuild date unknown"
	if got := (Info{}).String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Read([]byte("this is = not [toml")).Version; got != "" {
		t.Errorf("version from a broken file: %q", got)
	}
}
