package store

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/careplan/myplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// updateGolden rewrites testdata/golden from the current code. Use it only for a change of
// format made on purpose, and say in the commit what older stores and peers do with it.
var updateGolden = flag.Bool("update-golden", false, "rewrite the golden record formats in testdata/golden")

// The golden tests pin the bytes carehub stores and sends: a renamed json tag, a reordered or
// new field in careplan, pam or outcomes changes a golden file, so it cannot change the file
// format or what peers receive without someone choosing to.

// The samples' ids, devices and times.
const (
	goldenPatientID = "2f1d4c7a-6b0e-4e8a-9c3d-5a7b1e2f3c4d"
	goldenRecordID  = "8e4b2a1c-3d5f-4a6b-8c7d-9e0f1a2b3c4d"
	goldenDevice1   = "11111111-2222-4333-8444-555555555555"
	goldenDevice2   = "66666666-7777-4888-9999-aaaaaaaaaaaa"
)

func goldenOrigin() uuid.UUID  { return uuid.MustParse(goldenDevice1) }
func goldenOther() uuid.UUID   { return uuid.MustParse(goldenDevice2) }
func goldenDay() careplan.Date { return careplan.NewDate(2026, time.March, 3) }
func goldenTime() time.Time    { return time.Date(2026, 3, 3, 10, 30, 15, 123456789, time.UTC) }

// goldenRecord is one record kind's sample: every field filled, so a field added to the domain
// type without being added here fails TestGoldenSamplesFillEveryField.
type goldenRecord struct {
	name  string // the golden files' base name
	kind  Kind
	value any // a pointer to the domain value
}

func goldenRecords() []goldenRecord {
	return []goldenRecord{
		{"patient", KindPatient, goldenPatient()},
		{"plan", KindPlan, goldenPlan()},
		{"pam-assessment", KindAssessment, &pam.Assessment{
			ID: goldenRecordID, PatientID: goldenPatientID, Score: 552, Level: pam.Level3, Instrument: pam.CarerPAM,
			TakenOn: goldenDay(), RecordedBy: "Sam Green", Source: "paper form", CarerName: "Ann Jones",
			InError: &pam.EnteredInError{Reason: "wrong person", By: "Alex Hill", At: goldenTime()},
		}},
		{"staff", KindStaff, &careplan.StaffMember{
			ID: goldenRecordID, Name: "Sam Green", Role: careplan.RoleKeyWorker,
			Specialisms: []careplan.Specialism{careplan.SpecFalls}, Phone: "01823 000000", Active: true,
		}},
		{"outcome", KindOutcome, &outcomes.Record{
			ID: goldenRecordID, PatientID: goldenPatientID, Measure: outcomes.MeasureLoneliness, TakenOn: goldenDay(),
			RecordedBy: "Sam Green", Frailty: &outcomes.Frailty{Score: 5},
			Loneliness: &outcomes.Loneliness{LackCompanionship: 2, LeftOut: 1, Isolated: 3, HowOften: outcomes.Occasionally},
			Wellbeing:  &outcomes.Wellbeing{LifeSatisfaction: 6, Worthwhile: 7, Happy: 5, Anxious: 3},
			InError:    &outcomes.EnteredInError{Reason: "typed twice", By: "Alex Hill", At: goldenTime()},
		}},
		{"contact", KindContact, &careplan.Contact{
			ID: goldenRecordID, PatientID: goldenPatientID, Kind: careplan.ContactHomeVisit, On: goldenDay(),
			By: "Sam Green", Minutes: 45, Note: "Talked about the garden.",
		}},
		{"plan-template", KindTemplate, &careplan.Template{
			ID: goldenRecordID, Name: "Falls", Description: "After a fall at home", BuiltIn: true,
			Goals: []careplan.TemplateGoal{{Domain: careplan.DomainMovement, Suggestion: "Walk to the shop",
				Actions: []careplan.TemplateAction{{What: "Physio referral", Owner: careplan.OwnerKeyWorker, WithinDays: 14}}}},
		}},
		{"community-service", KindService, &careplan.Service{
			ID: goldenRecordID, Name: "Men's Shed", Offers: "Woodwork and company", Area: "Taunton",
			Contact: "01823 111111", Withdrawn: true,
		}},
	}
}

