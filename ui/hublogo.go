package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"io/fs"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// logoHeight is the hub logo's height on screen: about two lines of text, enough to recognise
// it without pushing the caseload down.
const logoHeight = 40

// logoMaxWidth stops a very wide logo taking the caseload bar's search box.
const logoMaxWidth = 160

// logoExtensions are the files the logo chooser offers: a function, not a variable, so no
// package state can be changed by mistake.
func logoExtensions() []string { return []string{".png", ".jpg", ".jpeg"} }

// hubLogoImage shows a logo at logoHeight, as wide as its shape needs. Reading the picture's
// header for its shape takes microseconds, so it is done here on the UI goroutine.
func hubLogoImage(logo []byte) fyne.CanvasObject {
	img := canvas.NewImageFromResource(fyne.NewStaticResource("hub-logo", logo))
	img.FillMode = canvas.ImageFillContain
	w := float32(logoHeight)
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(logo)); err == nil && cfg.Height > 0 {
		w = min(logoMaxWidth, logoHeight*float32(cfg.Width)/float32(cfg.Height))
	}
	img.SetMinSize(fyne.NewSize(w, logoHeight))
	return img
}

// readLogo reads and checks a chosen logo file. It reads one byte past the limit, so a huge
// file is refused without being read whole.
func readLogo(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("the file could not be opened: %w", err)
	}
	defer f.Close()
	logo, err := io.ReadAll(io.LimitReader(f, careplan.MaxLogoBytes+1))
	if err != nil {
		return nil, fmt.Errorf("the file could not be read: %w", err)
	}
	if _, err := careplan.CheckLogo(logo); err != nil {
		return nil, err
	}
	return logo, nil
}

// logoProblem says in plain words why a logo was not changed.
func logoProblem(err error) string {
	switch {
	case errors.Is(err, careplan.ErrLogoTooBig), errors.Is(err, careplan.ErrLogoTooManyPixels),
		errors.Is(err, careplan.ErrLogoUnreadable):
		return "The logo was not changed: " + err.Error() + "."
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return "The logo was not changed: that file could not be opened."
	}
	return fmt.Sprintf("The logo was not changed: %v", err)
}

// showHub puts the hub's logo and name before the caseload's title, so a laptop shared between
// hubs shows whose caseload is open. The bar is rebuilt rather than given an empty slot, so a
// hub with neither looks exactly as before.
func (s *caseloadScreen) showHub(name string, logo []byte) {
	var parts []fyne.CanvasObject
	if len(logo) > 0 {
		parts = append(parts, hubLogoImage(logo))
	}
	if name != "" {
		hub := widget.NewLabel(name)
		hub.TextStyle.Bold = true
		parts = append(parts, hub, widget.NewSeparator())
	}
	var left fyne.CanvasObject = s.title
	if len(parts) > 0 {
		left = container.NewHBox(append(parts, s.title)...)
	}
	s.bar.Layout = layout.NewBorderLayout(nil, nil, left, s.right)
	s.bar.Objects = []fyne.CanvasObject{s.search, left, s.right}
	kit.Relayout(s.bar)
}
