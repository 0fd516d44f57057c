// Package servicetest helps the tests of the services, the command line and the screens run
// over a real temporary store: a cheap key derivation, bbolt's own check of a closed file,
// finding a demo person of the kind a test needs, and reading back a printed plan.
package servicetest

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/theme"
	"go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/printout"
	"carehub/store"
)

// CheapKDF keeps the key derivation of test stores and key slots quick.
var CheapKDF = &store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

// Fonts are the printed plan's fonts as the app passes them: Fyne's bundled Noto Sans.
func Fonts() printout.Fonts {
	return printout.Fonts{Regular: theme.DefaultTextFont().Content(), Bold: theme.DefaultTextBoldFont().Content()}
}

// CheckBolt runs bbolt's own consistency check on a closed store file.
func CheckBolt(t *testing.T, path string) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("reopen for check: %v", err)
	}
	defer db.Close()
	if err := db.View(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	}); err != nil {
		t.Fatalf("bbolt check: %v", err)
	}
}

// DemoPerson finds an open person in the store whose plans pass want, or skips the test.
func DemoPerson(t *testing.T, st *store.Store, want func([]careplan.Plan) bool) careplan.CaseloadEntry {
	t.Helper()
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		plans, err := st.Plans(r.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status.Open() && want(plans) {
			return r
		}
	}
	t.Skip("the demo data has nobody of the kind this test needs")
	return careplan.CaseloadEntry{}
}

// HasAgreed reports whether any of the plans is agreed, so that a plan prints.
func HasAgreed(plans []careplan.Plan) bool { _, ok := printout.Current(plans); return ok }

// PDFText extracts a PDF's text with pdftotext, skipping the test when it is not installed.
func PDFText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// PDFPages extracts a PDF's text page by page, each page's words joined by single spaces so
// a sentence wrapped across lines reads whole; it skips the test when pdftotext is not installed.
func PDFPages(t *testing.T, path string) []string {
	t.Helper()
	// pdftotext ends every page with a form feed.
	pages := strings.Split(PDFText(t, path), "\f")
	pages = pages[:len(pages)-1]
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), " ")
	}
	return pages
}

// PrintLeftovers lists the temporary files a print left in dir.
func PrintLeftovers(t *testing.T, dir string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, ".carehub-print-*"))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// Pair gives each of two stores the other's device card, as carrying cards both ways does.
func Pair(t testing.TB, a, b *store.Store) {
	t.Helper()
	for _, p := range [][2]*store.Store{{a, b}, {b, a}} {
		card, err := p[0].DeviceCard()
		if err != nil {
			t.Fatal(err)
		}
		if err := p[1].AddPeer(card); err != nil {
			t.Fatal(err)
		}
	}
}
