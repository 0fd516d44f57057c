package kit

import (
	"bytes"
	"errors"
	"log"
	"strings"
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

// Opening a file dialog on a computer without a Videos or Documents folder logs nothing about
// it, while Fyne's other errors still reach the log.
func TestFileDialogsDoNotLogMissingFolders(t *testing.T) {
	var logged bytes.Buffer
	old := log.Writer()
	log.SetOutput(QuietFileDialogs(&logged))
	t.Cleanup(func() { log.SetOutput(old) })

	w := testWindow(t)
	FyneFiles{}.SaveFile(w, "Save the plan", "plan.pdf", func(string) {})
	FyneFiles{}.Folder(w, func(string) {})
	fyne.LogError("Getting favorite locations", errors.New("this computer does not define a VIDEOS folder"))
	fyne.LogError("Failed to set directory", errors.New("permission denied"))
	got := logged.String()
	if strings.Contains(got, "favorite") || strings.Contains(got, "VIDEOS") {
		t.Errorf("the file dialogs logged missing folders:\n%s", got)
	}
	if !strings.Contains(got, "Failed to set directory") || !strings.Contains(got, "permission denied") || !strings.Contains(got, "  At:") {
		t.Errorf("another Fyne error did not reach the log whole:\n%s", got)
	}
}
