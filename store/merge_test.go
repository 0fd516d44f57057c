package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// copyOf is a record copy for merge tests: a body, and the vector and stamps of its edits.
func copyOf(body string, meta syncMeta) envelope {
	return envelope{kind: KindPlan, id: uuid.MustParse("7d0a7c1e-0b8e-4c55-9d0f-2f3c4b5a6978"), body: []byte(body), meta: meta}
}

func TestMergeCopiesFieldByField(t *testing.T) {
	hubA, hubB := uuid.MustParse("00000000-0000-4000-8000-00000000000a"), uuid.MustParse("00000000-0000-4000-8000-00000000000b")
	created := newSyncMeta(hubA, 10)
	base := `{"aboutMe":"x","goals":[1],"reviewDate":"2026-09-01"}`
	// A edits goals at 20; B edits the review date at 21, neither having seen the other.
	ours := copyOf(`{"aboutMe":"x","goals":[1,2],"reviewDate":"2026-09-01"}`, created.edited(hubA, 20, changedFields([]byte(base), []byte(`{"aboutMe":"x","goals":[1,2],"reviewDate":"2026-09-01"}`), false, false)))
	theirs := copyOf(`{"aboutMe":"x","goals":[1],"reviewDate":"2026-10-01"}`, created.edited(hubB, 21, []string{"reviewDate"}))
	m := mergeCopies(KindPlan, ours, theirs)
	body, _ := m.body()
	if string(body) != `{"aboutMe":"x","goals":[1,2],"reviewDate":"2026-10-01"}` || len(m.clashes) != 0 {
		t.Errorf("different fields: %s, clashes %v", body, m.clashes)
	}
	if !m.meta.covers(ours.meta) || !m.meta.covers(theirs.meta) {
		t.Errorf("merged vector %v does not include both copies", m.meta.vv)
	}
	// Merging the other way round gives the same record.
	m2 := mergeCopies(KindPlan, theirs, ours)
	body2, _ := m2.body()
	if string(body2) != string(body) {
		t.Errorf("merge depends on direction: %s vs %s", body, body2)
	}

	// Both change the goals differently: a clash; the later edit's value is kept for now.
	theirs = copyOf(`{"aboutMe":"x","goals":[3],"reviewDate":"2026-09-01"}`, created.edited(hubB, 21, []string{"goals"}))
	m = mergeCopies(KindPlan, ours, theirs)
	if strings.Join(m.clashes, ",") != "goals" || string(m.fields["goals"]) != "[3]" {
		t.Errorf("same field: clashes %v, goals %s", m.clashes, m.fields["goals"])
	}
	// A PAM assessment never conflicts.
	ours.kind, theirs.kind = KindAssessment, KindAssessment
	if m := mergeCopies(KindAssessment, ours, theirs); len(m.clashes) != 0 {
		t.Errorf("an append-only record clashed: %v", m.clashes)
	}
	// An agreed version is kept whole; the draft's differing edits are the clash.
	agreed := copyOf(`{"aboutMe":"x","goals":[1],"reviewDate":"2026-09-01","state":"agreed"}`, created.edited(hubB, 21, []string{"state"}))
	agreed.final = true
	ours.kind = KindPlan
	m = mergeCopies(KindPlan, ours, agreed)
	if !m.final || string(m.fields["goals"]) != "[1]" || strings.Join(m.clashes, ",") != "goals" {
		t.Errorf("agreed vs draft: final %v goals %s clashes %v", m.final, m.fields["goals"], m.clashes)
	}
}