func goldenPatient() *careplan.Patient {
	return &careplan.Patient{
		ID: goldenPatientID, NHSNumber: "9434765919", GivenName: "Siân", FamilyName: "O'Brien", PreferredName: "Sî",
		DateOfBirth: careplan.NewDate(1948, time.June, 14),
		Contact:     careplan.ContactDetails{Address: "12 Station Road, Taunton", Postcode: "TA1 1AA", Phone: "01823 222222", Mobile: "07700 900111", Email: "sian@example.org"},
		Practice:    careplan.Practice{Name: "Taunton Vale Surgery", ODSCode: "L85001"},
		Needs:       careplan.CommunicationNeeds{LargePrint: true, Interpreter: "Welsh", Other: "hard of hearing"},
		Carers:      []careplan.Carer{{Name: "Ann Jones", Relationship: "daughter", Phone: "07700 900000"}},
		Conditions:  []string{"44054006", "13645005", "84114007"},
		Nomination: careplan.Nomination{On: goldenDay(), Practice: careplan.Practice{Name: "Taunton Vale Surgery", ODSCode: "L85001"},
			Clinician: "Dr Ahmed", Reason: "frequent admissions",
			Judgement: &careplan.ClinicalJudgement{Reason: "lives alone", By: "Dr Ahmed"}},
		Consent: []careplan.ConsentRecord{{Scope: careplan.ConsentToShareProfessionals, Decision: careplan.ConsentGiven,
			On: goldenDay(), How: "written", RecordedBy: "Sam Green",
			Parties: []careplan.SharedWith{{Name: "Dr Ahmed", Role: "GP", Organisation: "Taunton Vale Surgery"}}}},
		Status: careplan.StatusDied,
		History: []careplan.StatusChange{{From: careplan.StatusActive, To: careplan.StatusDied, On: goldenDay(), By: "Alex Hill",
			Reason: "notified by the practice", DiedOn: goldenDay().AddDays(-2)}},
		Team: careplan.CareTeam{KeyWorkerID: "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d", KeyWorker: "Sam Green",
			CoordinatorID: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Coordinator: "Alex Hill"},
	}
}

func goldenPlan() *careplan.Plan {
	return &careplan.Plan{
		ID: goldenRecordID, PatientID: goldenPatientID, Version: 2, State: careplan.PlanAgreed,
		AboutMe: "I live with my dog.", WhatMatters: "Staying at home.", Strengths: "Determined",
		Goals: []careplan.Goal{{ID: "g1", Domain: careplan.DomainMovement, InMyWords: "Walk to the shop again",
			Importance: careplan.Score(8), Confidence: careplan.Score(5),
			Actions: []careplan.Action{{ID: "a1", What: "Physio referral",
				Owner: careplan.ActionOwner{Kind: careplan.OwnerService, Name: "Physio"}, Due: goldenDay(),
				Status: careplan.ActionDone, DoneOn: goldenDay()}},
			Outcome: &careplan.GoalOutcome{Decision: careplan.GoalAchieved, Note: "walked there in May", On: goldenDay()}}},
		Support: []careplan.Signpost{{Name: "Men's Shed", Offers: "Woodwork", Area: "Taunton", Contact: "01823 111111", GoalIDs: []string{"g1"}}},
		Contingency: careplan.Contingency{
			Green: careplan.Green{WhatIDo: "Walk daily"},
			Amber: careplan.Amber{WarningSigns: "Dizzy", WhatIDo: "Sit down", WhoICall: "Sam"},
			Red:   careplan.Red{WhoToCall: "999", WhatTheyNeedToKnow: "Takes warfarin"},
		},
		People: []careplan.Person{{Name: "Dr Ahmed", Role: "GP", Organisation: "Taunton Vale Surgery", Phone: "01823 333333", Email: "gp@example.org"}},
		Ahead: careplan.PlanningAhead{
			Respect:      careplan.AheadItem{Answer: "In place: by the phone", On: careplan.NewDate(2026, time.March, 1), ToldBy: "Siân Jones"},
			LPA:          careplan.AheadItem{Answer: "Ann Jones (daughter)", On: careplan.NewDate(2026, time.March, 1), ToldBy: "Ann Jones"},
			ADRT:         careplan.AheadItem{Answer: "Not in place", On: careplan.NewDate(2026, time.March, 1), ToldBy: "Siân Jones"},
			PlaceOfCare:  careplan.AheadItem{Answer: "At home", On: careplan.NewDate(2026, time.March, 1), ToldBy: "Siân Jones"},
			PlaceOfDeath: careplan.AheadItem{Answer: "At home", On: careplan.NewDate(2026, time.March, 1), ToldBy: "Siân Jones"},
		},
		ReviewDate: careplan.NewDate(2026, time.September, 1),
		Agreement:  &careplan.Agreement{By: "Sam Green", On: goldenDay(), At: goldenTime(), PAMLevel: 3},
	}
}

