// Command carehub is care coordination for complex-care hubs: the desktop app when run with
// no command, and the administrative commands operators and tests use (see README.md).
package main

import (
	_ "embed"
	"os"

	"carehub/app"
	"carehub/app/buildinfo"
	"carehub/app/desktop"
	_ "carehub/app/locale" // before Fyne reads the locale: see the package comment
)

// fyneAppTOML is FyneApp.toml, the one place the version is written: `fyne package` reads it
// for the packages' metadata, and carehub reads it for `carehub version` and the About box.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	env := app.System(os.Args[1:])
	env.Build = buildinfo.Read(fyneAppTOML)
	gui := func(dbPath string) error { return desktop.Run(dbPath, env.Build) }
	os.Exit(app.Main(env, gui))
}
