// Package buildinfo says which carehub a binary is: the version in FyneApp.toml, the commit it
// was built from and when. `carehub version` and the app's About box both print it, so a hub's
// IT and a maintainer reading a fault report talk about the same build.
package buildinfo

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/BurntSushi/toml"
)

// The Makefile sets these at link time (go build -ldflags "-X carehub/app/buildinfo.commit=…"),
// because CI builds with -buildvcs=false and Go's own stamp would then be missing. They are
// the only package-level variables here and nothing assigns them at run time.
var (
	commit string // git commit, with "-modified" when the tree had uncommitted changes
	date   string // when the binary was linked, UTC, RFC 3339
)

// Info identifies one build of carehub.
type Info struct {
	Version string // FyneApp.toml's [Details] Version, e.g. "0.1.0"
	Build   int    // FyneApp.toml's [Details] Build
	Commit  string // the git commit built from; "" when unknown
	Date    string // when the binary was built, UTC; "" when unknown
}

// fyneApp is the part of FyneApp.toml this package reads.
type fyneApp struct {
	Details struct {
		Version string
		Build   int
	}
}

// Read takes the version from FyneApp.toml's text (embedded by the main package), and the
// commit and date from the link-time settings or, failing those, Go's version-control stamp.
func Read(fyneAppTOML []byte) Info {
	var meta fyneApp
	// A FyneApp.toml that cannot be read leaves the version unknown rather than stopping the
	// app: the file is checked into the repository and tested, so this is never a hub's problem.
	_, _ = toml.Decode(string(fyneAppTOML), &meta)
	info := Info{Version: meta.Details.Version, Build: meta.Details.Build, Commit: commit, Date: date}
	if info.Commit == "" {
		info.Commit = vcsCommit()
	}
	return info
}

// vcsCommit is the commit Go stamped into the binary (go build in a git checkout without
// -buildvcs=false), or "".
func vcsCommit() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev string
	var modified bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && modified {
		rev += "-modified"
	}
	return rev
}

// Lines is what `carehub version` prints and the About box shows, one fact a line.
func (i Info) Lines() []string {
	return []string{
		"carehub " + orUnknown(i.Version) + build(i.Build),
		"commit " + orUnknown(i.Commit),
		built(i.Date),
	}
}

// String is Lines joined into one text.
func (i Info) String() string { return strings.Join(i.Lines(), "\n") }

func build(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" (build %d)", n)
}

func built(date string) string {
	if strings.TrimSpace(date) == "" {
		return "build date unknown"
	}
	return "built " + date
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unknown"
	}
	return s
}
