package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
)

// logoPNG is a w × h picture in two blues, as a PNG.
func logoPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{B: 200, A: 255}
			if x < w/2 {
				c.G = 120
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeTemp writes b to a file named name in a temp dir and returns its path.
func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// logoSettings is an administrator's session on the settings screen, with the file dialog
// faked.
func logoSettings(t *testing.T, user access.User, start hubSettings) (*session, *fakeFiles, *testHub) {
	t.Helper()
	s, h := settingsSession(t, user, start)
	files := &fakeFiles{}
	s.files = files
	test.Tap(s.caseload.settingsButton)
	return s, files, h
}

// hasImage reports whether o holds a canvas.Image anywhere inside it.
func hasImage(o fyne.CanvasObject) bool {
	switch v := o.(type) {
	case *canvas.Image:
		return true
	case *fyne.Container:
		for _, c := range v.Objects {
			if hasImage(c) {
				return true
			}
		}
	}
	return false
}

// hasButton reports whether o holds a visible button labelled text.
func hasButton(o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Button:
		return v.Visible() && v.Text == text
	case *fyne.Container:
		for _, c := range v.Objects {
			if hasButton(c, text) {
				return true
			}
		}
	}
	return false
}

func TestAdministratorSetsAndRemovesTheLogo(t *testing.T) {
	s, files, h := logoSettings(t, adaAdmin, hubSettings{hub: "Mendip complex care hub"})
	st := s.settings
	if !st.removeLogo.Disabled() {
		t.Error("Remove logo is offered with no logo")
	}
	want := logoPNG(t, 120, 40)
	files.path = writeTemp(t, "logo.png", want)
	test.Tap(st.chooseLogo)
	if got := saved(t, h).logo; files.opens != 1 || !bytes.Equal(got, want) {
		t.Fatalf("after choosing: %d dialogs, %d bytes saved", files.opens, len(got))
	}
	if st.logoSaid.Hidden || st.logoSaid.Text != "Logo saved." || !hasImage(st.logoShown) || st.removeLogo.Disabled() {
		t.Errorf("after choosing: said %q, shown %v", st.logoSaid.Text, hasImage(st.logoShown))
	}
	// The caseload's header shows it at once, beside the hub's name.
	if !hasImage(s.caseload.bar) {
		t.Error("the caseload header has no logo")
	}

	test.Tap(st.removeLogo)
	if got := saved(t, h).logo; got != nil || st.logoSaid.Text != "Logo removed." || hasImage(st.logoShown) || !st.removeLogo.Disabled() {
		t.Errorf("after removing: %d bytes, said %q", len(got), st.logoSaid.Text)
	}
	if hasImage(s.caseload.bar) {
		t.Error("the caseload header still has a logo")
	}
}

func TestBadLogoFileSavesNothing(t *testing.T) {
	before := logoPNG(t, 60, 60)
	tooMany := logoPNG(t, 2001, 10)
	big := make([]byte, 1<<20+10)
	copy(big, tooMany)
	for _, c := range []struct {
		name  string
		bytes []byte
		says  string
	}{
		{"notes.png", []byte("this is not a picture"), "not a PNG or JPEG picture"},
		{"cut.png", before[:len(before)/2], "not a PNG or JPEG picture"},
		{"wide.png", tooMany, "more than 2000 pixels"},
		{"huge.png", big, "larger than 1 MB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, files, h := logoSettings(t, adaAdmin, hubSettings{hub: "Mendip", logo: before})
			st := s.settings
			files.path = writeTemp(t, c.name, c.bytes)
			test.Tap(st.chooseLogo)
			if got := saved(t, h).logo; !bytes.Equal(got, before) {
				t.Errorf("a bad file was saved (%d bytes)", len(got))
			}
			if st.logoSaid.Hidden || !strings.Contains(st.logoSaid.Text, c.says) ||
				!strings.HasPrefix(st.logoSaid.Text, "The logo was not changed") {
				t.Errorf("said %q, want it to say %q", st.logoSaid.Text, c.says)
			}
			if !hasImage(st.logoShown) || st.chooseLogo.Disabled() || st.removeLogo.Disabled() {
				t.Error("the saved logo is no longer shown, or the buttons stayed off")
			}
		})
	}
}

func TestLogoOnlyForAdministrators(t *testing.T) {
	logo := logoPNG(t, 40, 40)
	s, files, h := logoSettings(t, access.User{Name: "Jo", Role: access.Coordinator}, hubSettings{hub: "Mendip", logo: logo})
	if s.settings.chooseLogo != nil || hasButton(s.w.Content(), "Choose logo…") || hasButton(s.w.Content(), "Remove logo") {
		t.Error("a coordinator is offered the hub's logo")
	}
	if files.opens != 0 || !bytes.Equal(saved(t, h).logo, logo) {
		t.Error("a coordinator changed the hub's logo")
	}
	// Everyone sees it on the caseload.
	if !hasImage(s.caseload.bar) {
		t.Error("the caseload header has no logo")
	}
}

func TestSettingsWithLogoGolden(t *testing.T) {
	s, _, _ := logoSettings(t, adaAdmin, hubSettings{hub: "Mendip complex care hub", logo: logoPNG(t, 120, 40)})
	test.AssertRendersToMarkup(t, "settings_logo.xml", s.w.Canvas())
	s.showCaseload()
	test.AssertRendersToMarkup(t, "caseload_logo.xml", s.w.Canvas())
}