func TestSyncMetaRoundTrip(t *testing.T) {
	a, b := uuid.New(), uuid.New()
	m := newSyncMeta(a, 5).edited(b, 9, []string{"goals", "reviewDate"}).edited(a, 12, []string{"goals"})
	enc := appendSyncMeta(nil, m)
	got, rest, err := readSyncMeta(append(enc, 'x'))
	if err != nil || string(rest) != "x" {
		t.Fatalf("readSyncMeta: %v, rest %q", err, rest)
	}
	want, _ := json.Marshal(struct{ V, S any }{fmtVV(m), fmtStamps(m)})
	have, _ := json.Marshal(struct{ V, S any }{fmtVV(got), fmtStamps(got)})
	if string(want) != string(have) {
		t.Errorf("round trip: %s, want %s", have, want)
	}
	if s, _ := got.stampOf("goals"); s.origin != a || s.version != 12 {
		t.Errorf("goals stamp %+v", s)
	}
}

func fmtVV(m syncMeta) []string {
	var out []string
	for _, e := range m.vv {
		out = append(out, fmt.Sprintf("%s:%d", e.origin, e.version))
	}
	return out
}

func fmtStamps(m syncMeta) []string {
	var out []string
	for _, s := range m.stamps {
		out = append(out, fmt.Sprintf("%s@%s:%d", s.field, s.origin, s.version))
	}
	return out
}

func FuzzReadItem(f *testing.F) {
	e := envelope{kind: KindPlan, id: uuid.New(), version: 7, origin: uuid.New(), user: "Sam", body: []byte(`{"a":1}`)}
	e.meta = newSyncMeta(e.origin, 7).edited(e.origin, 7, []string{"a"})
	f.Add(recordItem(e))
	f.Add([]byte{itemCheckIn, '{', '}'})
	f.Add([]byte{itemConflict, '{', '}'})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = readRecordItem(b)
		_, _ = readCheckInItem(b)
		_, _ = readConflictItem(b)
	})
}

// splitObject must agree with encoding/json on every body it accepts.
func FuzzSplitObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, `{"a":"x,}","b":[1,{"c":"]"}],"d":null}`, `{"a":"q\"}"}`, `{"a":{}}`, `[1]`, `{"a" :1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, ok := splitObject(b)
		if !ok {
			return
		}
		var slow map[string]json.RawMessage
		if err := json.Unmarshal(b, &slow); err != nil {
			return // splitObject does not validate values: bodyFields only sees stored JSON
		}
		if len(fast) != len(slow) {
			t.Fatalf("%s: %d fields, encoding/json %d", b, len(fast), len(slow))
		}
		for k, v := range slow {
			if string(fast[k]) != string(v) {
				t.Fatalf("%s: field %q = %s, encoding/json %s", b, k, fast[k], v)
			}
		}
	})
}

func TestConsentAddedOnTwoLaptopsKeepsBothAndTheWithdrawalCounts(t *testing.T) {
	a, b := uuid.MustParse("00000000-0000-4000-8000-00000000000a"), uuid.MustParse("00000000-0000-4000-8000-00000000000b")
	created := newSyncMeta(a, 10)
	given := `{"scope":"join","decision":"given","on":"2026-01-10","recordedBy":"Sam"}`
	withdrawn := `{"scope":"share with carers","decision":"withdrawn","on":"2026-03-03","recordedBy":"Jo"}`
	carers := `{"scope":"share with carers","decision":"given","on":"2026-03-03","recordedBy":"Al"}`
	ours := envelope{kind: KindPatient, body: []byte(`{"consent":[` + given + `,` + withdrawn + `]}`), meta: created.edited(a, 20, []string{"consent"})}
	theirs := envelope{kind: KindPatient, body: []byte(`{"consent":[` + given + `,` + carers + `]}`), meta: created.edited(b, 21, []string{"consent"})}
	for _, m := range []merged{mergeCopies(KindPatient, ours, theirs), mergeCopies(KindPatient, theirs, ours)} {
		want := `[` + given + `,` + carers + `,` + withdrawn + `]`
		if string(m.fields["consent"]) != want || len(m.clashes) != 0 {
			t.Errorf("consent after merging:\n%s\nwant\n%s (clashes %v)", m.fields["consent"], want, m.clashes)
		}
	}
}
