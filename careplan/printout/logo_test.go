package printout

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// testLogo is a wide two-colour picture, as a PNG or a JPEG.
func testLogo(t testing.TB, kind string) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for y := 0; y < 40; y++ {
		for x := 0; x < 120; x++ {
			img.Set(x, y, color.NRGBA{R: uint8(x * 2), G: 80, B: 160, A: 255})
		}
	}
	var buf bytes.Buffer
	var err error
	if kind == "jpeg" {
		err = jpeg.Encode(&buf, img, nil)
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func logoOptions(t testing.TB, large bool, kind string) Options {
	opt := testOptions(large)
	opt.Logo = testLogo(t, kind)
	return opt
}

var (
	streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	pageRE   = regexp.MustCompile(`/Type /Page\b[^s]`)
	drawRE   = regexp.MustCompile(`/I\w+ Do`)
)

// pagesDrawingAnImage counts the pages whose content stream paints an image XObject. gofpdf
// writes one compressed content stream per page; the image's own stream is not zlib text and
// never contains "Do".
func pagesDrawingAnImage(t *testing.T, pdf []byte) int {
	t.Helper()
	n := 0
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not a compressed stream (a JPEG, say)
		}
		plain, err := io.ReadAll(r)
		if err == nil && drawRE.Match(plain) {
			n++
		}
	}
	return n
}

func TestLogoOnEveryPage(t *testing.T) {
	copies := []Copy{sianCopy(), longCopy(), draftCopy()}
	for _, kind := range []string{"png", "jpeg"} {
		var buf bytes.Buffer
		n, err := WriteBatch(&buf, copies, logoOptions(t, false, kind), nil)
		if err != nil {
			t.Fatal(err)
		}
		pdf := buf.Bytes()
		if got := bytes.Count(pdf, []byte("/Subtype /Image")); got != 1 {
			t.Errorf("%s: %d image objects, want the logo once for the whole document", kind, got)
		}
		if got := len(pageRE.FindAll(pdf, -1)); got != n {
			t.Fatalf("%s: %d page objects for %d pages", kind, got, n)
		}
		if got := pagesDrawingAnImage(t, pdf); got != n {
			t.Errorf("%s: the logo is painted on %d of %d pages", kind, got, n)
		}
		if _, err := exec.LookPath("pdfimages"); err == nil {
			file := filepath.Join(t.TempDir(), "plans.pdf")
			if err := os.WriteFile(file, pdf, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdfimages", "-list", file).Output()
			if err != nil {
				t.Fatal(err)
			}
			rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:] // two heading lines
			if len(rows) != n {
				t.Errorf("%s: pdfimages lists %d images for %d pages", kind, len(rows), n)
			}
		}
	}
}

func TestLogoKeepsTheHeaderInItsBand(t *testing.T) {
	for _, large := range []bool{false, true} {
		p, err := newPrinter(logoOptions(t, large, "png"))
		if err != nil {
			t.Fatal(err)
		}
		st := standardStyle()
		if large {
			st = largeStyle()
		}
		pages := p.layout(longCopy(), st)
		checkGeometry(t, pages, st, "Siân O'Brien")
		for i, pg := range pages {
			var img *op
			for j := range pg.ops {
				if pg.ops[j].kind == opImage {
					img = &pg.ops[j]
				}
			}
			if img == nil {
				t.Fatalf("large=%v page %d: no logo", large, i+1)
			}
			for _, o := range pg.ops {
				if o.kind == opText && o.zone == zoneHeader && o.x+o.w > img.x+0.01 && o.y < img.y+img.h {
					t.Errorf("large=%v page %d: header text %q runs under the logo", large, i+1, o.text)
				}
				if o.kind == opLine && o.zone == zoneHeader && o.y < img.y+img.h {
					t.Errorf("large=%v page %d: the header rule cuts through the logo", large, i+1)
				}
			}
		}
	}
}

func TestLogoPrintsTheSameTwice(t *testing.T) {
	a, _ := writePDF(t, sianCopy(), logoOptions(t, false, "png"))
	b, _ := writePDF(t, sianCopy(), logoOptions(t, false, "png"))
	if !bytes.Equal(a, b) {
		t.Error("two prints with the same logo differ")
	}
}

func TestNoLogoMatchesTheGolden(t *testing.T) {
	opt := testOptions(false)
	opt.Logo = []byte{} // empty is the same as none
	got, _ := writePDF(t, sianCopy(), opt)
	want, err := os.ReadFile(filepath.Join("testdata", "plan.golden.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("an empty logo changed the PDF")
	}
}

func TestBadLogoIsAnError(t *testing.T) {
	opt := testOptions(false)
	opt.Logo = []byte("not a picture")
	var buf bytes.Buffer
	if _, err := Write(&buf, sianCopy(), opt); err == nil || buf.Len() != 0 {
		t.Errorf("a bad logo printed: %v, %d bytes", err, buf.Len())
	}
}
