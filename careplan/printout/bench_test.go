package printout

import (
	"io"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// BenchmarkPrintPlan3Pages prints Siân's three-page plan and, in the same run, the floor:
// raw gofpdf setting the same strings in the same fonts at the same places on the same number
// of pages with plain Cell calls, with no layout, wrapping, boxes or chart. Both parse the
// fonts and write a whole PDF. x/floor is how much the layout costs on top.
func BenchmarkPrintPlan3Pages(b *testing.B) {
	c, opt := sianCopy(), testOptions(false)
	pages := layoutFor(b, c, false)
	if len(pages) != 3 {
		b.Fatalf("the sample prints to %d pages, want 3", len(pages))
	}
	// printOne prints the plan, then draws the floor, and adds each one's time.
	var ours, floor time.Duration
	printOne := func() {
		start := time.Now()
		if _, err := Write(io.Discard, c, opt); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if err := rawFloor(pages, opt.Fonts); err != nil {
			b.Fatal(err)
		}
		ours += mid.Sub(start)
		floor += time.Since(mid)
	}
	// One of each first, off the figures (the first print pays for warming up); then each op
	// prints plansPerOp plans, so even -benchtime 3x compares thirty prints with thirty.
	printOne()
	ours, floor = 0, 0
	b.ResetTimer()
	for b.Loop() {
		for range plansPerOp {
			printOne()
		}
	}
	plans := float64(b.N * plansPerOp)
	b.ReportMetric(float64(ours.Nanoseconds())/plans, "ns/plan")
	b.ReportMetric(float64(floor.Nanoseconds())/plans, "floor-ns/plan")
	b.ReportMetric(float64(ours)/float64(floor), "x/floor")
}

// plansPerOp is how many plans one op of BenchmarkPrintPlan3Pages prints.
const plansPerOp = 10

// rawFloor draws the laid-out text the simplest way gofpdf allows.
func rawFloor(pages []page, fonts Fonts) error {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes("raw", "", fonts.Regular)
	pdf.AddUTF8FontFromBytes("raw", "B", fonts.Bold)
	for _, pg := range pages {
		pdf.AddPage()
		for _, o := range pg.ops {
			if o.kind != opText {
				continue
			}
			style := ""
			if o.bold {
				style = "B"
			}
			pdf.SetFont("raw", style, o.size)
			pdf.SetXY(o.x, o.y)
			pdf.Cell(o.w, o.h, o.text)
		}
	}
	return pdf.Output(io.Discard)
}

// BenchmarkBatch1000 prints 1,000 synthetic people's plans into one PDF, fonts added once.
func BenchmarkBatch1000(b *testing.B) {
	copies := demoCopies(1000)
	if len(copies) < 1000 {
		b.Fatalf("only %d demo people with an agreed plan", len(copies))
	}
	opt := testOptions(false)
	pages := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := WriteBatch(io.Discard, copies, opt, nil)
		if err != nil {
			b.Fatal(err)
		}
		pages = n
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(copies)), "ns/plan")
	b.ReportMetric(float64(pages), "pages")
}
