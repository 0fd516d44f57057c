package caseload

import (
	"carehub/careplan"
	"carehub/pam"
)

// Queue is one of the work queues key workers live in: a list of people who need something
// done, worked out from their caseload entries and today's date.
type Queue int

// The work queues. QueueNone is no queue: everyone.
const (
	QueueNone          Queue = iota
	QueueNotContacted        // nominated, not yet contacted
	QueueConsent             // contacted, consent to join still outstanding
	QueueReviewSoon          // plan review due in the next ReviewWindowDays days
	QueueReviewOverdue       // plan review overdue (careplan.ReviewOverdue)
	QueuePAMDue              // no PAM of the person's own that counts, or it is due again (pam.DueSince)
	QueueNoContact           // no recorded work with the person (a contact, a PAM) for NoContactDays days, or never
)

// Queues lists the work queues in the order the caseload shows them.
func Queues() []Queue {
	return []Queue{QueueNotContacted, QueueConsent, QueueReviewSoon, QueueReviewOverdue, QueuePAMDue, QueueNoContact}
}

// The rules' numbers, from the hub's workflow (shared/domain.md).
const (
	ReviewWindowDays = 14
	NoContactDays    = 30
)

// Label names the queue for staff.
func (q Queue) Label() string {
	switch q {
	case QueueNotContacted:
		return "New, not contacted"
	case QueueConsent:
		return "Consent outstanding"
	case QueueReviewSoon:
		return "Review in 14 days"
	case QueueReviewOverdue:
		return "Review overdue"
	case QueuePAMDue:
		return "PAM due"
	case QueueNoContact:
		return "No contact or PAM 30 days" // says what it counts: a PAM is the hub's work with the person too
	}
	return "Everyone"
}

// In reports whether a person belongs in the queue today. Only people the hub is still
// working with are in any queue: a person who has died, been discharged or declined gets no
// reminders.
func (q Queue) In(e *careplan.CaseloadEntry, today careplan.Date) bool {
	return q.in(e, dayOf(today))
}

// queueDay holds the cut-off dates of every queue for one day, worked out once per search or
// count rather than once per person: date arithmetic is most of the cost of a queue at 30,000.
type queueDay struct {
	today     careplan.Date
	soonEnd   careplan.Date // the last day of the review window
	pamDue    pam.DueToday  // pam's rule for a PAM being due, ready for many people
	contactBy careplan.Date // work recorded on or before this day is 30 days old or more
}

func dayOf(today careplan.Date) queueDay {
	return queueDay{
		today:     today,
		soonEnd:   today.AddDays(ReviewWindowDays),
		pamDue:    pam.DueOn(today),
		contactBy: today.AddDays(-NoContactDays),
	}
}

func (q Queue) in(e *careplan.CaseloadEntry, d queueDay) bool {
	if q == QueueNone {
		return true
	}
	if !e.Status.Open() {
		return false
	}
	switch q {
	case QueueNotContacted:
		return e.Status == careplan.StatusNominated
	case QueueConsent:
		return e.Status == careplan.StatusContacted
	case QueueReviewSoon:
		return engaged(e) && !e.ReviewDate.IsZero() && !e.ReviewDate.Before(d.today) && !e.ReviewDate.After(d.soonEnd)
	case QueueReviewOverdue:
		// engaged first only because it is inlined and refuses most people cheaply; the rule
		// is ReviewOverdue's, which asks it again.
		return engaged(e) && careplan.ReviewOverdue(e.ReviewDate, e.Status, d.today)
	case QueuePAMDue:
		return engaged(e) && d.pamDue.Since(e.LastPAM) // LastPAM is the person's own, never a Carer PAM
	case QueueNoContact:
		return e.Status != careplan.StatusNominated && !e.LastWork().After(d.contactBy)
	}
	return false
}

// engaged is someone who has agreed to join: plans, reviews and PAMs apply to them.
func engaged(e *careplan.CaseloadEntry) bool { return e.Status.UnderPlan() }

// QueueCounts is how many people are in each queue, indexed by Queue.
type QueueCounts [QueueNoContact + 1]int

// CountQueues counts everyone in each queue, among the entries that pass the query's filters
// (key worker, practice, condition, status) but ignoring its text and its queue, so the counts
// say how much work there is in the caseload being looked at. One pass over the index.
func (ix *Index) CountQueues(q Query, today careplan.Date) QueueCounts {
	var c QueueCounts
	q.Queue = QueueNone
	d := dayOf(today)
	queues := Queues()
	for i := range ix.entries {
		if !ix.passesFilters(i, &q) {
			continue
		}
		e := &ix.entries[i]
		if !e.Status.Open() {
			continue // in no queue
		}
		for _, k := range queues {
			if k.in(e, d) {
				c[k]++
			}
		}
	}
	return c
}
