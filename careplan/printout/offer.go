package printout

import (
	"errors"
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
}

// OfferFor says what can be printed for a person: their agreed plan, and a draft when it is
// all they have or is newer than what they agreed; and whether their needs ask for large print.
func OfferFor(p careplan.Patient, plans []careplan.Plan) Offer {
	_, agreed := Current(plans)
	_, draft := DraftToPrint(plans)
	return Offer{Agreed: agreed, Draft: draft, LargePrint: LargePrintFor(p)}
}

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

// Choose picks the open people the selection covers from the caseload: by review date,
// soonest first, or a key worker's caseload, by name. People with no review date (no plan)
// have no review due.
func (sel BatchSelection) Choose(rows []careplan.CaseloadEntry) []careplan.CaseloadEntry {
	var out []careplan.CaseloadEntry
	for _, e := range rows {
		if e.Status.Open() && sel.covers(e) {
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
}

// BatchPersonFor is a caseload entry as a batch lists them, given their plans.
func BatchPersonFor(e careplan.CaseloadEntry, plans []careplan.Plan) BatchPerson {
	_, agreed := Current(plans)
	name := strings.TrimSpace(e.GivenName + " " + e.FamilyName)
	return BatchPerson{PatientID: e.PatientID, NHSNumber: e.NHSNumber, Name: name, HasAgreed: agreed}
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
}
