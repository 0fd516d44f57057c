package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/app/buildinfo"
)

func TestAboutSaysWhatVersionPrintsAndWhichStoreIsOpen(t *testing.T) {
	test.NewTempApp(t)
	build := buildinfo.Info{Version: "0.1.0", Build: 2, Commit: "abc123def456", Date: "2026-12-06T09:00:00Z"}
	path := `C:\Users\Siobhán Ó Briain\AppData\Roaming\carehub\carehub.db`
	var got []string
	for _, o := range test.LaidOutObjects(aboutContent(build, path)) {
		if l, ok := o.(*widget.Label); ok {
			got = append(got, l.Text)
		}
	}
	want := append(build.Lines(), "Store: "+path)
	if len(got) != len(want) {
		t.Fatalf("About shows %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestHelpMenuOpensTheAboutBox(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("carehub")
	w.Resize(fyne.NewSize(600, 400))
	menu := mainMenu(w, buildinfo.Info{Version: "0.1.0"}, "hub.db")
	var about *fyne.MenuItem
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Label == "About carehub" {
				about = it
			}
		}
	}
	if about == nil {
		t.Fatal("no About carehub item in the menus")
	}
	about.Action()
	found := false
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && l.Text == "carehub 0.1.0" {
			found = true
		}
	}
	if !found {
		t.Error("the About box did not open with the version")
	}
}
