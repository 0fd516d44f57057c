package store

import (
	"bytes"
	"testing"

	"github.com/google/uuid"
)

// A record sealed ahead, as it came in a bundle, is stored only while it is still exactly what
// the writer stores: a flag, a version or the path through a merge changes that.
func TestRecordSealedAheadIsStoredOnlyAsItCame(t *testing.T) {
	k := testKeys(t)
	came := envelope{kind: KindPatient, id: uuid.New(), version: 42, origin: uuid.New(), user: "Sam", body: []byte(`{"id":"x"}`)}
	came.sealed = sealEnvelope(k, came)
	w := &writer{keys: k, incoming: &came, unchangedFrom: uuid.New()}

	if got := w.sealIncoming(came); !bytes.Equal(got, came.sealed) {
		t.Error("the record as it came was sealed again")
	}
	final := came
	final.final = true // an agreed plan is stored final, whatever the sender's flag said
	if e := openSealed(t, k, w.sealIncoming(final)); !e.final {
		t.Error("stored without the final flag the writer set")
	}
	w.unchangedFrom = uuid.Nil // a merge made here, or ours kept
	if got := w.sealIncoming(came); bytes.Equal(got, came.sealed) {
		t.Error("a record not stored as it came used the seal made ahead")
	}
	if e := openSealed(t, k, w.sealIncoming(came)); string(e.body) != string(came.body) || e.version != 42 {
		t.Errorf("sealed now: %+v", e)
	}
}

func openSealed(t *testing.T, k *keys, b []byte) envelope {
	t.Helper()
	e, err := openEnvelope(k, b)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
