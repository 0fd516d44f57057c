package access

import (
	"errors"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

func TestRolesCanAndCannot(t *testing.T) {
	mine := careplan.CareTeam{KeyWorkerID: "staff-ann"}
	theirs := careplan.CareTeam{KeyWorkerID: "staff-bob"}
	ann := User{Name: "Ann", Role: KeyWorker, StaffID: "staff-ann", Active: true}
	coord := User{Name: "Cat", Role: Coordinator, Active: true}
	admin := User{Name: "Ada", Role: Administrator, Active: true}
	pat := User{Name: "Pat", Role: Patient, PatientID: "p1", Active: true}
	gone := coord
	gone.Active = false
	hub := User{Name: "Hub", Role: SharedHub, Active: true}

	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"key worker edits own caseload", ann.EditsPatient(mine), true},
		{"key worker cannot edit another key worker's patient", ann.EditsPatient(theirs), false},
		{"key worker reads the hub's caseload", ann.ReadsCaseload(), true},
		{"key worker cannot edit the staff list", ann.EditsHubClinical(), false},
		{"key worker cannot manage users", ann.ManagesUsers(), false},
		{"key worker cannot view the audit", ann.ViewsAudit(), false},
		{"coordinator edits everything clinical", coord.EditsPatient(theirs) && coord.EditsHubClinical(), true},
		{"coordinator views the audit", coord.ViewsAudit(), true},
		{"coordinator cannot manage users", coord.ManagesUsers(), false},
		{"administrator manages users and settings", admin.ManagesUsers() && admin.ManagesSettings(), true},
		{"administrator edits nothing clinical", admin.EditsPatient(mine) || admin.EditsHubClinical() || admin.Nominates(), false},
		{"patient sees their own record", pat.ReadsPatient("p1"), true},
		{"patient cannot see another record", pat.ReadsPatient("p2"), false},
		{"patient cannot see the caseload", pat.ReadsCaseload(), false},
		{"patient cannot use the desktop", pat.UsesDesktop(), false},
		{"patient edits nothing", pat.EditsPatient(careplan.CareTeam{}), false},
		{"a deactivated account does nothing", gone.EditsPatient(mine) || gone.ReadsCaseload() || gone.UsesDesktop(), false},
		{"coordinator and administrator set up tablets", coord.SetsUpTablets() && admin.SetsUpTablets(), true},
		{"key worker, patient and deactivated accounts set up no tablets", ann.SetsUpTablets() || pat.SetsUpTablets() || gone.SetsUpTablets(), false},
		{"coordinator and administrator sync devices", coord.SyncsDevices() && admin.SyncsDevices(), true},
		{"key worker, patient and deactivated accounts sync no devices", ann.SyncsDevices() || pat.SyncsDevices() || gone.SyncsDevices(), false},
		{"coordinator and administrator resolve conflicts", coord.ResolvesConflicts() && admin.ResolvesConflicts(), true},
		{"key worker, patient and deactivated accounts resolve no conflicts", ann.ResolvesConflicts() || pat.ResolvesConflicts() || gone.ResolvesConflicts(), false},
		{"the shared hub passphrase syncs and resolves", hub.SyncsDevices() && hub.ResolvesConflicts(), true},
		{"coordinator and administrator export the whole hub", coord.ExportsHub() && admin.ExportsHub(), true},
		{"key worker, patient and deactivated accounts export no whole hub", ann.ExportsHub() || pat.ExportsHub() || gone.ExportsHub(), false},
		{"key worker prints own caseload", ann.PrintsPatient(mine), true},
		{"key worker cannot print another key worker's patient", ann.PrintsPatient(theirs), false},
		{"patient prints nothing from the hub", pat.PrintsPatient(careplan.CareTeam{}), false},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		u    User
		want error
	}{
		{User{Name: "Cat", Role: Coordinator}, nil},
		{User{Name: " ", Role: Coordinator}, ErrUserName},
		{User{Name: "Ann", Role: KeyWorker}, ErrNeedStaff},
		{User{Name: "Pat", Role: Patient}, ErrNeedPatient},
		{User{Name: "Eve", Role: SharedHub}, ErrUserRole},
		{User{Name: "Eve", Role: "boss"}, ErrUserRole},
	}
	for _, tc := range tests {
		if err := tc.u.Validate(); !errors.Is(err, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.u, err, tc.want)
		}
	}
}

