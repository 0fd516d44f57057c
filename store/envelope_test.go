package store

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"carehub/careplan"
)

func testKeys(t testing.TB) *keys {
	t.Helper()
	k, err := newKeys(bytes.Repeat([]byte{7}, dataKeySize))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestEnvelopeRoundTrip(t *testing.T) {
	k := testKeys(t)
	e := envelope{
		kind: KindPlan, id: uuid.New(), version: 42 << logicalBits, base: 41 << logicalBits,
		origin: uuid.New(), deleted: true, final: true, user: "Siân O'Brien",
		time: time.Date(2026, 3, 3, 10, 30, 0, 123, time.UTC), body: []byte(`{"aboutMe":"x"}`),
	}
	b := sealEnvelope(k, e)
	got, err := openEnvelope(k, b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, e) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, e)
	}
	if bytes.Contains(b, []byte("Siân")) || bytes.Contains(b, e.body) {
		t.Error("user or body in clear")
	}
	// The clear header is authenticated: changing the id, version or deleted flag is caught.
	for _, i := range []int{2, 5, 40} {
		bad := append([]byte(nil), b...)
		bad[i] ^= 1
		if _, err := openEnvelope(k, bad); err == nil {
			t.Errorf("altering header byte %d went unnoticed", i)
		}
	}
}

func TestCaseloadCodec(t *testing.T) {
	k := testKeys(t)
	for _, e := range []careplan.CaseloadEntry{
		{PatientID: uuid.NewString()},
		{
			PatientID: uuid.NewString(), NHSNumber: "9434765919", GivenName: "Siân", FamilyName: "O'Brien",
			DateOfBirth: careplan.NewDate(1931, time.February, 28), Status: careplan.StatusActive,
			KeyWorker: "Sam Green", Coordinator: "Alex Hill", Practice: "Taunton Vale Surgery",
			ReviewDate: careplan.NewDate(2026, time.September, 1),
		},
		{PatientID: uuid.NewString(), DateOfBirth: careplan.NewDate(1970, time.January, 1), FamilyName: string(make([]byte, 300))},
	} {
		id, _ := parseID(e.PatientID)
		sealed := k.seal(nil, encodeCaseload(e), id[:])
		got, _, err := openCaseload(k, new(stringArena), nil, id[:], sealed)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, e)
		}
		other := uuid.New()
		if _, _, err := openCaseload(k, new(stringArena), nil, other[:], sealed); err == nil {
			t.Error("an entry opened under another patient's id")
		}
	}
}

func TestKeyslotRoundTrip(t *testing.T) {
	key := newDataKey()
	slot, err := wrapKey(hubSlot, "pass", key, *cheapKDF())
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeKeyslot(slot.encode())
	if err != nil {
		t.Fatal(err)
	}
	if k, err := unwrapKey(hubSlot, "pass", got); err != nil || !bytes.Equal(k, key) {
		t.Errorf("unwrap = %x, %v", k, err)
	}
	if _, err := unwrapKey("someone-else", "pass", got); err == nil {
		t.Error("a slot opened under another slot's name")
	}
	huge := slot
	huge.kdf.MemoryKiB = 1 << 30
	if _, err := decodeKeyslot(huge.encode()); err == nil {
		t.Error("a slot asking for 1 TiB of memory was accepted")
	}
}

// FuzzDecodeEnvelope feeds arbitrary bytes to the envelope decoder (and, through it, the
// unsealer): whatever a damaged file or a sync bundle holds, decoding must fail cleanly.
func FuzzDecodeEnvelope(f *testing.F) {
	k := testKeys(f)
	f.Add(sealEnvelope(k, envelope{kind: KindPatient, id: uuid.New(), version: 1, user: "u", body: []byte("{}")}))
	f.Add([]byte{})
	f.Add(make([]byte, envelopeHeaderSize))
	f.Add(append([]byte{envelopeFormat, 1, 0}, make([]byte, 80)...))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, sealed, err := decodeEnvelope(b)
		if err == nil && (len(sealed) != len(b)-envelopeHeaderSize || kindCode(e.kind) == 0) {
			t.Errorf("decoded %d bytes into %+v with %d sealed", len(b), e, len(sealed))
		}
		openEnvelope(k, b)
		decodeCaseload(string(b))
		decodeAudit(b)
	})
}

// TestPayloadSizeIsExact: sealEnvelope allocates each record's buffer from payloadSize, and
// bbolt keeps that buffer until the commit, so the size must be the payload's own.
func TestPayloadSizeIsExact(t *testing.T) {
	a, b := uuid.New(), uuid.New()
	metas := []syncMeta{
		{},
		newSyncMeta(a, 7),
		{vv: []vvEntry{{a, 1}, {b, 1 << 40}}, stamps: []stamp{{"GivenName", b, 3}, {"Team", a, 1}, {"", a, 9}}},
	}
	for _, m := range metas {
		for _, user := range []string{"", "bench", strings.Repeat("u", 300)} {
			e := envelope{kind: KindPlan, id: a, user: user, time: time.Unix(0, 12345), meta: m, body: []byte(`{"id":"x"}`)}
			if got, want := payloadSize(e), len(appendPayload(nil, e)); got != want {
				t.Errorf("payloadSize = %d for a payload of %d bytes (meta %+v, user %d bytes)", got, want, m, len(user))
			}
		}
	}
	entry := AuditEntry{Time: time.Unix(0, 1), User: "u", Action: AuditCreated, Kind: KindPlan, RecordID: a.String(),
		PatientID: b.String(), Detail: strings.Repeat("d", 200)}
	if got, want := auditSize(entry), len(encodeAudit(entry)); got != want {
		t.Errorf("auditSize = %d for an entry of %d bytes", got, want)
	}
}
