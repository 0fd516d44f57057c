package recordjson

import (
	"strings"
	"testing"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// newContact and the rest make the zero value a case decodes into.
func newContact() any    { return new(careplan.Contact) }
func newPatient() any    { return new(careplan.Patient) }
func newPlan() any       { return new(careplan.Plan) }
func newAssessment() any { return new(pam.Assessment) }
func newOutcome() any    { return new(outcomes.Record) }

// contactWith is a contact body with one member changed or added (member "" adds nothing).
func contactWith(member string) string {
	base := `{"id":"c1","patientId":"p1","kind":"phone","on":"2026-03-01","by":"Ann","minutes":20`
	if member == "" {
		return base + `}`
	}
	return base + `,` + member + `}`
}

// edgeCase is a hand-made body and whether the fast path should take it. Whenever it does,
// sameAsJSON also requires encoding/json's exact value.
type edgeCase struct {
	name  string
	fresh func() any
	body  string
	fast  bool
}

func TestEdgeCasesGiveEncodingJSONsValueOrFallBack(t *testing.T) {
	for _, c := range edgeCases() {
		t.Run(c.name, func(t *testing.T) {
			if got := sameAsJSON(t, c.fresh, []byte(c.body)); got != c.fast {
				t.Errorf("fast path took it: %t, want %t (%s)", got, c.fast, c.body)
			}
		})
	}
}

func edgeCases() []edgeCase {
	var cases []edgeCase
	cases = append(cases, stringCases()...)
	cases = append(cases, numberCases()...)
	cases = append(cases, shapeCases()...)
	return cases
}

func stringCases() []edgeCase {
	note := func(name, s string, fast bool) edgeCase {
		return edgeCase{name, newContact, contactWith(`"note":"` + s + `"`), fast}
	}
	return []edgeCase{
		note("plain", "rang back", true),
		note("short escapes", `a\"b\\c\/d\b\f\n\r\te`, true),
		note("html escapes as Marshal writes them", `\u003cb\u003e \u0026 \u2028`, true),
		note("upper-case hex", `\u00E9\u00e9`, true),
		note("NUL escaped", `\u0000`, true),
		note("UTF-8 as it is", "Siân Ní Bhriain, Zoë, 日本", true),
		note("a literal U+FFFD", "\uFFFD", true),
		note("four-byte UTF-8", "😀", true),
		note("surrogate pair", `\ud83d\ude00`, true),
		note("lone high surrogate", `\ud83d`, false),
		note("lone low surrogate", `\ude00x`, false),
		note("high then not low", `\ud83d\u0041`, false),
		note("invalid UTF-8", "a\xffb", false),
		note("truncated UTF-8", "a\xe6\x97", false),
		note("encoded surrogate", "\xed\xa0\x80", false),
		note("raw control byte", "a\tb", false),
		note("bad escape", `\x41`, false),
		note("short hex", `\u12`, false),
		{"unterminated", newContact, `{"id":"c1","note":"abc`, false},
		{"escape in a key", newContact, `{"\u0069d":"c1"}`, false},
	}
}

func numberCases() []edgeCase {
	minutes := func(name, n string, fast bool) edgeCase {
		return edgeCase{name, newContact, `{"id":"c1","minutes":` + n + `,"note":"n"}`, fast}
	}
	score := func(name, n string, fast bool) edgeCase {
		return edgeCase{name, newAssessment, `{"id":"a","score":` + n + `,"level":2}`, fast}
	}
	return []edgeCase{
		{"minutes given twice", newContact, contactWith(`"minutes":30`), false},
		minutes("zero", "0", true),
		minutes("negative", "-15", true),
		minutes("negative zero", "-0", true),
		minutes("largest 18 digits", "999999999999999999", true),
		minutes("19 digits", "1000000000000000000", false),
		minutes("beyond int64", "99999999999999999999", false),
		minutes("fraction", "20.0", false),
		minutes("exponent", "2e1", false),
		minutes("leading zero", "020", false),
		minutes("plus sign", "+20", false),
		minutes("bare minus", "-", false),
		minutes("string", `"20"`, false),
		minutes("null", "null", false),
		score("named int", "57", true),
		{"pointer score", newPlan, `{"goals":[{"id":"g","importance":7,"confidence":-1}]}`, true},
		{"null pointer score", newPlan, `{"goals":[{"id":"g","importance":null}]}`, true},
		{"bool", newPatient, `{"needs":{"largePrint":true}}`, true},
		{"bool false", newPatient, `{"needs":{"largePrint":false}}`, true},
		{"bool as number", newPatient, `{"needs":{"largePrint":1}}`, false},
	}
}

func shapeCases() []edgeCase {
	return []edgeCase{
		{"whole contact", newContact, contactWith(""), true},
		{"empty object", newContact, `{}`, true},
		{"members in another order", newContact, `{"minutes":5,"id":"c"}`, true},
		{"unknown field", newContact, contactWith(`"mood":"fine"`), false},
		{"field of another case", newContact, `{"ID":"c1"}`, false},
		{"unexported Go name", newContact, `{"t":"x"}`, false},
		{"duplicate key", newContact, `{"id":"a","id":"b"}`, false},
		{"space after colon", newContact, `{"id": "c1"}`, false},
		{"leading space", newContact, ` {"id":"c1"}`, false},
		{"trailing newline", newContact, contactWith("") + "\n", false},
		{"trailing garbage", newContact, contactWith("") + "x", false},
		{"two values", newContact, `{}{}`, false},
		{"empty body", newContact, ``, false},
		{"null body", newContact, `null`, false},
		{"array body", newContact, `[]`, false},
		{"trailing comma", newContact, `{"id":"c1",}`, false},
		{"empty conditions", newPatient, `{"conditions":[]}`, true},
		{"null conditions", newPatient, `{"conditions":null}`, true},
		{"absent conditions", newPatient, `{"id":"p"}`, true},
		{"conditions", newPatient, `{"conditions":["a","b","c"]}`, true},
		{"trailing comma in array", newPatient, `{"conditions":["a",]}`, false},
		{"null in a string array", newPatient, `{"conditions":[null]}`, false},
		{"null struct", newPatient, `{"contact":null}`, false},
		{"null string", newContact, `{"note":null}`, false},
		{"nested objects", newPlan, `{"contingency":{"green":{"whatIDo":"rest"},"red":{"whoToCall":"999"}}}`, true},
		{"empty goals", newPlan, `{"goals":[]}`, true},
		{"goal with empty actions", newPlan, `{"goals":[{"id":"g","actions":[]}]}`, true},
		{"agreement", newPlan, `{"agreement":{"by":"Ann","on":"2026-03-01","at":"2026-03-01T10:00:00Z","pamLevel":3}}`, true},
		{"agreement at with offset", newPlan, `{"agreement":{"at":"2026-03-01T10:00:00.123+01:00"}}`, true},
		{"agreement at not RFC 3339", newPlan, `{"agreement":{"at":"1 March 2026"}}`, false},
		{"agreement at null", newPlan, `{"agreement":{"at":null}}`, false},
		{"null agreement", newPlan, `{"agreement":null}`, true},
		{"outcome measures", newOutcome, `{"frailty":{"score":4},"wellbeing":{"happy":7},"inError":{"reason":"wrong person","by":"Bo","at":"2026-01-02T03:04:05Z"}}`, true},
		{"deep nesting", newPlan, strings.Repeat(`{"goals":[`, 50), false},
	}
}

func TestDatesGiveUnmarshalTextsValueOrFallBack(t *testing.T) {
	for _, c := range []struct {
		date string
		fast bool
	}{
		{"2026-03-01", true}, {"", true}, {"2024-02-29", true}, {"2000-02-29", true},
		{"0000-01-01", true}, {"0001-01-01", true}, {"9999-12-31", true},
		{"2023-02-29", false}, {"1900-02-29", false}, {"2026-04-31", false}, {"2026-13-01", false},
		{"2026-00-10", false}, {"2026-01-00", false}, {"2026-1-01", false}, {"26-01-01", false},
		{"01/03/2026", false}, {"2026-03-01T00:00:00Z", false}, {"2026-03-0a", false},
		{`\u0032026-03-01`, false}, {" 2026-03-01", false},
	} {
		body := `{"takenOn":"` + c.date + `"}`
		if got := sameAsJSON(t, newAssessment, []byte(body)); got != c.fast {
			t.Errorf("%s: fast path took it: %t, want %t", body, got, c.fast)
		}
	}
	if sameAsJSON(t, newAssessment, []byte(`{"takenOn":null}`)) {
		t.Error("a null date went through the fast path")
	}
}

// A value that is not a zero value is left to encoding/json, which merges into it.
func TestNonZeroTargetsAndOtherTypesFallBack(t *testing.T) {
	p := careplan.Plan{Goals: []careplan.Goal{{ID: "old"}}}
	if Decode([]byte(`{"goals":[{"inMyWords":"walk"}]}`), &p) {
		t.Error("decoded into a plan that already had goals")
	}
	if len(p.Goals) != 1 || p.Goals[0].ID != "old" {
		t.Errorf("a refused decode changed the target: %#v", p.Goals)
	}
	var n int
	if Decode([]byte(`1`), &n) {
		t.Error("decoded into a type that is not a kind's body")
	}
	var c careplan.Contact
	if Decode([]byte(`{}`), c) {
		t.Error("decoded into a value that is not a pointer")
	}
	if Decode([]byte(`{}`), (*careplan.Contact)(nil)) {
		t.Error("decoded into a nil pointer")
	}
}

// Store's readers unseal bodies into a buffer they reuse (store/bulk.go's opener), so a
// decoded value must keep nothing of the body's bytes.
func TestDecodedValuesKeepNoneOfTheBody(t *testing.T) {
	body := []byte(`{"id":"c1","patientId":"p1","kind":"phone","on":"2026-03-01","by":"Ann","minutes":20,"note":"Zoë rang"}`)
	var c careplan.Contact
	if !Decode(body, &c) {
		t.Fatal("refused")
	}
	for i := range body {
		body[i] = 'x'
	}
	if c.ID != "c1" || c.Kind != careplan.ContactPhone || c.Note != "Zoë rang" {
		t.Errorf("overwriting the body changed the contact to %#v", c)
	}
}
