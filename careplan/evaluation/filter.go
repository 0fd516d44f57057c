package evaluation

import (
	"errors"
	"strings"

	"carehub/careplan"
)

// Filter chooses who and what a report covers.
type Filter struct {
	// From and To bound the period, both days included. A zero From or To leaves that end
	// open; the command line always sets both.
	From, To careplan.Date
	// Practice is the practice name to report on, or "" for every practice. It is matched
	// without regard to case or surrounding spaces.
	Practice string
	// KeyWorker is the key worker to report on, or "" for everyone: the key worker named on the
	// person's caseload entry now, who may not be who took each measurement.
	KeyWorker string
}

// ErrPeriod reports a period that ends before it starts.
var ErrPeriod = errors.New("the report period ends before it starts: --from must be on or before --to")

// Validate checks the period is the right way round.
func (f Filter) Validate() error {
	if !f.From.IsZero() && !f.To.IsZero() && f.From.After(f.To) {
		return ErrPeriod
	}
	return nil
}

// inScope reports whether a caseload entry matches the practice and key worker.
func (f Filter) inScope(e careplan.CaseloadEntry) bool {
	return matches(f.Practice, e.Practice) && matches(f.KeyWorker, e.KeyWorker)
}

// matches is an empty want (everyone) or the same name, ignoring case and outer spaces, so
// "quantock surgery " typed at the command line finds "Quantock Surgery".
func matches(want, got string) bool {
	want = strings.TrimSpace(want)
	return want == "" || strings.EqualFold(want, strings.TrimSpace(got))
}

// inPeriod reports whether a day falls within [From, To].
func (f Filter) inPeriod(d careplan.Date) bool {
	if d.IsZero() {
		return false
	}
	if !f.From.IsZero() && d.Before(f.From) {
		return false
	}
	return f.To.IsZero() || !d.After(f.To)
}
