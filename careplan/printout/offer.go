package printout

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"carehub/careplan"
)

// ErrNoDraft is returned when a draft is asked for and there is none newer than the agreed
// plan: printing an old draft would put superseded words in the person's hands.
var ErrNoDraft = errors.New("there is no draft plan to print for this person")

// Offer is what can be printed for one person.
type Offer struct {
	// Agreed is true when there is an agreed plan, which is what prints by default.
	Agreed bool
	// Draft is true when a draft may be printed instead: the person has only a draft, or
	// one newer than their agreed plan.
	Draft bool
	// LargePrint is true when the person's communication needs ask for large print.
	LargePrint bool
	// Closed is why the person's record is closed ("died on 3 Nov 2026"), or "" while the hub
	// works with them. A closed record's plan prints only when a coordinator confirms, and
	// then stamped as not current on every page.
	Closed string
}

// OfferFor says what can be printed for a person: their agreed plan, and a draft when it is
// all they have or is newer than what they agreed; and whether their needs ask for large print.
func OfferFor(p careplan.Patient, plans []careplan.Plan) Offer {
	_, agreed := Current(plans)
	_, draft := DraftToPrint(plans)
	o := Offer{Agreed: agreed, Draft: draft, LargePrint: LargePrintFor(p)}
	if c, ok := p.Closure(); ok {
		o.Closed = c.Reason()
	}
	return o
}

// ErrClosedRecord is wrapped by the refusal to print a closed record's plan as if current.
var ErrClosedRecord = errors.New("the record is closed")

// ClosedError refuses to print a closed record's plan without a coordinator's say-so, naming
// whose record it is and why it is closed.
type ClosedError struct {
	Name    string
	Closure careplan.Closure
}

func (e *ClosedError) Error() string {
	return fmt.Sprintf("%s's record is closed (%s): their plan is not a current plan, so it is not printed "+
		"unless a coordinator confirms, and then every page says so", e.Name, e.Closure.Reason())
}

// Unwrap lets callers test for ErrClosedRecord.
func (e *ClosedError) Unwrap() error { return ErrClosedRecord }

// DraftToPrint is the draft that may be printed: the latest one, if nothing agreed is newer.
func DraftToPrint(plans []careplan.Plan) (careplan.Plan, bool) {
	d, ok := careplan.LatestDraft(plans)
	if !ok {
		return d, false
	}
	if a, agreed := Current(plans); agreed && a.Version > d.Version {
		return d, false
	}
	return d, true
}

// BatchBy is how a batch chooses people.
type BatchBy int

const (
	// ByReviewDue chooses open people whose plan's review falls between From and To.
	ByReviewDue BatchBy = iota
	// ByKeyWorker chooses the open people on one key worker's caseload.
	ByKeyWorker
)

// BatchSelection says who a batch prints for.
type BatchSelection struct {
	By BatchBy
	// From and To bound the review dates for ByReviewDue, both days included. A zero From
	// has no lower bound, so reviews already overdue are included.
	From, To careplan.Date
	// KeyWorker names the key worker for ByKeyWorker.
	KeyWorker string
}

// Choose picks the people the selection covers from the caseload: by review date, soonest
// first, or a key worker's caseload, by name. People with no review date (no plan) have no
// review due. People whose record is closed are chosen too, so that a batch can say how many
// it left out (BatchPerson.Closed); they are never printed.
func (sel BatchSelection) Choose(rows []careplan.CaseloadEntry) []careplan.CaseloadEntry {
	var out []careplan.CaseloadEntry
	for _, e := range rows {
		if (e.Status.Open() || e.Status.Closed()) && sel.covers(e) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if sel.By == ByReviewDue && !a.ReviewDate.Time().Equal(b.ReviewDate.Time()) {
			return a.ReviewDate.Before(b.ReviewDate)
		}
		if a.SortName() != b.SortName() {
			return a.SortName() < b.SortName()
		}
		return a.NHSNumber < b.NHSNumber
	})
	return out
}

// covers reports whether one open person falls in the selection.
func (sel BatchSelection) covers(e careplan.CaseloadEntry) bool {
	switch sel.By {
	case ByReviewDue:
		return !e.ReviewDate.IsZero() && !e.ReviewDate.Before(sel.From) && !e.ReviewDate.After(sel.To)
	case ByKeyWorker:
		return sel.KeyWorker != "" && e.KeyWorker == sel.KeyWorker
	}
	return false
}

// BatchPerson is one person a batch would print for.
type BatchPerson struct {
	PatientID string
	NHSNumber careplan.NHSNumber
	Name      string
	// HasAgreed is false for people with no agreed plan: they are listed, not printed.
	HasAgreed bool
	// Closed is the status that closed the person's record (died, discharged, declined,
	// withdrew), or "" while the hub works with them. A batch never prints a closed record.
	Closed careplan.Status
}

// Prints reports whether a batch prints this person: an agreed plan, and a record still open.
func (p BatchPerson) Prints() bool { return p.HasAgreed && p.Closed == "" }

// BatchPersonFor is a caseload entry as a batch lists them, given their plans.
func BatchPersonFor(e careplan.CaseloadEntry, plans []careplan.Plan) BatchPerson {
	_, agreed := Current(plans)
	name := strings.TrimSpace(e.GivenName + " " + e.FamilyName)
	bp := BatchPerson{PatientID: e.PatientID, NHSNumber: e.NHSNumber, Name: name, HasAgreed: agreed}
	if e.Status.Closed() {
		bp.Closed = e.Status
	}
	return bp
}

// BatchOutput says where a batch goes.
type BatchOutput struct {
	// Path is the PDF to write, or with Folder the folder to write one file per person into.
	Path   string
	Folder bool
	// LargePrint prints everyone in large print; people who need it get it regardless.
	LargePrint bool
}

// BatchResult is what a finished batch did.
type BatchResult struct {
	Printed int // plans printed
	Pages   int
	// NoPlan lists the people left out because they have no agreed plan.
	NoPlan []BatchPerson
	// Closed lists the people left out because their record is closed (hazard H11): a batch
	// is for plans people are following.
	Closed []BatchPerson
}
