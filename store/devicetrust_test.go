package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"carehub/store/bundle"
)

// forgedAck is an acknowledgement from b to a of bundle id, claiming position upto.
func forgedAck(t *testing.T, b, a *Store, id bundle.Manifest, upto uint64) []byte {
	t.Helper()
	self, err := b.identity()
	if err != nil {
		t.Fatal(err)
	}
	aCard, _ := a.DeviceCard()
	var ack bytes.Buffer
	if _, err := bundle.Write(&ack, self, aCard, bundle.Manifest{Kind: bundle.KindAck, Acknowledges: id.Bundle, Upto: upto, Created: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	return ack.Bytes()
}

// An acknowledgement that names a real bundle but claims a position far ahead moves the
// checkpoint only to where that bundle reached: later changes still wait to be sent.
func TestAnInflatedAcknowledgementMovesTheCheckpointOnlyToItsBundle(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	enrolled(t, a, 30)
	var first bytes.Buffer
	res, err := a.ExportBundle(&first, b.origin, nil)
	if err != nil {
		t.Fatal(err)
	}
	enrolled(t, a, 31) // made after the bundle: not in it
	if _, err := a.ImportBundle(bytes.NewReader(forgedAck(t, b, a, res.Manifest, 1<<40)), nil, nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := a.ChangesWaiting(b.origin); n != 2 {
		t.Errorf("after an inflated acknowledgement %d changes wait, want the second person and their plan (2)", n)
	}
}

// A bundle is "sent" only once it is recorded as written: until then its acknowledgement is
// refused and the device's "last sent" stays as it was.
func TestLastSentOnlyOnceTheBundleIsWritten(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	enrolled(t, a, 32)
	var buf bytes.Buffer
	res, err := a.WriteBundle(&buf, b.origin, nil)
	if err != nil {
		t.Fatal(err)
	}
	if peers, _ := a.Peers(); !peers[0].LastSent.IsZero() {
		t.Fatalf("a bundle not yet in place counts as sent: %+v", peers[0])
	}
	var ack bytes.Buffer
	if _, err := b.ImportBundle(bytes.NewReader(buf.Bytes()), &ack, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ImportBundle(bytes.NewReader(ack.Bytes()), nil, nil); !errors.Is(err, ErrAckNotSent) {
		t.Errorf("the acknowledgement of an unrecorded bundle: %v", err)
	}
	if err := a.RecordSent(res); err != nil {
		t.Fatal(err)
	}
	if peers, _ := a.Peers(); peers[0].LastSent.IsZero() {
		t.Error("a recorded bundle has no last sent")
	}
	if _, err := a.ImportBundle(bytes.NewReader(ack.Bytes()), nil, nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := a.ChangesWaiting(b.origin); n != 0 {
		t.Errorf("%d changes wait after the acknowledgement", n)
	}
}

// A lost laptop is unpaired: its bundles and acknowledgements are refused from then on,
// nothing more is made for it, its row stays marked, and the file checks clean.
func TestAnUnpairedDevicesBundlesAreRefused(t *testing.T) {
	a, _ := newTestStore(t)
	b, _ := newTestStore(t)
	pair(t, a, b)
	enrolled(t, b, 33)
	fromB := bundleFor(t, b, a)
	var ack bytes.Buffer
	if _, err := b.ImportBundle(bytes.NewReader(bundleFor(t, a, b)), &ack, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.Unpair(b.origin); err != nil {
		t.Fatal(err)
	}
	for name, file := range map[string][]byte{"bundle": fromB, "acknowledgement": ack.Bytes()} {
		if _, err := a.ImportBundle(bytes.NewReader(file), nil, nil); !errors.Is(err, ErrUnpaired) {
			t.Errorf("a %s from an unpaired device: %v", name, err)
		}
	}
	if n, _ := a.PatientCount(); n != 0 {
		t.Errorf("an unpaired device's bundle brought in %d people", n)
	}
	if _, err := a.ExportBundle(&bytes.Buffer{}, b.origin, nil); !errors.Is(err, ErrUnpaired) {
		t.Errorf("a bundle made for an unpaired device: %v", err)
	}
	peers, _ := a.Peers()
	if len(peers) != 1 || peers[0].Unpaired.IsZero() {
		t.Fatalf("the unpaired device's row: %+v", peers)
	}
	if _, err := a.ChangesWaitingAll(); err != nil {
		t.Fatal(err)
	}
	r, err := a.Check()
	if err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
	// Back in safe hands, it is paired again with its card and carries everything again.
	card, _ := b.DeviceCard()
	if err := a.AddPeer(card); err != nil {
		t.Fatal(err)
	}
	if res := carry(t, b, a); res.New != 2 {
		t.Errorf("after pairing again: %+v", res)
	}
}

// A device restored from an old backup comes back with a shorter history: the next bundle
// from it says so, and its row is marked.
func TestAHistoryCutShortIsNoticedByThePeer(t *testing.T) {
	a, _ := newTestStore(t)
	b, c := newTestStore(t)
	pair(t, a, b)
	carry(t, b, a)
	old := filepath.Join(t.TempDir(), "b-backup.carehub")
	if err := b.Backup(old); err != nil {
		t.Fatal(err)
	}
	enrolled(t, b, 34)
	if res := carry(t, b, a); res.CutShort {
		t.Fatal("a history that grew was called cut short")
	}
	restored := openTestStore(t, old, c)
	res, err := a.ImportBundle(bytes.NewReader(bundleFor(t, restored, a)), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.CutShort {
		t.Error("a history cut short went unnoticed")
	}
	if peers, _ := a.Peers(); peers[0].CutShort.IsZero() {
		t.Errorf("the device's row is not marked: %+v", peers[0])
	}
}

// Acknowledgements carry the head too: a laptop restored from a backup made before its last
// acknowledgement, which then imports a bundle (so its history grows again), is caught by
// its next acknowledgement.
func TestAnAcknowledgementFromARestoredLaptopIsNoticed(t *testing.T) {
	a, _ := newTestStore(t)
	b, c := newTestStore(t)
	pair(t, a, b)
	enrolled(t, a, 35)
	old := filepath.Join(t.TempDir(), "b-backup.carehub")
	if err := b.Backup(old); err != nil {
		t.Fatal(err)
	}
	carry(t, a, b) // b's acknowledgement shows a its head
	enrolled(t, a, 36)
	restored := openTestStore(t, old, c)
	var ack bytes.Buffer
	if _, err := restored.ImportBundle(bytes.NewReader(bundleFor(t, a, restored)), &ack, nil); err != nil {
		t.Fatal(err)
	}
	res, err := a.ImportBundle(bytes.NewReader(ack.Bytes()), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.CutShort {
		t.Error("an acknowledgement from a laptop that lost history went unnoticed")
	}
	// The same exchange with the laptop itself, not a restored copy, is not called cut short.
	carry(t, a, b)
	if res := carry(t, b, a); res.CutShort {
		t.Error("an intact laptop was called cut short")
	}
}
