package service

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"testing"

	"carehub/careplan/access"
)

func TestHubLogoForAdministratorsAndOnPrintedPlans(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 90, 30))); err != nil {
		t.Fatal(err)
	}
	logo := buf.Bytes()
	h := newRoleHub(t)
	set := servicesOn(h.v.Store).Settings
	ps := servicesOn(h.v.Store).Printing

	h.signIn(t, catPW)
	if err := set.SetHubLogo(logo); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a coordinator changing the logo: %v", err)
	}
	h.signIn(t, adminPW)
	if got := ps.options(false).Logo; got != nil {
		t.Errorf("printed plans carry a logo before one is set (%d bytes)", len(got))
	}
	if err := set.SetHubLogo(logo); err != nil {
		t.Fatal(err)
	}
	if got := ps.options(false).Logo; !bytes.Equal(got, logo) {
		t.Error("printed plans do not carry the hub's logo")
	}
	h.signIn(t, catPW)
	if got, err := set.HubLogo(); err != nil || !bytes.Equal(got, logo) {
		t.Errorf("a coordinator reads the logo: %d bytes, %v", len(got), err)
	}
}
