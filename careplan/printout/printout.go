package printout

import (
	"errors"
	"io"
	"strings"
	"time"

	"carehub/careplan"
	"carehub/pam"
)

// Fonts are the UTF-8 TrueType fonts the plan is set in. The caller passes them in (the app
// uses Fyne's bundled Noto Sans) so that names such as Siân and Zoë print correctly and this
// package reads no files.
type Fonts struct {
	Regular, Bold []byte
}

// Options say how a plan is printed.
type Options struct {
	// LargePrint sets body text at 16 pt or more, headings larger, black on white, with
	// generous spacing.
	LargePrint bool
	// Fonts are the UTF-8 TrueType fonts to print with; both are needed.
	Fonts Fonts
	// Created is the print date shown in the footer and stored in the PDF. Fixing it makes
	// the output byte-for-byte reproducible; the zero time means now.
	Created time.Time
	// Hub is the hub's name, shown in every footer.
	Hub string
	// Logo is the hub's logo, a PNG or JPEG that careplan.CheckLogo accepts, printed at the
	// top right of every page's header. Nil prints no logo, and then the PDF is exactly as it
	// was before logos existed.
	Logo []byte
}

// Copy is everything one person's printed plan shows.
type Copy struct {
	Patient     careplan.Patient
	Plan        careplan.Plan
	Assessments []pam.Assessment
	// KeyWorker is the person's key worker's staff record, whose name and phone head "Who to
	// call" (careplan.WhoToCall); zero when none is assigned.
	KeyWorker careplan.StaffMember
	// Earlier marks a version that is no longer the person's plan (VersionToPrint): every
	// page's header and footer carry EarlierStamp and a watermark says it is not the
	// current plan (hazard H2c).
	Earlier bool
}

var (
	// ErrNoPlan is for callers whose chooser (see Current) finds nothing agreed to print.
	ErrNoPlan = errors.New("there is no agreed plan to print for this person")
	// ErrCancelled is returned when a batch's progress function asks to stop.
	ErrCancelled = errors.New("printing was cancelled")
	// ErrNoFonts is returned when the regular or bold font is missing: without a UTF-8 font,
	// names with accents would print wrongly.
	ErrNoFonts = errors.New("the printing fonts are missing")
	// ErrNothingToPrint is returned for a batch with nobody in it.
	ErrNothingToPrint = errors.New("there is nothing to print")
	// ErrLogo is returned when Options.Logo is set but cannot be printed.
	ErrLogo = errors.New("the hub's logo cannot be printed")
)

// Current chooses the plan to print: the latest agreed version. A draft is never chosen,
// because the person's copy must be what they agreed; ok is false when nothing is agreed.
func Current(plans []careplan.Plan) (careplan.Plan, bool) {
	var best careplan.Plan
	found := false
	for _, p := range plans {
		if p.State != careplan.PlanAgreed {
			continue
		}
		if !found || later(p, best) {
			best, found = p, true
		}
	}
	return best, found
}

// later reports whether agreed plan a supersedes b: a higher version, or on a tie (which
// should not happen) the later agreement.
func later(a, b careplan.Plan) bool {
	if a.Version != b.Version {
		return a.Version > b.Version
	}
	return agreedAt(a).After(agreedAt(b))
}

func agreedAt(p careplan.Plan) time.Time {
	if p.Agreement == nil {
		return time.Time{}
	}
	if !p.Agreement.At.IsZero() {
		return p.Agreement.At
	}
	return p.Agreement.On.Time()
}

// LargePrintFor reports whether the person's communication needs ask for large print: the
// large-print flag, or large print written in their other needs.
func LargePrintFor(p careplan.Patient) bool {
	if p.Needs.LargePrint {
		return true
	}
	other := strings.ToLower(p.Needs.Other)
	return strings.Contains(other, "large print") || strings.Contains(other, "large-print")
}

// Write prints one person's plan as a PDF to w and returns the number of pages. It prints in
// large print exactly when opt.LargePrint says so: the caller decides, usually with
// LargePrintFor.
func Write(w io.Writer, c Copy, opt Options) (pages int, err error) {
	return writeCopies(w, []Copy{c}, opt, nil, false)
}
