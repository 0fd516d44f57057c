package printout

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// layoutFor lays out one copy through the same code Write uses: the test hook for geometry,
// font sizes and page counts without reading the PDF back.
func layoutFor(t testing.TB, c Copy, large bool) []page {
	t.Helper()
	p, err := newPrinter(testOptions(large))
	if err != nil {
		t.Fatal(err)
	}
	st := standardStyle()
	if large {
		st = largeStyle()
	}
	return p.layout(c, st)
}

// checkGeometry asserts that every page has the header and footer, and that no content
// crosses into them or runs past the margins.
func checkGeometry(t *testing.T, pages []page, st style, name string) {
	t.Helper()
	const eps = 0.01
	for i, pg := range pages {
		headBot, footTop := -1.0, -1.0
		var header strings.Builder
		for _, o := range pg.ops {
			switch {
			case o.kind == opLine && o.zone == zoneHeader:
				headBot = o.y
			case o.kind == opLine && o.zone == zoneFooter:
				footTop = o.y
			case o.kind == opText && o.zone == zoneHeader:
				header.WriteString(o.text + " ")
			}
		}
		if headBot < 0 || footTop < 0 {
			t.Fatalf("page %d: no header or footer rule", i+1)
		}
		if !strings.Contains(header.String(), name) {
			t.Errorf("page %d: header %q lacks the name %q", i+1, header.String(), name)
		}
		for _, o := range pg.ops {
			if o.kind == opWatermark {
				continue
			}
			left, right, top, bot := o.x, o.x+o.w, o.y, o.y+o.h
			if o.kind == opCircle {
				left, right, top, bot = o.x-o.w, o.x+o.w, o.y-o.w, o.y+o.w
			}
			if left < st.margin-eps || right > pageW-st.margin+eps {
				t.Errorf("page %d: %v %q runs outside the margins: %.2f-%.2f", i+1, o.kind, o.text, left, right)
			}
			if o.zone != zoneContent {
				if top < st.top-eps || bot > pageH-st.bottom+eps {
					t.Errorf("page %d: header/footer %q off the page: %.2f-%.2f", i+1, o.text, top, bot)
				}
				continue
			}
			if top < headBot-eps || bot > footTop+eps {
				t.Errorf("page %d: %v %q overlaps the header or footer: %.2f-%.2f (content %.2f-%.2f)",
					i+1, o.kind, o.text, top, bot, headBot, footTop)
			}
		}
	}
}

// writePDF prints c and fails the test on error.
func writePDF(t testing.TB, c Copy, opt Options) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := Write(&buf, c, opt)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

// pdfText extracts each page's text with pdftotext, or skips the test when poppler is not
// installed.
func pdfText(t *testing.T, pdf []byte, pages int) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out := make([]string, pages)
	for i := range out {
		n := fmt.Sprint(i + 1)
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %s: %v", n, err)
		}
		out[i] = string(text)
	}
	return out
}