// goldenEnvelope is a record as stored and sent, with every header and payload field set.
func goldenEnvelope(t *testing.T, g goldenRecord) envelope {
	t.Helper()
	body, err := encodeBody(g.value)
	if err != nil {
		t.Fatal(err)
	}
	fields := make([]string, 0)
	for f := range bodyFields(body) {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	meta := newSyncMeta(goldenOrigin(), 1<<40).edited(goldenOther(), 1<<41, fields[:1])
	return envelope{
		kind: g.kind, id: uuid.MustParse(goldenRecordID), version: 1 << 41, base: 1 << 40, origin: goldenOther(),
		final: g.kind == KindPlan, user: "Sam Green", time: goldenTime(), meta: meta, body: body,
	}
}

// TestGoldenSamplesFillEveryField keeps the samples complete: a field left at its zero value
// would be missing from the golden bytes (omitempty) and so not pinned.
func TestGoldenSamplesFillEveryField(t *testing.T) {
	for _, g := range goldenRecords() {
		for _, path := range zeroFields(reflect.ValueOf(g.value).Elem(), g.name) {
			t.Errorf("%s is not filled in: add it to the golden sample and write the golden files again", path)
		}
	}
	for name, v := range map[string]any{"check-in": goldenCheckIn(), "conflict": goldenConflict(), "account": goldenAccount()} {
		for _, path := range zeroFields(reflect.ValueOf(v), name) {
			t.Errorf("%s is not filled in", path)
		}
	}
}

// zeroFields lists the exported fields under v (through structs, pointers and the first element
// of slices and maps) that hold their zero value.
func zeroFields(v reflect.Value, path string) []string {
	if v.IsZero() {
		return []string{path}
	}
	switch v.Kind() {
	case reflect.Pointer:
		return zeroFields(v.Elem(), path)
	case reflect.Slice:
		return zeroFields(v.Index(0), path+"[0]")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		return zeroFields(v.MapIndex(keys[0]), path+"["+keys[0].String()+"]")
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && v.Type() != reflect.TypeFor[time.Time]() {
				out = append(out, zeroFields(v.Field(i), path+"."+f.Name)...)
			}
		}
		return out
	}
	return nil
}

