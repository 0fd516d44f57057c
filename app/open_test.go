package app

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
)

// runWith runs carehub with args and exactly the environment given.
func runEnv(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Args: args, Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }, Now: fixedNow}
	noGUI := func(string) error { t.Fatal("the desktop app was started by a command"); return nil }
	return Main(env, noGUI), out.String(), errb.String()
}

// namedHub is a store made by `carehub create` with an administrator, a coordinator and a key
// worker (linked to the staff record "Kim Key"), each added with `carehub users add`.
func namedHub(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hub.carehub")
	admin := map[string]string{PassphraseVar: "admin's long passphrase"}
	if code, _, stderr := runEnv(t, admin, "create", "--db", db, "--admin", "Ada Admin"); code != 0 {
		t.Fatalf("create: %s", stderr)
	}
	st, err := store.OpenAs(db, "Ada Admin", "admin's long passphrase", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	kim := careplan.StaffMember{Name: "Kim Key", Role: careplan.RoleKeyWorker, Active: true}
	if err := st.SaveStaff(&kim); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, u := range []struct{ name, role, staff, pw string }{
		{"Cat Coordinator", "coordinator", "", "cat's long passphrase"},
		{"Kim Key", "key-worker", "Kim Key", "kim's long passphrase"},
	} {
		vars := map[string]string{PassphraseVar: "admin's long passphrase", NewPassphraseVar: u.pw, UserVar: "Ada Admin"}
		args := []string{"users", "add", "--db", db, "--name", u.name, "--role", u.role}
		if u.staff != "" {
			args = append(args, "--staff", u.staff)
		}
		if code, _, stderr := runEnv(t, vars, args...); code != 0 {
			t.Fatalf("users add %s: %s", u.name, stderr)
		}
	}
	t.Cleanup(func() { servicetest.CheckBolt(t, db) })
	return db
}

func TestCLIAuditNamesTheAccountWhateverUSERSays(t *testing.T) {
	db := namedHub(t)
	vars := map[string]string{PassphraseVar: "kim's long passphrase", "USER": "Dr Innocent", "USERNAME": "Dr Innocent"}
	if code, _, stderr := runEnv(t, vars, "list", "--db", db, "--user", "Kim Key"); code != 0 {
		t.Fatalf("list: %s", stderr)
	}
	st, err := store.OpenAs(db, "Ada Admin", "admin's long passphrase", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	entries, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	if last.User != "Kim Key" || !strings.Contains(last.Detail, "caseload listed") {
		t.Errorf("the list is audited as %+v", last)
	}
	for _, e := range entries {
		if strings.Contains(e.User, "Innocent") {
			t.Errorf("an audit entry names $USER: %+v", e)
		}
	}
}

func TestCLIKeyWorkerCannotExportTheHub(t *testing.T) {
	db := namedHub(t)
	kim := map[string]string{PassphraseVar: "kim's long passphrase", UserVar: "Kim Key"}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "fhir", "--db", db, "--out", filepath.Join(dir, "all.json"), "--all"},
		{"report", "--db", db, "--from", "2026-01-01", "--to", "2026-11-23", "--csv", filepath.Join(dir, "eval.csv")},
		{"backup", "--db", db, "--out", filepath.Join(dir, "copy.carehub")},
		{"audit", "--db", db},
		{"users", "list", "--db", db},
	} {
		code, _, stderr := runEnv(t, kim, args...)
		if code == 0 || !strings.Contains(stderr, access.ErrNotAllowed.Error()) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("a key worker's %s: exit %d, %q", strings.Join(args[:2], " "), code, stderr)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*")); len(matches) > 0 {
		t.Errorf("refused commands left files: %v", matches)
	}
	cat := map[string]string{PassphraseVar: "cat's long passphrase", UserVar: "Cat Coordinator"}
	if code, _, stderr := runEnv(t, cat, "export", "fhir", "--db", db, "--out", filepath.Join(dir, "all.json"), "--all"); code != 0 {
		t.Errorf("a coordinator's export: %s", stderr)
	}
}

