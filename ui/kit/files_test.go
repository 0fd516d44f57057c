package kit

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestFyneFilesAskOverTheWindow(t *testing.T) {
	asks := map[string]func(w fyne.Window, chosen func(string)){
		"save": func(w fyne.Window, chosen func(string)) {
			FyneFiles{}.SaveFile(w, "Save the plans", "plans.pdf", chosen)
		},
		"open":   func(w fyne.Window, chosen func(string)) { FyneFiles{}.OpenFile(w, []string{".png"}, chosen) },
		"folder": func(w fyne.Window, chosen func(string)) { FyneFiles{}.Folder(w, chosen) },
	}
	for name, ask := range asks {
		t.Run(name, func(t *testing.T) {
			w := testWindow(t)
			chosen := 0
			ask(w, func(string) { chosen++ })
			if !dialogOpen(w) {
				t.Error("no file dialog was shown")
			}
			if chosen != 0 {
				t.Error("a file was chosen before the user chose one")
			}
		})
	}
}
