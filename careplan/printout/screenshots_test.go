package printout

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestScreenshots writes PNGs of pages 1 and 2 of a standard and a large-print plan to the
// folder named by CAREHUB_SCREENSHOTS, as the UI's screenshots are made:
//
//	CAREHUB_SCREENSHOTS=$PWD/docs/screenshots go test -run TestScreenshots ./careplan/printout/
func TestScreenshots(t *testing.T) {
	dir := screenshotsDir(t)
	for _, sample := range []struct {
		name  string
		large bool
	}{{"standard", false}, {"large", true}} {
		pdf, _ := writePDF(t, sianCopy(), testOptions(sample.large))
		file := filepath.Join(t.TempDir(), "plan.pdf")
		if err := os.WriteFile(file, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		prefix := filepath.Join(t.TempDir(), "page")
		if out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", file, prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, out)
		}
		for page := 1; page <= 2; page++ {
			png, err := os.ReadFile(fmt.Sprintf("%s-%d.png", prefix, page))
			if err != nil {
				t.Fatal(err)
			}
			to := filepath.Join(dir, fmt.Sprintf("plan-%s-%d.png", sample.name, page))
			if err := os.WriteFile(to, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Log("wrote", to)
		}
	}
}

// screenshotsDir is the folder named by CAREHUB_SCREENSHOTS, made if need be; the test is
// skipped when it is not set or pdftoppm (poppler-utils) is not installed.
func screenshotsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CAREHUB_SCREENSHOTS")
	if dir == "" {
		t.Skip("set CAREHUB_SCREENSHOTS to a folder to write screenshots")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (poppler-utils)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
