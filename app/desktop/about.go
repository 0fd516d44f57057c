package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"carehub/app/buildinfo"
	"carehub/assets"
)

// mainMenu gives the window a menu bar whose Help menu opens the About box, so anyone (IT
// included, before signing in) can tell which carehub a laptop runs. Fyne adds Quit to the
// first menu.
func mainMenu(w fyne.Window, build buildinfo.Info, dbPath string) *fyne.MainMenu {
	about := fyne.NewMenuItem("About carehub", func() { showAbout(w, build, dbPath) })
	return fyne.NewMainMenu(fyne.NewMenu("File"), fyne.NewMenu("Help", about))
}

func showAbout(w fyne.Window, build buildinfo.Info, dbPath string) {
	dialog.ShowCustom("About carehub", "Close", aboutContent(build, dbPath), w)
}

// aboutContent says what `carehub version` prints, line for line, and which store this
// window has open.
func aboutContent(build buildinfo.Info, dbPath string) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(assets.Icon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(64, 64))
	box := container.NewVBox(icon)
	for _, line := range build.Lines() {
		box.Add(widget.NewLabel(line))
	}
	// On one line, however long (a wrapped label here overlaps the Close button), and
	// selectable, so IT can copy the path.
	store := widget.NewLabel("Store: " + dbPath)
	store.Selectable = true
	box.Add(store)
	return box
}
