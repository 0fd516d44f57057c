package bundle

import (
	"bytes"
	"errors"
	"testing"
)

// ReadSigned refuses what Verify refuses, for the same reasons, and reads the same manifest.
func TestReadSignedRefusesWhatVerifyRefuses(t *testing.T) {
	p := newPair(t)
	good, _ := p.writeItems(t, []byte("one"), bytes.Repeat([]byte("two"), maxPlain), []byte("three"))
	m, card, err := ReadSigned(bytes.NewReader(good), p.tablet, p.tabletSenders)
	if err != nil {
		t.Fatalf("a good bundle: %v", err)
	}
	vm, _, err := Verify(bytes.NewReader(good), p.tablet, p.tabletSenders)
	if err != nil || !SameManifest(m, vm) || card.Device != p.hub.Device || m.Items != 3 {
		t.Fatalf("ReadSigned %+v; Verify %+v, %v", m, vm, err)
	}

	altered := bytes.Clone(good)
	altered[len(altered)/2] ^= 1
	cut := good[:len(good)-10]
	impostor := fixedIdentity(t, "impostor")
	impostor.Device = p.hub.Device
	var forged bytes.Buffer
	if _, err := Write(&forged, impostor, p.tabletCard, Manifest{Bundle: impostor.Device, Kind: KindChanges, Created: fixedTime},
		emitAll([][]byte{[]byte("forged plan")})); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		data []byte
		want error
	}{
		"a chunk altered": {altered, ErrBadSignature},
		"cut short":       {cut, ErrTruncated},
		"forged":          {forged.Bytes(), ErrBadSignature},
	} {
		_, _, err := ReadSigned(bytes.NewReader(tc.data), p.tablet, p.tabletSenders)
		_, _, verr := Verify(bytes.NewReader(tc.data), p.tablet, p.tabletSenders)
		if !errors.Is(err, tc.want) || !errors.Is(verr, tc.want) {
			t.Errorf("%s: ReadSigned %v, Verify %v, want %v", name, err, verr, tc.want)
		}
	}
}

func TestSameManifestTellsManifestsApart(t *testing.T) {
	a := Manifest{Kind: KindChanges, Items: 3, Hash: "ab", Counts: map[string]int{"patient": 1, "plan": 2}, Created: fixedTime}
	b := a
	b.Counts = map[string]int{"plan": 2, "patient": 1}
	if !SameManifest(a, b) {
		t.Error("the same manifest told apart")
	}
	b.Upto = 9
	if SameManifest(a, b) {
		t.Error("manifests with different ranges taken as the same")
	}
}
