// Package desktop starts carehub's desktop window. It is the only package that links the
// windowing system (GLFW), so everything else can be tested headless and under the race
// detector.
package desktop

import (
	"log"
	"net/url"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/storage"

	"carehub/app"
	"carehub/app/buildinfo"
	"carehub/assets"
	"carehub/ui"
	"carehub/ui/kit"
)

// AppID identifies carehub to the operating system (preferences, notifications).
const AppID = "uk.org.carehub.app"

// Run opens the desktop app on the store at dbPath, or the user's own store when it is "",
// and returns when the window closes. build is what the About box says.
func Run(dbPath string, build buildinfo.Info) error {
	if dbPath == "" {
		p, err := app.DefaultStorePath()
		if err != nil {
			return err
		}
		dbPath = p
	}
	log.SetOutput(kit.QuietFileDialogs(log.Writer()))
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(assets.Icon())
	w := a.NewWindow("carehub")
	// The smallest screen carehub is used on (a small laptop): a larger first size would push
	// the window past the edge of such a screen. Every screen works at this size.
	w.Resize(fyne.NewSize(1024, 640))
	w.SetMainMenu(mainMenu(w, build, dbPath))
	idle, err := app.IdleLock(os.Getenv)
	if err != nil {
		return err
	}
	cfg, closeStore := app.UIConfig(dbPath, time.Now)
	cfg.IdleLock = idle
	cfg.OpenFile = func(path string) error { return openInViewer(a, path) }
	if err := ui.Start(w, cfg); err != nil {
		return err
	}
	w.ShowAndRun()
	return closeStore()
}

// openInViewer shows a saved file in the system's own viewer for its type: printed plans open
// in the PDF viewer, ready to print.
func openInViewer(a fyne.App, path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return a.OpenURL(u)
}
