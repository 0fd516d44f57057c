package service

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
)

// tabletHub is a demo hub on disk with a coordinator's and a key worker's account, and the
// vault the desktop app would sign in through.
type tabletHub struct {
	v                    *Vault
	eligible, ineligible careplan.Patient
}

const tabletKWPW = "key worker passphrase"

func newTabletHub(t *testing.T) *tabletHub {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hub.carehub")
	st, err := store.Create(path, "pw-for-tests", store.Options{Now: fixedNow, KDF: servicetest.CheapKDF})
	if err != nil {
		t.Fatal(err)
	}
	if err := loadDemo(st, 1, 20, careplan.DateOf(fixedNow()), nil); err != nil {
		t.Fatal(err)
	}
	h := &tabletHub{}
	rows, err := st.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		p, err := st.Patient(r.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		if careplan.TabletEligible(p) && h.eligible.ID == "" {
			h.eligible = p
		}
		if !careplan.TabletEligible(p) && h.ineligible.ID == "" {
			h.ineligible = p
		}
	}
	if h.eligible.ID == "" || h.ineligible.ID == "" {
		t.Fatal("the demo hub needs someone who may have a tablet and someone who may not")
	}
	staff, err := st.Staff()
	if err != nil {
		t.Fatal(err)
	}
	var kw careplan.StaffMember
	for _, m := range staff {
		if m.Role == careplan.RoleKeyWorker {
			kw = m
			break
		}
	}
	users := []struct {
		u  access.User
		pw string
	}{
		{access.User{Name: "Cat Coordinator", Role: access.Coordinator}, catPW},
		{access.User{Name: kw.Name, Role: access.KeyWorker, StaffID: kw.ID}, tabletKWPW},
	}
	for _, u := range users {
		if err := st.AddUser(&u.u, u.pw); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	h.v = NewVault(path, fixedNow, servicetest.CheapKDF)
	t.Cleanup(func() { h.v.Close() })
	return h
}

// signIn opens the hub as the account whose passphrase pw is, and returns the app's service.
func (h *tabletHub) signIn(t *testing.T, pw string) *TabletSetup {
	t.Helper()
	if err := h.v.Open(pw); err != nil {
		t.Fatal(err)
	}
	return servicesOn(h.v.Store).TabletSetup
}

// TestAppSetsUpTablet: the app's path writes a store that opens with the patient's new
// passphrase alone and holds that one person, replacing the empty file a save dialog leaves.
func TestAppSetsUpTablet(t *testing.T) {
	h := newTabletHub(t)
	svc := h.signIn(t, catPW)
	dir := t.TempDir()
	out := filepath.Join(dir, "tablet-"+string(h.eligible.NHSNumber)+".carehub")
	if err := os.WriteFile(out, nil, 0o600); err != nil { // what Fyne's save dialog leaves
		t.Fatal(err)
	}
	if err := svc.SetUpTablet(h.eligible.ID, out, "their own passphrase"); err != nil {
		t.Fatal(err)
	}
	servicetest.CheckBolt(t, out)
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("the folder holds %d entries; want the tablet store alone", len(left))
	}
	tab, err := store.Open(out, "their own passphrase", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("the tablet does not open with the patient's passphrase: %v", err)
	}
	defer tab.Close()
	if u := tab.SignedIn(); u.Role != access.Patient || u.PatientID != h.eligible.ID {
		t.Errorf("the tablet opens as %+v", u)
	}
	rows, err := tab.Caseload()
	if err != nil || len(rows) != 1 || rows[0].PatientID != h.eligible.ID {
		t.Errorf("the tablet holds %+v (%v); want %s alone", rows, err, h.eligible.ID)
	}
}

// TestAppTabletRefusals: a key worker may not set up a tablet, nor may anyone for a person
// without consent to join; neither leaves a file behind.
func TestAppTabletRefusals(t *testing.T) {
	h := newTabletHub(t)
	dir := t.TempDir()

	coordinator := h.signIn(t, catPW)
	out := filepath.Join(dir, "ineligible.carehub")
	if err := coordinator.SetUpTablet(h.ineligible.ID, out, "their own passphrase"); !errors.Is(err, errTabletNotEligible) {
		t.Errorf("tablet for someone %s: %v", h.ineligible.Status, err)
	}

	keyWorker := h.signIn(t, tabletKWPW)
	if err := keyWorker.SetUpTablet(h.eligible.ID, filepath.Join(dir, "kw.carehub"), "their own passphrase"); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a key worker set up a tablet: %v", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("refusals left %d files behind", len(left))
	}
}