// auditCount reads "audit entries N" from carehub check.
func auditCount(t *testing.T, vars map[string]string, db string) int {
	t.Helper()
	code, out, stderr := runEnv(t, vars, "check", "--db", db)
	if code != 0 {
		t.Fatalf("check: %s", stderr)
	}
	m := regexp.MustCompile(`(?m)^audit entries\s+(\d+)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("check names no audit count:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestCLIListAddsAnAuditEntryThatCheckCounts(t *testing.T) {
	db := namedHub(t)
	admin := map[string]string{PassphraseVar: "admin's long passphrase", UserVar: "Ada Admin"}
	before := auditCount(t, admin, db)
	if code, _, stderr := runEnv(t, admin, "list", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	if after := auditCount(t, admin, db); after != before+1 {
		t.Errorf("audit entries %d before list, %d after", before, after)
	}
}

func TestCLIWeakPassphrasesFailInOneLineAndLeaveNoFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hub.carehub")
	code, _, stderr := runEnv(t, map[string]string{PassphraseVar: "abc"}, "create", "--db", db, "--admin", "Ada Admin")
	if code == 0 || strings.Count(stderr, "\n") != 1 {
		t.Errorf("create with passphrase abc: exit %d, %q", code, stderr)
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*")); len(matches) > 0 {
		t.Errorf("a refused create left %v", matches)
	}
	code, _, stderr = runEnv(t, map[string]string{PassphraseVar: "admin's long passphrase", NewPassphraseVar: "1"},
		"users", "add", "--db", namedHub(t), "--name", "Cat Two", "--role", "coordinator")
	if code == 0 || strings.Count(stderr, "\n") != 1 {
		t.Errorf("users add with passphrase 1: exit %d, %q", code, stderr)
	}
}

func TestCLIRefusesAPatientAccountAndUnknownRoles(t *testing.T) {
	db := namedHub(t)
	admin := map[string]string{PassphraseVar: "admin's long passphrase", NewPassphraseVar: "a patient's long passphrase", UserVar: "Ada Admin"}
	for _, role := range []string{"patient", "boss"} {
		if code, _, stderr := runEnv(t, admin, "users", "add", "--db", db, "--name", "Pat", "--role", role); code == 0 {
			t.Errorf("users add --role %s succeeded: %s", role, stderr)
		}
	}
	code, out, stderr := runEnv(t, admin, "users", "list", "--db", db)
	if code != 0 || strings.Contains(out, "Pat") || !strings.Contains(out, "Kim Key") {
		t.Errorf("users list: exit %d\n%s%s", code, out, stderr)
	}
}

func TestCLIDeactivatedKeyWorkerIsLockedOutAndCheckPasses(t *testing.T) {
	db := namedHub(t)
	admin := map[string]string{PassphraseVar: "admin's long passphrase", UserVar: "Ada Admin"}
	if code, out, stderr := runEnv(t, admin, "users", "deactivate", "--db", db, "--name", "Kim Key"); code != 0 || !strings.Contains(out, "deactivated") {
		t.Fatalf("deactivate: %s%s", out, stderr)
	}
	kim := map[string]string{PassphraseVar: "kim's long passphrase", UserVar: "Kim Key"}
	if code, _, _ := runEnv(t, kim, "list", "--db", db); code == 0 {
		t.Error("a deactivated key worker still lists the caseload")
	}
	if code, out, stderr := runEnv(t, admin, "check", "--db", db); code != 0 || !strings.HasSuffix(out, "ok\n") {
		t.Errorf("check after the rotation: %s%s", out, stderr)
	}
	cat := map[string]string{PassphraseVar: "cat's long passphrase", UserVar: "Cat Coordinator"}
	if code, out, stderr := runEnv(t, cat, "audit", "--db", db); code != 0 || !strings.Contains(out, "deactivated") {
		t.Errorf("the coordinator's audit: %s%s", out, stderr)
	}
}

func TestCLIUsersChangeGivesASecondRoleAndAStaffLink(t *testing.T) {
	db := namedHub(t)
	admin := map[string]string{PassphraseVar: "admin's long passphrase", UserVar: "Ada Admin"}
	// Cat is linked to a staff record of her own so she can choose herself as care coordinator.
	st, err := store.OpenAs(db, "Ada Admin", "admin's long passphrase", store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	catStaff := careplan.StaffMember{Name: "Cat Coordinator", Role: careplan.RoleCoordinator, Active: true}
	if err := st.SaveStaff(&catStaff); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, stderr := runEnv(t, admin, "users", "change", "--db", db, "--name", "Cat Coordinator", "--also", "administrator", "--staff", "Cat Coordinator")
	if code != 0 || out != "account \"Cat Coordinator\" is now coordinator and hub administrator\n" {
		t.Fatalf("users change: exit %d %q %q", code, out, stderr)
	}
	if code, out, _ := runEnv(t, admin, "users", "list", "--db", db); code != 0 || !strings.Contains(out, "coordinator and hub administrator") {
		t.Errorf("users list after the change:\n%s", out)
	}
	// As an administrator now, Cat may list the accounts; nothing to change is a usage error.
	cat := map[string]string{PassphraseVar: "cat's long passphrase", UserVar: "Cat Coordinator"}
	if code, _, stderr := runEnv(t, cat, "users", "list", "--db", db); code != 0 {
		t.Errorf("Cat, now an administrator, cannot list accounts: %s", stderr)
	}
	if code, _, stderr := runEnv(t, admin, "users", "change", "--db", db, "--name", "Cat Coordinator"); code == 0 || !strings.Contains(stderr, "--role, --also or --staff") {
		t.Errorf("users change with nothing to change: exit %d %q", code, stderr)
	}
	// Ada stops being an administrator: allowed now that Cat is one too.
	if code, _, stderr := runEnv(t, admin, "users", "change", "--db", db, "--name", "Ada Admin", "--role", "coordinator"); code != 0 {
		t.Errorf("Ada to coordinator with another administrator: %s", stderr)
	}
	// A first account that also coordinates, from the command line.
	db2 := filepath.Join(t.TempDir(), "hub2.carehub")
	if code, _, stderr := runEnv(t, admin, "create", "--db", db2, "--admin", "Ada Admin", "--coordinator"); code != 0 {
		t.Fatalf("create --coordinator: %s", stderr)
	}
	if code, out, _ := runEnv(t, admin, "users", "list", "--db", db2); !strings.Contains(out, "hub administrator and coordinator") || code != 0 {
		t.Errorf("create --coordinator made:\n%s", out)
	}
	servicetest.CheckBolt(t, db2)
}
