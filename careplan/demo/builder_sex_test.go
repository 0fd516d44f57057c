package demo

import (
	"strings"
	"testing"
)

// TestCarersNamesAgreeWithTheirRelationship: a daughter, sister or wife has a woman's name, a
// son, brother or husband a man's.
func TestCarersNamesAgreeWithTheirRelationship(t *testing.T) {
	tb := newTables()
	women, men := map[string]bool{}, map[string]bool{}
	for _, n := range append(tb.female, tb.femaleRare...) {
		women[n] = true
	}
	for _, n := range append(tb.male, tb.maleRare...) {
		men[n] = true
	}
	checked := 0
	g := New(7, testToday())
	for range 400 {
		p := g.Next().Patient
		for _, c := range p.Carers {
			given, _, _ := strings.Cut(c.Name, " ")
			switch {
			case womansRelationship(c.Relationship) && men[given] && !women[given]:
				t.Errorf("%s's %s is called %s", p.GivenName, c.Relationship, c.Name)
			case (c.Relationship == "son" || c.Relationship == "brother" || c.Relationship == "husband") && women[given] && !men[given]:
				t.Errorf("%s's %s is called %s", p.GivenName, c.Relationship, c.Name)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d carers to check", checked)
	}
}
