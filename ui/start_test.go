package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A wiring mistake is one clear error at start, naming what is missing, rather than a screen
// that quietly leaves out a tool (or a nil service found on a tap).
func TestStartRefusesAConfigWithoutEveryService(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	cfg := newTestHub(t, nil).config()
	cfg.Services.Printing, cfg.Services.Sync = nil, nil
	err := Start(w, cfg)
	if err == nil || !strings.Contains(err.Error(), "Printing, Sync") {
		t.Fatalf("Start without Printing and Sync: %v", err)
	}
	if err := Start(w, Config{Services: cfg.Services}); err == nil || !strings.Contains(err.Error(), "Vault") {
		t.Errorf("Start without a vault: %v", err)
	}
}