func TestLastAdministratorStays(t *testing.T) {
	a := User{ID: "a", Role: Administrator, Active: true}
	b := User{ID: "b", Role: Administrator, Active: true}
	if err := CanDeactivate(a, []User{a}); !errors.Is(err, ErrLastAdmin) {
		t.Errorf("last administrator: got %v", err)
	}
	if err := CanDeactivate(a, []User{a, b}); err != nil {
		t.Errorf("one of two administrators: %v", err)
	}
}

func TestThrottleGrowsAfterFiveMisses(t *testing.T) {
	var th Throttle
	var got []time.Duration
	for range 8 {
		got = append(got, th.Delay())
		th.Failed()
	}
	want := []time.Duration{0, 0, 0, 0, 0, time.Second, 2 * time.Second, 4 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("delays %v, want %v", got, want)
		}
	}
	for range 30 {
		th.Failed()
	}
	if th.Delay() != maxDelay {
		t.Errorf("capped delay %v", th.Delay())
	}
	th.Succeeded()
	if th.Delay() != 0 {
		t.Errorf("after success %v", th.Delay())
	}
}

func TestAPersonMayHoldTwoRoles(t *testing.T) {
	both := User{Name: "Ada", Role: Administrator, Also: Coordinator, Active: true}
	if err := both.Validate(); err != nil {
		t.Fatalf("administrator and coordinator: %v", err)
	}
	team := careplan.CareTeam{KeyWorkerID: "staff-ann", KeyWorker: "Ann"}
	if !both.ManagesUsers() || !both.EditsPatient(team) || !both.Nominates() || !both.EditsHubClinical() || !both.CorrectsNHSNumbers() {
		t.Error("an administrator who also coordinates must have both roles' rights")
	}
	if got := both.RoleLabel(); got != "hub administrator and coordinator" {
		t.Errorf("label %q", got)
	}
	adminOnly := User{Name: "Ada", Role: Administrator, Active: true}
	if adminOnly.EditsPatient(team) || adminOnly.Nominates() {
		t.Error("an administrator alone must not change people's records")
	}
	kwAdmin := User{Name: "Ann", Role: KeyWorker, Also: Administrator, StaffID: "staff-ann", Active: true}
	if !kwAdmin.EditsPatient(team) || kwAdmin.EditsPatient(careplan.CareTeam{KeyWorkerID: "other"}) || !kwAdmin.ManagesUsers() {
		t.Error("a key worker who also administers edits only their own people and manages accounts")
	}
	for _, bad := range []User{
		{Name: "X", Role: Coordinator, Also: Coordinator},
		{Name: "X", Role: Coordinator, Also: Patient},
		{Name: "X", Role: Patient, PatientID: "p", Also: Coordinator},
		{Name: "X", Role: Coordinator, Also: SharedHub},
	} {
		if err := bad.Validate(); !errors.Is(err, ErrSecondRole) {
			t.Errorf("%v: got %v, want ErrSecondRole", bad.RoleLabel(), err)
		}
	}
	if err := (User{Name: "X", Role: Coordinator, Also: KeyWorker}).Validate(); !errors.Is(err, ErrNeedStaff) {
		t.Errorf("a coordinator who is also a key worker needs a staff record: %v", err)
	}
	// The last administrator is the last one holding the role, first or second.
	a := User{ID: "a", Role: Coordinator, Also: Administrator, Active: true}
	c := User{ID: "c", Role: Coordinator, Active: true}
	if err := CanDeactivate(a, []User{a, c}); !errors.Is(err, ErrLastAdmin) {
		t.Errorf("deactivating the only administrator (as a second role): %v", err)
	}
}

func TestAReadOnlyRecordSaysWhy(t *testing.T) {
	team := careplan.CareTeam{KeyWorkerID: "staff-ann", KeyWorker: "Ann Lee"}
	for _, c := range []struct {
		who  User
		want string
	}{
		{User{Role: Coordinator, Active: true}, ""},
		{User{Role: KeyWorker, StaffID: "staff-ann", Active: true}, ""},
		{User{Role: KeyWorker, StaffID: "staff-bob", Active: true}, "you are not this person's key worker. Their key worker, Ann Lee, or a coordinator"},
		{User{Role: Administrator, Active: true}, "hub administrator, who looks after accounts"},
		{User{Role: Administrator, Active: false}, "deactivated"},
	} {
		got := c.who.ReadOnlyBecause(team)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want it to say %q", c.who.RoleLabel(), got, c.want)
		}
	}
	if got := (User{Role: KeyWorker, StaffID: "s", Active: true}).ReadOnlyBecause(careplan.CareTeam{}); !strings.Contains(got, "nobody is this person's key worker") {
		t.Errorf("no key worker yet: %q", got)
	}
}
