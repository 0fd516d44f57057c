package fhir

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"carehub/careplan"
	"carehub/careplan/demo"
)

// encodedBoth encodes people with the direct encoders and with encoding/json alone, in one
// layout, and returns both chunks' bytes.
func encodedBoth(t *testing.T, l layout, people []Person) (direct, viaJSON []byte, hot int) {
	t.Helper()
	opts := Options{IncludeWithoutConsent: true}
	fast, slow := newEncoder(l, opts), newEncoder(l, opts)
	slow.viaJSON = true
	var a, b Chunk
	for _, p := range people {
		if err := fast.Encode(&a, p); err != nil {
			t.Fatal(err)
		}
		if err := slow.Encode(&b, p); err != nil {
			t.Fatal(err)
		}
		for _, r := range Resources(p, opts) {
			if _, ok := r.(directEncoder); ok {
				hot++
			}
		}
	}
	return a.data, b.data, hot
}

func TestDirectEncodingIsEncodingJSON(t *testing.T) {
	g := demo.New(11, careplan.NewDate(2026, time.November, 23))
	people := make([]Person, 400)
	for i := range people {
		p := g.Next()
		people[i] = Person{Patient: p.Patient, Plans: p.Plans, Assessments: p.Assessments, Outcomes: p.Outcomes, Contacts: p.Contacts}
	}
	for _, l := range []layout{layoutBundle, layoutNDJSON} {
		direct, viaJSON, hot := encodedBoth(t, l, people)
		if hot < 1000 {
			t.Fatalf("only %d Observations and Encounters in the demo people: the test shows little", hot)
		}
		if !bytes.Equal(direct, viaJSON) {
			i := firstDifference(direct, viaJSON)
			t.Errorf("layout %d: the direct encoders differ from encoding/json at byte %d:\ndirect %q\njson   %q",
				l, i, around(direct, i), around(viaJSON, i))
		}
	}
}

func TestDirectEncodingEscapesAsEncodingJSON(t *testing.T) {
	odd := "Dr <Ann> & \"Bo\" \\ O'Neil\n\t\r\b\f\x01\x1f \u2028\u2029 é 日本 \xff\xfe end"
	obs := observation("p1", "a1", careplan.NewDate(2026, 3, 4), odd, odd)
	obs.Code = CodeableConcept{Coding: []Coding{{System: odd, Code: "<x>", Display: odd}}, Text: odd}
	obs.Component = []Component{{Code: CodeableConcept{Text: odd}, ValueInteger: intp(-3)},
		{Code: CodeableConcept{}, ValueConcept: &CodeableConcept{Text: odd}}}
	obs.Identifier = []Identifier{{Extension: []Extension{{URL: odd, ValueBoolean: boolp(false), ValueInteger: intp(0),
		Extension: []Extension{{URL: "u", ValueDate: "2026-01-02", ValueCodeableConcept: &CodeableConcept{}}}}}, Value: odd}}
	obs.Category = nil
	obs.Subject = nil
	enc := MapEncounter("p2", careplan.Contact{ID: "c1", By: odd, Minutes: 45, On: careplan.NewDate(2026, 5, 6)})
	enc.Meta = &Meta{}
	enc.Subject.Identifier = &Identifier{System: odd}
	cc := &CodeableConcept{Text: odd}
	others := []directEncoder{
		&ConditionResource{Base: base("Condition", odd, odd), Code: *cc, Subject: named(odd), RecordedDate: odd},
		&ConditionResource{Category: []CodeableConcept{}},
		&GoalResource{Base: base("Goal", "g", ""), Extension: []Extension{{URL: "u", ValueInteger: intp(7)}}, LifecycleStatus: odd,
			AchievementStatus: cc, Category: []CodeableConcept{*cc}, Description: *cc, Subject: ref("Patient", odd),
			StatusDate: "2026-01-01", StatusReason: odd},
		&GoalResource{},
		&ConsentResource{Base: base("Consent", "c", odd), Status: odd, Category: []CodeableConcept{}, Patient: named(odd),
			DateTime: odd, Provision: &Provision{Type: odd, Period: &Period{Start: odd},
				Actor: []ConsentActor{{Role: *cc, Reference: Reference{Display: odd}}}}},
		&ConsentResource{Provision: &Provision{}},
		&CareTeamResource{Base: base("CareTeam", "t", ""), Status: odd, Name: odd, Subject: named(odd),
			Participant: []Participant{{Role: []CodeableConcept{*cc}, Member: named(odd), OnBehalfOf: named(odd)}, {}}},
		&CareTeamResource{},
	}
	for _, r := range others {
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.appendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("%T:\ndirect %s\njson   %s", r, got, want)
		}
	}
	for _, v := range []float64{0, -0.5, 55.2, 1e21, 1e20, 1e-6, 1e-7, 123456789.125, -2.5e-9, math.MaxFloat64} {
		obs.ValueQuantity = &Quantity{Value: v, Unit: odd}
		for _, r := range []directEncoder{obs, enc} {
			want, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.appendJSON(nil); !bytes.Equal(got, want) {
				t.Errorf("value %g:\ndirect %s\njson   %s", v, got, want)
			}
		}
	}
}

// TestEveryFieldIsDirectlyEncoded fills every field of every resource type that has a direct
// encoder, nested values and lists too, so a field added to a resource and not to its encoder
// fails here rather than going missing from exports.
func TestEveryFieldIsDirectlyEncoded(t *testing.T) {
	for _, r := range []directEncoder{&PatientResource{}, &ConditionResource{}, &CareTeamResource{}, &GoalResource{},
		&ObservationResource{}, &CarePlanResource{}, &ConsentResource{}, &EncounterResource{}} {
		fillAll(reflect.ValueOf(r).Elem(), 0)
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.appendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("%T:\ndirect %s\njson   %s", r, got, want)
		}
	}
}

// fillAll gives every field of v a value that is not empty: strings that need escaping,
// numbers, true, and lists of two.
func fillAll(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("<x%d> & \"y\"", depth))
	case reflect.Int:
		v.SetInt(int64(depth + 3))
	case reflect.Float64:
		v.SetFloat(float64(depth) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		if depth < 4 {
			v.Set(reflect.New(v.Type().Elem()))
			fillAll(v.Elem(), depth+1)
		}
	case reflect.Slice:
		if depth < 4 {
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
			for i := range 2 {
				fillAll(v.Index(i), depth+1)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillAll(v.Field(i), depth+1)
		}
	}
}

// FuzzAppendStringIsEncodingJSON holds the string escaping to encoding/json's for any text a
// key worker might type (names, notes), valid UTF-8 or not.
func FuzzAppendStringIsEncodingJSON(f *testing.F) {
	for _, s := range []string{"", "plain", "<&>", "\u2028", "\xff", "a\x00b", "é\"\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: direct %s, json %s", s, got, want)
		}
	})
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, i int) []byte {
	return b[max(0, i-80):min(len(b), i+80)]
}