// TestGoldenRecordBodies saves each kind's sample through the store and compares the body it
// stored with the golden file; the golden file also decodes back to the sample, so a field an
// older store wrote is still read.
func TestGoldenRecordBodies(t *testing.T) {
	s, _ := newTestStore(t)
	for _, g := range goldenRecords() {
		id := uuid.MustParse(goldenRecordID)
		err := s.update(func(w *writer) error {
			_, err := w.putRecord(record{kind: g.kind, id: id, body: g.value})
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", g.name, err)
		}
		var stored envelope
		err = s.db.View(func(tx *bolt.Tx) error {
			stored, err = openEnvelope(s.keys, tx.Bucket([]byte(bucketOfKind(g.kind))).Get(id[:]))
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", g.name, err)
		}
		want := golden(t, g.name+".json", stored.body, nil)
		if !bytes.Equal(stored.body, want) {
			t.Errorf("%s: the stored body changed:\n got %s\nwant %s", g.name, stored.body, want)
		}
		decoded := newBody(g.kind)
		if err := decodeBody(want, decoded); err != nil {
			t.Fatalf("%s: the golden body no longer decodes: %v", g.name, err)
		}
		if !reflect.DeepEqual(decoded, g.value) {
			t.Errorf("%s: the golden body decodes to\n%+v\nwant\n%+v", g.name, decoded, g.value)
		}
	}
}

// TestGoldenRecordItems pins a record as a bundle carries it to a peer: the clear header, the
// payload (time, user, version vector and field stamps) and the body.
func TestGoldenRecordItems(t *testing.T) {
	for _, g := range goldenRecords() {
		e := goldenEnvelope(t, g)
		item := recordItem(e)
		want := golden(t, g.name+".item.hex", item, hexLines)
		if !bytes.Equal(item, want) {
			t.Errorf("%s: the bundle item changed:\n got %x\nwant %x", g.name, item, want)
		}
		back, err := readRecordItem(want)
		if err != nil {
			t.Fatalf("%s: the golden item no longer reads: %v", g.name, err)
		}
		back.time = back.time.UTC()
		if !reflect.DeepEqual(back, e) {
			t.Errorf("%s: the golden item reads as\n%+v\nwant\n%+v", g.name, back, e)
		}
	}
}

func goldenCheckIn() myplan.CheckIn {
	return myplan.CheckIn{ID: goldenRecordID, PatientID: goldenPatientID, GoalID: "g1", Scale: myplan.ScaleHigh,
		Note: "Walked to the shop", At: goldenTime()}
}

func goldenConflict() Conflict {
	side := func(device uuid.UUID, name, value string) ConflictSide {
		return ConflictSide{Device: device, DeviceName: name, User: "Sam Green", Time: goldenTime(),
			Values: map[string]json.RawMessage{"strengths": json.RawMessage(`"` + value + `"`)},
			Stamps: map[string]stampJSON{"strengths": {Device: device, Version: 1 << 41}}}
	}
	return Conflict{RecordID: goldenRecordID, Kind: KindPlan, PatientID: goldenPatientID, Fields: []string{"strengths"},
		Final: true, Found: goldenTime(), Ours: side(goldenOrigin(), "Hub laptop", "Determined"),
		Theirs: side(goldenOther(), "Hub laptop 2", "Stubborn")}
}

func goldenAccount() access.User {
	return access.User{ID: goldenRecordID, Name: "Sam Green", Role: access.KeyWorker, Also: access.Administrator, StaffID: goldenOther().String(),
		PatientID: goldenPatientID, Active: true, Prefs: access.Preferences{TextSize: access.TextLarge, Theme: access.ThemeDark}}
}

// TestGoldenOtherItems pins the other things a bundle carries (a goal check-in, an open
// conflict) and the sealed account record, which are JSON of their Go types too.
func TestGoldenOtherItems(t *testing.T) {
	checkIn, err := checkInItem(goldenCheckIn())
	if err != nil {
		t.Fatal(err)
	}
	conflict, err := conflictItem(goldenConflict())
	if err != nil {
		t.Fatal(err)
	}
	account, err := json.Marshal(goldenAccount())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		tag  []byte // what goes before the JSON: a bundle item's kind, never renumbered
		got  []byte
		read func([]byte) (any, error)
		want any
	}{
		{"checkin.item", []byte{2}, checkIn, func(b []byte) (any, error) { return readCheckInItem(b) }, goldenCheckIn()},
		{"conflict.item", []byte{3}, conflict, func(b []byte) (any, error) { return readConflictItem(b) }, goldenConflict()},
		{"account", nil, account, func(b []byte) (any, error) {
			var u access.User
			return u, json.Unmarshal(b, &u)
		}, goldenAccount()},
	} {
		if !bytes.HasPrefix(c.got, c.tag) {
			t.Fatalf("%s starts %x, want %x", c.name, c.got[:1], c.tag)
		}
		want := append(c.tag, golden(t, c.name+".json", c.got[len(c.tag):], nil)...)
		if !bytes.Equal(c.got, want) {
			t.Errorf("%s changed:\n got %s\nwant %s", c.name, c.got, want)
		}
		back, err := c.read(want)
		if err != nil {
			t.Fatalf("%s: the golden bytes no longer read: %v", c.name, err)
		}
		if !reflect.DeepEqual(back, c.want) {
			t.Errorf("%s: the golden bytes read as\n%+v\nwant\n%+v", c.name, back, c.want)
		}
	}
}

// TestGoldenCaseloadEntry pins the compact caseload entry unlocking decodes.
func TestGoldenCaseloadEntry(t *testing.T) {
	e := careplan.CaseloadEntryFor(*goldenPatient(), goldenPlan())
	e.LastContact, e.LastPAM = goldenDay(), goldenDay()
	got := encodeCaseload(e)
	want := golden(t, "caseload-entry.hex", got, hexLines)
	if !bytes.Equal(got, want) {
		t.Errorf("the caseload entry changed:\n got %x\nwant %x", got, want)
	}
	back, err := decodeCaseload(goldenPatientID + string(want))
	if err != nil || !reflect.DeepEqual(back, e) {
		t.Errorf("the golden caseload entry reads as %+v, %v; want %+v", back, err, e)
	}
}

// TestGoldenCaseloadEntryFormat2 keeps an entry as format 2 wrote it (before the first active
// day): it must still read, field for field, with no first active day, until unlock rewrites it.
func TestGoldenCaseloadEntryFormat2(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "golden", "caseload-entry-format2.hex"))
	if err != nil {
		t.Fatal(err)
	}
	old, err := hexLines.read(text)
	if err != nil {
		t.Fatal(err)
	}
	want := careplan.CaseloadEntryFor(*goldenPatient(), goldenPlan())
	want.LastContact, want.LastPAM, want.FirstActive = goldenDay(), goldenDay(), careplan.Date{}
	back, err := decodeCaseload(goldenPatientID + string(old))
	if err != nil || !reflect.DeepEqual(back, want) {
		t.Errorf("a format 2 entry reads as %+v, %v; want %+v", back, err, want)
	}
}

// golden returns the golden file's bytes, or with -update-golden writes got there first.
// format, when not nil, turns bytes into the file's text and back.
func golden(t *testing.T, name string, got []byte, format *goldenFormat) []byte {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updateGolden {
		text := got
		if format != nil {
			text = format.write(got)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with go test ./store -run Golden -update-golden)", err)
	}
	if format == nil {
		return text
	}
	b, err := format.read(text)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// goldenFormat is how binary golden bytes are kept as text a reviewer can diff.
type goldenFormat struct {
	write func([]byte) []byte
	read  func([]byte) ([]byte, error)
}

// hexLines keeps bytes as hex, 32 bytes to a line.
var hexLines = &goldenFormat{
	write: func(b []byte) []byte {
		var out bytes.Buffer
		for len(b) > 0 {
			n := min(32, len(b))
			out.WriteString(hex.EncodeToString(b[:n]) + "\n")
			b = b[n:]
		}
		return out.Bytes()
	},
	read: func(text []byte) ([]byte, error) {
		return hex.DecodeString(strings.Join(strings.Fields(string(text)), ""))
	},
}
