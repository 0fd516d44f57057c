package evaluation

import (
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

// Service use comes from the contacts log, by kind and minutes, for people in scope and days
// in the period; the report says hospital and GP use are not recorded in carehub.
func TestServiceUseFromTheContactsLog(t *testing.T) {
	f := Filter{From: day(2026, time.January, 1), To: day(2026, time.December, 31)}
	c := func(kind careplan.ContactKind, on careplan.Date, min int) careplan.Contact {
		return careplan.Contact{Kind: kind, On: on, Minutes: min}
	}
	ada := Person{Entry: entry("Ada", "9990000018"), Contacts: []careplan.Contact{
		c(careplan.ContactHomeVisit, day(2026, time.March, 1), 60),
		c(careplan.ContactPhone, day(2026, time.April, 1), 15),
		c(careplan.ContactPhone, day(2025, time.December, 31), 15), // before the period
	}}
	eve := Person{Entry: entry("Eve", "9990000026"), Contacts: []careplan.Contact{c(careplan.ContactPhone, day(2026, time.May, 1), 10)}}
	r := Build([]Person{ada, eve}, f)
	s := r.ServiceUse
	if !s.Recorded || s.Contacts != 3 || s.Minutes != 85 {
		t.Fatalf("service use %+v, want 3 contacts and 85 minutes", s)
	}
	if s.ByKind[0].Contacts != 1 || s.ByKind[0].Minutes != 60 || s.ByKind[1].Contacts != 2 || s.ByKind[1].Minutes != 25 {
		t.Errorf("by kind %+v", s.ByKind)
	}
	if !near(s.ContactsPerPersonMonth, 3/(2*365/30.44)) {
		t.Errorf("per person per month %.4f", s.ContactsPerPersonMonth)
	}
	var text strings.Builder
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"hospital and GP use are not recorded in carehub", "Home visit: 1 contacts, 60 minutes"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the report does not say %q:\n%s", want, text.String())
		}
	}
}
