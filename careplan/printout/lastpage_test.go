package printout

import (
	"strings"
	"testing"
)

// growing is Siân's plan with n sentences more in her strengths: a plan that grows line by
// line, so some lengths spill a few lines onto a page of their own.
func growing(n int) Copy {
	c := sianCopy()
	c.Plan.Strengths += strings.Repeat(" I keep my garden going whatever the weather.", n)
	return c
}

// sparseCases lays out growing plans both ways: as first laid out, and as printed. It returns
// the lengths whose first layout left the last page near-empty.
func sparseCases(t *testing.T, large bool) (sparse []int) {
	t.Helper()
	p, err := newPrinter(testOptions(large))
	if err != nil {
		t.Fatal(err)
	}
	st := styleOf(large)
	for n := 0; n < 160; n += 2 {
		if s := p.lay(growing(n), st); len(s.pages) > 1 && s.lastPageUsed() < sparseLastPage {
			sparse = append(sparse, n)
		}
	}
	return sparse
}

// A plan whose last page would carry only a few lines is pulled back onto the pages before
// it: one sheet fewer, and the pages are still whole (header, footer, nothing overlapping).
func TestNoNearEmptyLastPage(t *testing.T) {
	for _, large := range []bool{false, true} {
		sparse := sparseCases(t, large)
		if len(sparse) == 0 {
			t.Fatalf("large=%v: no plan length leaves a near-empty last page; the test needs one", large)
		}
		p, err := newPrinter(testOptions(large))
		if err != nil {
			t.Fatal(err)
		}
		saved := 0
		for _, n := range sparse {
			c := growing(n)
			before := len(p.lay(c, styleOf(large)).pages)
			pages := layoutFor(t, c, large)
			if len(pages) > before {
				t.Errorf("large=%v n=%d: %d pages, more than the %d first laid out", large, n, len(pages), before)
			}
			if len(pages) == before {
				continue // too much to pull back: tightening never adds a page, and is not kept
			}
			saved++
			// Pulled back, what is left may still be short (a heading and its lines kept
			// together), but never a stray line or two.
			if used := p.fitted(c, styleOf(large)).lastPageUsed(); used < 0.1 {
				t.Errorf("large=%v n=%d: the last page is still near-empty (%.0f%% used)", large, n, 100*used)
			}
			checkGeometry(t, pages, styleOf(large), "Siân O'Brien")
			_, written := writePDF(t, c, testOptions(large))
			if written != len(pages) {
				t.Errorf("large=%v n=%d: Write printed %d pages, the layout has %d", large, n, written, len(pages))
			}
			text := ""
			for _, pg := range pages {
				text += pageText(pg)
			}
			if !strings.Contains(text, "My next review") || (n > 0 && !strings.Contains(text, "keep my garden going")) {
				t.Errorf("large=%v n=%d: the tighter plan lost its end", large, n)
			}
			if large {
				for i, pg := range pages {
					for _, o := range pg.ops {
						if o.kind == opText && o.size < 16 {
							t.Errorf("n=%d page %d: %q at %.1f pt in large print", n, i+1, o.text, o.size)
						}
					}
				}
			}
		}
		t.Logf("large=%v: %d plan lengths left a near-empty last page; %d now print a page shorter", large, len(sparse), saved)
		if saved < len(sparse) {
			t.Errorf("large=%v: only %d of %d near-empty last pages were pulled back (lengths %v)", large, saved, len(sparse), sparse)
		}
	}
}

// A plan that already ends well down its last page is laid out as it always was.
func TestFullLastPageIsLeftAlone(t *testing.T) {
	p, err := newPrinter(testOptions(false))
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < 160; n += 2 {
		s := p.lay(growing(n), standardStyle())
		if len(s.pages) < 2 || s.lastPageUsed() < 0.5 {
			continue
		}
		got := layoutFor(t, growing(n), false)
		if len(got) != len(s.pages) || len(got[0].ops) != len(s.pages[0].ops) || got[0].ops[len(got[0].ops)-1] != s.pages[0].ops[len(s.pages[0].ops)-1] {
			t.Errorf("n=%d: a plan using %.0f%% of its last page was laid out again", n, 100*s.lastPageUsed())
		}
		return
	}
	t.Fatal("no plan length fills most of its last page; the test needs one")
}
