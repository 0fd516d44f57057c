package pam

import "carehub/careplan"

// The rule for "a PAM is due", decided here once: the plan editor, the review wizard, the
// outcomes tab, the caseload's "PAM due" queue and the printout all ask it.

// NextDueAfter is the day a new PAM is due after one taken on last: DueEveryMonths later, as
// the calendar counts months.
func NextDueAfter(last careplan.Date) careplan.Date { return last.AddMonths(DueEveryMonths) }

// Due reports whether a new PAM is due today for the person: none of their own counts yet, or
// their own latest was taken six months ago or more. A Carer PAM never makes the person's PAM
// up to date.
func Due(all []Assessment, today careplan.Date) bool {
	last, ok := Latest(all)
	if !ok {
		return true
	}
	return DueSince(last.TakenOn, today)
}

// DueSince is Due for someone whose own latest PAM that counts was taken on last (the zero
// Date when there is none): due on NextDueAfter(last) and every day after it.
func DueSince(last, today careplan.Date) bool {
	return last.IsZero() || !NextDueAfter(last).After(today)
}

// Six calendar months span 181 to 184 days (a day that does not exist in the sixth month runs
// on into the next), so a PAM more than 184 days old is surely due and one fewer than 181 days
// old surely not; only the days between need the calendar. TestDueTodayMatchesDueSince holds
// these to DueSince on every day of four years.
const (
	shortestDueDays = 181
	longestDueDays  = 184
)

// DueToday answers DueSince for many people on one day, as the caseload's work queue does for
// 30,000 people per click: two date comparisons per person instead of calendar arithmetic.
type DueToday struct {
	today     careplan.Date
	surelyDue careplan.Date // a PAM on or before this day is due
	surelyNot careplan.Date // a PAM after this day is not
}

// DueOn prepares the answers for one day.
func DueOn(today careplan.Date) DueToday {
	return DueToday{
		today:     today,
		surelyDue: today.AddDays(-longestDueDays),
		surelyNot: today.AddDays(-shortestDueDays),
	}
}

// Since reports whether a new PAM is due for someone whose own latest PAM that counts was
// taken on last (the zero Date when there is none); the same answer as DueSince. Most people
// in a queue had a PAM in the last six months, so that answer takes one comparison; the
// calendar is asked only in the few days where the month lengths decide.
func (d *DueToday) Since(last careplan.Date) bool {
	switch {
	case last.After(d.surelyNot):
		return false
	case !last.After(d.surelyDue): // the zero Date too: no PAM yet
		return true
	}
	return DueSince(last, d.today)
}
