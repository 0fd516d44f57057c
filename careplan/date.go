package careplan

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Europe/London on machines without a zone database (DateOf)
)

// Date is a calendar day with no time of day or zone: a date of birth, a review date, the day a
// consent was given. The zero Date means "not recorded".
type Date struct {
	t time.Time // always midnight UTC, or zero
}

// DateLayout is how carehub writes and reads dates in files, flags and forms.
const DateLayout = "2006-01-02"

// ErrBadDate is returned when text cannot be read as a date.
var ErrBadDate = errors.New("not a date")

// NewDate returns the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day in England at the instant t: the one function that turns a
// moment into a Date ("today", the day a plan was agreed, the day of an audit entry). The day
// is decided in Europe/London explicitly, not in the machine's own zone, so a laptop set to
// another zone, or a server in UTC, does not call 00:30 BST on 2 July "1 July".
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := UKTime(t).Date()
	return NewDate(y, m, d)
}

// UKTime is the instant t on the clocks in England (GMT or BST), for showing a time of day
// beside the day DateOf gives it.
func UKTime(t time.Time) time.Time { return t.In(london()) }

// london is England's time zone. It is read from the zone database built into carehub (the
// time/tzdata import), so it is there on a machine with none of its own, as on Windows; it
// cannot fail to load, but if it ever did, UTC is the nearest safe answer rather than a crash.
var london = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
})

// ParseDate reads a date written as YYYY-MM-DD or DD/MM/YYYY (the way UK staff write dates).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{DateLayout, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{t}, nil
		}
	}
	return Date{}, fmt.Errorf("%q is %w: write it as YYYY-MM-DD or DD/MM/YYYY", s, ErrBadDate)
}

// IsZero reports whether the date was not recorded.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// String writes the date as YYYY-MM-DD, or "" when not recorded.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Display writes the date the way a UK reader expects: 3 Mar 2026.
func (d Date) Display() string {
	if d.IsZero() {
		return "not recorded"
	}
	return d.t.Format("2 Jan 2006")
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// AddDays returns the day n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths returns the same day n months later, as the calendar counts it.
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.t.Sub(d.t).Hours() / 24) }

// AgeOn returns the age in whole years of someone born on d, on the day on.
func (d Date) AgeOn(on Date) int {
	age := on.t.Year() - d.t.Year()
	if on.t.Month() < d.t.Month() || (on.t.Month() == d.t.Month() && on.t.Day() < d.t.Day()) {
		age-- // birthday not reached yet this year
	}
	return age
}

// MarshalText writes the date as YYYY-MM-DD (empty when not recorded).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; empty text is "not recorded".
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	t, err := time.Parse(DateLayout, string(b))
	if err != nil {
		return fmt.Errorf("%q is %w", b, ErrBadDate)
	}
	*d = Date{t}
	return nil
}
