package ui

import (
	"fmt"
	"strconv"

	"carehub/careplan"
)

// thousands writes a count the way UK readers expect: 30,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// peopleCount says how many people a search shows out of the whole caseload.
func peopleCount(shown, total int) string {
	noun := "people"
	if total == 1 {
		noun = "person"
	}
	return fmt.Sprintf("%s of %s %s", thousands(shown), thousands(total), noun)
}

// bornWithAge writes a date of birth with the age today: "3 Mar 1948 (77)".
func bornWithAge(born, today careplan.Date) string {
	if born.IsZero() {
		return "date of birth not recorded"
	}
	return fmt.Sprintf("%s (%d)", born.Display(), born.AgeOn(today))
}

// orNotRecorded shows an empty field as missing rather than as a blank a reader might skip.
func orNotRecorded(s string) string {
	if s == "" {
		return "not recorded"
	}
	return s
}

// whoseTitle names the person a dialog is about, so nobody records anything against the wrong
// patient: "Record a PAM · Siân O'Brien · NHS 999 000 1009".
func whoseTitle(what string, p careplan.Patient) string {
	return what + " · " + p.FullName() + " · NHS " + p.NHSNumber.Display()
}
