package careplan

// UnderPlan reports whether the person has agreed to join and the hub is working with them:
// consented or active. Plans, reviews and PAMs apply to them; to no one else.
func (s Status) UnderPlan() bool { return s == StatusConsented || s == StatusActive }

// ReviewOverdue reports whether a plan's review is overdue: it has a review date, the date has
// passed (a review due today is due, not overdue), and the hub is still working with the
// person under a plan. A person who died, was discharged or declined, or who is nominated again
// after leaving, has no review overdue: nobody is chased for a plan no longer in force. The
// caseload row, the caseload's "Review overdue" queue and the patient summary all ask this.
func ReviewOverdue(review Date, s Status, today Date) bool {
	// Cheapest refusal first: most reviews are still to come.
	return !review.IsZero() && review.Before(today) && s.UnderPlan()
}

// ReviewOverdueWarning is what a plan whose review is overdue says, on paper (above the
// contingency plan and in every page's footer) and on the tablet, in the same words:
// "Review overdue since 2 Nov 2026 — check with your key worker".
func ReviewOverdueWarning(review Date) string {
	return "Review overdue since " + review.Display() + " — check with your key worker"
}
