package store

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// testLogo is a small PNG: a red square.
func testLogo(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(0, 0, color.NRGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHubLogoRoundTrip(t *testing.T) {
	s, _ := newTestStore(t)
	if logo, err := s.HubLogo(); err != nil || logo != nil {
		t.Fatalf("a new store's logo: %d bytes, %v", len(logo), err)
	}
	want := testLogo(t, 60, 30)
	if err := s.SetHubLogo(want); err != nil {
		t.Fatal(err)
	}
	got, err := s.HubLogo()
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("logo read back: %d bytes, %v", len(got), err)
	}
	// Sealed on disk: the PNG's bytes are not there in clear.
	_ = s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket([]byte(bucketMeta)).Get([]byte(metaHubLogo))
		if raw == nil || bytes.Contains(raw, want[:16]) {
			t.Error("the logo is not sealed in the meta bucket")
		}
		return nil
	})

	if err := s.SetHubLogo([]byte("not a picture")); !errors.Is(err, careplan.ErrLogoUnreadable) {
		t.Errorf("a bad logo: %v", err)
	}
	if got, _ := s.HubLogo(); !bytes.Equal(got, want) {
		t.Error("a refused logo replaced the saved one")
	}

	if err := s.SetHubLogo(nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.HubLogo(); err != nil || got != nil {
		t.Errorf("after removal: %d bytes, %v", len(got), err)
	}
}
