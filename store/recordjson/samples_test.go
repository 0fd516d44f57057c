package recordjson

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/demo"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// sample is one record body as encodeBody stores it (json.Marshal of the domain value), with
// a maker of the zero value its kind decodes into.
type sample struct {
	kind  int // index into kinds
	body  []byte
	fresh func() any
}

// kindNames and kinds follow store's newBody, in the same order as rootTypes.
var kindNames = []string{"patient", "plan", "assessment", "outcome", "contact", "staff", "template", "service"}

var kinds = []func() any{
	func() any { return new(careplan.Patient) },
	func() any { return new(careplan.Plan) },
	func() any { return new(pam.Assessment) },
	func() any { return new(outcomes.Record) },
	func() any { return new(careplan.Contact) },
	func() any { return new(careplan.StaffMember) },
	func() any { return new(careplan.Template) },
	func() any { return new(careplan.Service) },
}

// demoSamples are the bodies of a demo hub of the given size: every kind, as a first full
// sync carries them.
func demoSamples(t testing.TB, people int) []sample {
	t.Helper()
	g := demo.New(3, careplan.NewDate(2026, time.May, 1))
	var out []sample
	add := func(kind int, v any) {
		body, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sample{kind: kind, body: body, fresh: kinds[kind]})
	}
	for range people {
		p := g.Next()
		add(0, p.Patient)
		for _, v := range p.Plans {
			add(1, v)
		}
		for _, v := range p.Assessments {
			add(2, v)
		}
		for _, v := range p.Outcomes {
			add(3, v)
		}
		for _, v := range p.Contacts {
			add(4, v)
		}
	}
	for _, v := range g.Staff() {
		add(5, v)
	}
	for _, v := range careplan.BuiltInTemplates() {
		add(6, v)
	}
	for _, v := range demo.Services() {
		add(7, v)
	}
	return out
}

// sameAsJSON decodes body fast and with encoding/json, each into a fresh value, and fails t
// when the fast path's success disagrees with encoding/json in any way, or when a refusal
// leaves anything behind in the value. It reports whether the fast path took the body.
func sameAsJSON(t testing.TB, fresh func() any, body []byte) bool {
	t.Helper()
	got := fresh()
	fast := Decode(body, got)
	want := fresh()
	err := json.Unmarshal(body, want)
	switch {
	case fast && err != nil:
		t.Errorf("decoded %q, which encoding/json refuses: %v", body, err)
	case fast && !reflect.DeepEqual(got, want):
		t.Errorf("decoded %q as\n%#v\nencoding/json gives\n%#v", body, got, want)
	case !fast && !reflect.DeepEqual(got, fresh()):
		t.Errorf("refused %q but left %#v behind", body, got)
	}
	return fast
}
