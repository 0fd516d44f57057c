package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestNoPDFViewerSaysWhereThePlanIs: on a computer with no PDF viewer, the key worker is told
// where the printed plan was saved, never the system's own error.
func TestNoPDFViewerSaysWhereThePlanIs(t *testing.T) {
	dir := t.TempDir()
	files := &fakeFiles{path: filepath.Join(dir, "plan.pdf")}
	noViewer := func(c *Config) {
		c.OpenFile = func(string) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }
	}
	s, _, _, _ := printingSession(t, testRecords(), files, noViewer)
	s.openPatient(pid("p01"))
	test.Tap(s.patient.printing.print)
	got := s.patient.printing.outcome.Text
	for _, want := range []string{"No PDF viewer", "plan.pdf", dir} {
		if !strings.Contains(got, want) {
			t.Errorf("the outcome %q does not say %q", got, want)
		}
	}
	if strings.Contains(got, "xdg-open") || strings.Contains(got, "exec:") {
		t.Errorf("the outcome passes on the system's error: %q", got)
	}
}
