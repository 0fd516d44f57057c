package service

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
)

func TestFirstAccountWhoCoordinatesIsOnTheStaffList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hub.db")
	v := NewVault(path, fixedNow, servicetest.CheapKDF)
	if err := v.Create("  Ada Admin ", adminPW, true); err != nil {
		t.Fatal(err)
	}
	st, _ := v.Store()
	set := NewSet(v.Store, Options{Now: fixedNow})
	me := v.SignedIn()
	if me.RoleLabel() != "hub administrator and coordinator" || me.Name != "Ada Admin" {
		t.Fatalf("first account: %q, %s", me.Name, me.RoleLabel())
	}
	staff, err := set.Enrolment.Staff()
	if err != nil {
		t.Fatal(err)
	}
	if len(staff) != 1 || staff[0].ID != me.StaffID || staff[0].Role != careplan.RoleCoordinator {
		t.Fatalf("staff %+v, account linked to %q", staff, me.StaffID)
	}
	// She can nominate and change any record, as a coordinator.
	pid := saveTeamedPerson(t, st, "9434765919", careplan.CareTeam{})
	if !set.Records.MayEdit(pid) || set.Records.ReadOnlyBecause(pid) != "" {
		t.Errorf("an administrator who coordinates may not edit: %q", set.Records.ReadOnlyBecause(pid))
	}
	// The account survives closing and opening again with both roles.
	v.Close()
	if err := v.OpenAs("Ada Admin", adminPW); err != nil {
		t.Fatal(err)
	}
	if got := v.SignedIn(); got.Also != access.Coordinator || got.StaffID != me.StaffID {
		t.Errorf("after reopening: %s, staff %q", got.RoleLabel(), got.StaffID)
	}
	v.Close()
	servicetest.CheckBolt(t, path)
}

func TestChangingRolesIsForAdministratorsAndLinksOnlyStaff(t *testing.T) {
	h := newRoleHub(t)
	set := NewSet(h.v.Store, Options{Now: fixedNow})
	st := h.signIn(t, catPW)
	cat := st.SignedIn()
	if err := set.Users.ChangeRoles(cat.ID, access.RoleChange{Role: access.Coordinator, Also: access.Administrator}); !errors.Is(err, access.ErrNotAllowed) {
		t.Errorf("a coordinator gave herself administration: %v", err)
	}
	h.signIn(t, adminPW)
	if err := set.Users.ChangeRoles(cat.ID, access.RoleChange{Role: access.Coordinator, StaffID: "no-such-staff"}); err == nil ||
		!strings.Contains(err.Error(), "not on the staff list") {
		t.Errorf("linked to a staff record that does not exist: %v", err)
	}
	if err := set.Users.ChangeRoles(cat.ID, access.RoleChange{Role: access.Coordinator, StaffID: h.annStaffID}); err != nil {
		t.Errorf("linking a coordinator to a staff record: %v", err)
	}
}

func TestAKeyWorkersOwnCaseloadAndWhyARecordIsReadOnly(t *testing.T) {
	h := newRoleHub(t)
	set := NewSet(h.v.Store, Options{Now: fixedNow})
	h.signIn(t, annPW)
	if got := set.Records.MyCaseload(); got != "Ann Key" {
		t.Errorf("Ann's own caseload is filed under %q", got)
	}
	if got := set.Records.ReadOnlyBecause(h.annsPatient); got != "" {
		t.Errorf("Ann's own person is read only: %q", got)
	}
	if got := set.Records.ReadOnlyBecause(h.bobsPatient); !strings.Contains(got, "not this person's key worker") || !strings.Contains(got, "Bob Key") {
		t.Errorf("Bob's person, to Ann: %q", got)
	}
	h.signIn(t, adminPW)
	if got := set.Records.MyCaseload(); got != "" {
		t.Errorf("an administrator has a caseload of their own: %q", got)
	}
	if got := set.Records.ReadOnlyBecause(h.annsPatient); !strings.Contains(got, "hub administrator") {
		t.Errorf("to an administrator: %q", got)
	}
}
