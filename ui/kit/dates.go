package kit

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// DateLayout is how date fields show a date: the way UK staff write it, 02/03/2026.
const DateLayout = "02/01/2006"

// DateText writes a date for a field the way UK staff type it, or nothing for no date.
func DateText(d careplan.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(DateLayout)
}

// DateEntry is a date field showing day, or empty (saying how to write one) for no date.
func DateEntry(day careplan.Date) *Entry {
	e := NewEntry("DD/MM/YYYY")
	e.SetText(DateText(day))
	return e
}

// ReadDate reads a required date field for a form, putting its problem, if any, under l.
func (p Problems) ReadDate(typed, what string, l *widget.Label) careplan.Date {
	d, problem := ReadDate(typed, what)
	if problem != "" {
		p[l] = problem
	}
	return d
}

// ReadDate reads a required date field, what naming it in the problem when it is empty ("date
// of the contact" gives "Write the date of the contact."). The problem is "" when the date
// reads; whether it may be in the future is the domain's rule, not the field's.
func ReadDate(typed, what string) (careplan.Date, string) {
	if strings.TrimSpace(typed) == "" {
		return careplan.Date{}, "Write the " + what + "."
	}
	d, err := careplan.ParseDate(typed)
	if err != nil {
		return careplan.Date{}, "Write the date as DD/MM/YYYY or YYYY-MM-DD."
	}
	return d, ""
}
