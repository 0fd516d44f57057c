package store

import (
	"errors"
	"strings"
	"testing"

	"carehub/careplan"
	"carehub/careplan/access"
)

func TestChangingRolesIsAuditedAndKeepsAnAdministrator(t *testing.T) {
	s, path, _ := newAdminStore(t)
	ada := s.SignedIn()
	cat := access.User{Name: "Cat Coordinator", Role: access.Coordinator}
	if err := s.AddUser(&cat, "cat's long passphrase"); err != nil {
		t.Fatal(err)
	}
	m := careplan.StaffMember{Name: "Ada Admin", Role: careplan.RoleCoordinator, Active: true}
	if err := s.SaveStaff(&m); err != nil {
		t.Fatal(err)
	}
	// Ada takes on coordinating, linked to her staff record: her rights change at once.
	if err := s.ChangeRoles(ada.ID, access.RoleChange{Role: access.Administrator, Also: access.Coordinator, StaffID: m.ID}); err != nil {
		t.Fatal(err)
	}
	if me := s.SignedIn(); !me.Has(access.Coordinator) || me.StaffID != m.ID || !me.EditsHubClinical() {
		t.Errorf("after the change Ada is %s, staff %q", me.RoleLabel(), me.StaffID)
	}
	// She is the only administrator: she cannot give the role away.
	err := s.ChangeRoles(ada.ID, access.RoleChange{Role: access.Coordinator, StaffID: m.ID})
	if !errors.Is(err, access.ErrLastAdmin) {
		t.Errorf("dropping the last administrator role: %v", err)
	}
	// A patient's role is never given on a hub, and two of the same role is no second role.
	if err := s.ChangeRoles(cat.ID, access.RoleChange{Role: access.Patient}); err == nil {
		t.Error("a staff account was made a patient's on a hub")
	}
	if err := s.ChangeRoles(cat.ID, access.RoleChange{Role: access.Coordinator, Also: access.Coordinator}); !errors.Is(err, access.ErrSecondRole) {
		t.Errorf("coordinator twice: %v", err)
	}
	// Cat becomes an administrator too; now Ada may stop being one.
	if err := s.ChangeRoles(cat.ID, access.RoleChange{Role: access.Coordinator, Also: access.Administrator}); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeRoles(ada.ID, access.RoleChange{Role: access.Coordinator, StaffID: m.ID}); err != nil {
		t.Errorf("with a second administrator: %v", err)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, e := range entries {
		if strings.Contains(e.Detail, "→") || strings.Contains(e.Detail, "linked to staff record") {
			said = append(said, e.Detail)
		}
	}
	want := []string{
		`account "Ada Admin": hub administrator → hub administrator and coordinator, linked to staff record ` + m.ID,
		`account "Cat Coordinator": coordinator → coordinator and hub administrator`,
		`account "Ada Admin": hub administrator and coordinator → coordinator`,
	}
	if strings.Join(said, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit of role changes:\n%s\nwant\n%s", strings.Join(said, "\n"), strings.Join(want, "\n"))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	checkBoltFile(t, path)
}
