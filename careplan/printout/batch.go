package printout

import (
	"fmt"
	"io"
)

// WriteBatch prints many people's plans into one PDF and returns its number of pages. Each
// person starts on a new page and their pages are numbered on their own ("Page 1 of 3"), so
// each person's copy can be taken out of the pile whole.
//
// A batch has one set of options for many people, so a person whose communication needs ask
// for large print gets it even when opt.LargePrint is false.
//
// progress, if not nil, is called after each person with how many are done; returning false
// cancels the batch, and WriteBatch then returns ErrCancelled having written nothing.
func WriteBatch(w io.Writer, copies []Copy, opt Options, progress func(done, total int) bool) (pages int, err error) {
	return writeCopies(w, copies, opt, progress, true)
}

// writeCopies lays out and paints one person at a time, so memory holds only the finished
// PDF and the person in hand. The PDF is written to w only at the end: a failed or cancelled
// batch writes nothing.
func writeCopies(w io.Writer, copies []Copy, opt Options, progress func(done, total int) bool, byNeeds bool) (int, error) {
	if len(copies) == 0 {
		return 0, ErrNothingToPrint
	}
	p, err := newPrinter(opt)
	if err != nil {
		return 0, err
	}
	total := 0
	for i, c := range copies {
		pages := p.layout(c, styleFor(c, opt, byNeeds))
		p.paint(pages)
		if err := p.pdf.Error(); err != nil {
			return 0, fmt.Errorf("printing the plan for %s: %w", c.Patient.NHSNumber.Display(), err)
		}
		total += len(pages)
		if progress != nil && !progress(i+1, len(copies)) {
			return 0, ErrCancelled
		}
	}
	if err := p.pdf.Output(w); err != nil {
		return 0, fmt.Errorf("writing the printed plan: %w", err)
	}
	return total, nil
}

func styleFor(c Copy, opt Options, byNeeds bool) style {
	if opt.LargePrint || (byNeeds && LargePrintFor(c.Patient)) {
		return largeStyle()
	}
	return standardStyle()
}
