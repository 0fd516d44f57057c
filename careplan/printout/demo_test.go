package printout

import (
	"strings"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/demo"
)

// demoCopies returns up to n synthetic people with an agreed plan, the way the app chooses
// what to print.
func demoCopies(n int) []Copy {
	g := demo.New(7, careplan.NewDate(2026, time.March, 5))
	var out []Copy
	for tries := 0; len(out) < n && tries < 20*n; tries++ {
		p := g.Next()
		plan, ok := Current(p.Plans)
		if !ok {
			continue
		}
		out = append(out, Copy{Patient: p.Patient, Plan: plan, Assessments: p.Assessments})
	}
	return out
}

// TestDemoPeopleLayOutCleanly prints a crowd of synthetic people, whose plans vary far more
// than hand-made ones, and checks every page's geometry and that no code or id is printed.
func TestDemoPeopleLayOutCleanly(t *testing.T) {
	n := 120
	if testing.Short() {
		n = 20
	}
	copies := demoCopies(n)
	if len(copies) == 0 {
		t.Fatal("the demo generator gave nobody with an agreed plan")
	}
	for i, c := range copies {
		large := i%4 == 0
		st := standardStyle()
		if large {
			st = largeStyle()
		}
		pages := layoutFor(t, c, large)
		checkGeometry(t, pages, st, c.Patient.FullName())
		var text strings.Builder
		for _, pg := range pages {
			for _, o := range pg.ops {
				text.WriteString(o.text + " ")
			}
		}
		all := text.String()
		if m := uuidPattern.FindString(all); m != "" {
			t.Errorf("%s: a uuid is printed: %q", c.Patient.FullName(), m)
		}
		for _, code := range c.Patient.Conditions {
			if strings.Contains(all, code) {
				t.Errorf("%s: the SNOMED code %s is printed", c.Patient.FullName(), code)
			}
		}
		if t.Failed() {
			t.Fatalf("stopping at person %d", i)
		}
	}
}
