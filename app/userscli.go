package app

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"carehub/app/service"
	"carehub/careplan"
	"carehub/careplan/access"
)

// runUsers is `carehub users list|add|change|reset|deactivate|retire-shared`: the accounts of a hub,
// for its administrators, through the same service the Users screen uses.
func runUsers(env Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: users list|add|change|reset|deactivate|retire-shared --db FILE", errUsage)
	}
	fs := newFlags("users " + args[0])
	db := fs.String("db", "", "the store")
	name := fs.String("name", "", "the account's name")
	role := fs.String("role", "", "key-worker, coordinator or administrator")
	also := fs.String("also", "", "a second role the same person holds (key-worker, coordinator or administrator; none to remove it)")
	staff := fs.String("staff", "", "their staff record by name (a key worker's always; a coordinator's to choose themselves); none to unlink")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	do, ok := map[string]func(*service.Users) error{
		"list":          func(u *service.Users) error { return listUsers(env, u) },
		"add":           func(u *service.Users) error { return addUser(env, u, *name, *role, *also, *staff) },
		"change":        func(u *service.Users) error { return changeUser(env, u, *name, *role, *also, *staff) },
		"reset":         func(u *service.Users) error { return resetUser(env, u, *name) },
		"deactivate":    func(u *service.Users) error { return deactivateUser(env, u, *name) },
		"retire-shared": func(u *service.Users) error { return retireShared(env, u) },
	}[args[0]]
	if !ok {
		return fmt.Errorf("%w: unknown users command %q (list, add, change, reset, deactivate, retire-shared)", errUsage, args[0])
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	return do(services(env, st).Users)
}

func listUsers(env Env, users *service.Users) error {
	all, err := users.Users()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, u := range all {
		state := "active"
		if !u.Active {
			state = "deactivated"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", u.Name, u.RoleLabel(), state)
	}
	return w.Flush()
}

// roleNamed reads --role in the words of the command line.
func roleNamed(s string) (access.Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "key-worker", "key worker", "keyworker":
		return access.KeyWorker, nil
	case "coordinator":
		return access.Coordinator, nil
	case "administrator", "admin", "hub administrator":
		return access.Administrator, nil
	case "patient":
		return "", fmt.Errorf("%w: a patient's account is made with their tablet (carehub tablet-setup), never on the hub", access.ErrNotAllowed)
	}
	return "", fmt.Errorf("%w: --role must be key-worker, coordinator or administrator", errUsage)
}

func addUser(env Env, users *service.Users, name, roleName, alsoName, staffName string) error {
	role, err := roleNamed(roleName)
	if err != nil {
		return err
	}
	u := access.User{Name: strings.TrimSpace(name), Role: role}
	if u.Also, err = secondRoleNamed(alsoName); err != nil {
		return err
	}
	if u.Has(access.KeyWorker) || strings.TrimSpace(staffName) != "" {
		if u.StaffID, err = staffNamed(users, staffName); err != nil {
			return err
		}
	}
	pass, err := passphrase(env, NewPassphraseVar)
	if err != nil {
		return err
	}
	if err := users.AddUser(&u, pass); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "account %q (%s) added\n", u.Name, u.RoleLabel())
	return nil
}

// secondRoleNamed reads --also: "" or "none" for no second role.
func secondRoleNamed(s string) (access.Role, error) {
	if t := strings.ToLower(strings.TrimSpace(s)); t == "" || t == "none" {
		return "", nil
	}
	r, err := roleNamed(s)
	if errors.Is(err, errUsage) {
		return "", fmt.Errorf("%w: --also must be key-worker, coordinator, administrator or none", errUsage)
	}
	return r, err
}

// changeUser is `users change`: new roles or a new staff link for an account; what is not
// given stays as it was.
func changeUser(env Env, users *service.Users, name, roleName, alsoName, staffName string) error {
	u, err := accountNamed(users, name)
	if err != nil {
		return err
	}
	roles := access.RoleChange{Role: u.Role, Also: u.Also, StaffID: u.StaffID}
	if strings.TrimSpace(roleName) != "" {
		if roles.Role, err = roleNamed(roleName); err != nil {
			return err
		}
	}
	if strings.TrimSpace(alsoName) != "" {
		if roles.Also, err = secondRoleNamed(alsoName); err != nil {
			return err
		}
	}
	switch strings.ToLower(strings.TrimSpace(staffName)) {
	case "":
	case "none":
		roles.StaffID = ""
	default:
		if roles.StaffID, err = staffNamed(users, staffName); err != nil {
			return err
		}
	}
	if roleName == "" && alsoName == "" && staffName == "" {
		return fmt.Errorf("%w: say what to change with --role, --also or --staff", errUsage)
	}
	if err := users.ChangeRoles(u.ID, roles); err != nil {
		return err
	}
	after := access.User{Role: roles.Role, Also: roles.Also}
	fmt.Fprintf(env.Stdout, "account %q is now %s\n", u.Name, after.RoleLabel())
	return nil
}

// staffNamed finds the one active staff record of that name.
func staffNamed(users *service.Users, name string) (string, error) {
	if strings.TrimSpace(name) == "" {
		return "", fmt.Errorf("%w: a key worker's account needs --staff NAME, their staff record", errUsage)
	}
	staff, err := users.Staff()
	if err != nil {
		return "", err
	}
	var found []careplan.StaffMember
	for _, m := range staff {
		if m.Active && strings.EqualFold(strings.TrimSpace(m.Name), strings.TrimSpace(name)) {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("there is no active staff member called %q", name)
	case 1:
		return found[0].ID, nil
	}
	return "", fmt.Errorf("%d active staff members are called %q: rename one on the Staff screen first", len(found), name)
}

// accountNamed finds the account of that name, active ones first.
func accountNamed(users *service.Users, name string) (access.User, error) {
	if strings.TrimSpace(name) == "" {
		return access.User{}, fmt.Errorf("%w: name the account with --name", errUsage)
	}
	all, err := users.Users()
	if err != nil {
		return access.User{}, err
	}
	var inactive *access.User
	for i, u := range all {
		if !strings.EqualFold(strings.TrimSpace(u.Name), strings.TrimSpace(name)) {
			continue
		}
		if u.Active {
			return u, nil
		}
		inactive = &all[i]
	}
	if inactive != nil {
		return *inactive, access.ErrInactiveUser
	}
	return access.User{}, fmt.Errorf("there is no account called %q", name)
}

func resetUser(env Env, users *service.Users, name string) error {
	u, err := accountNamed(users, name)
	if err != nil {
		return err
	}
	pass, err := passphrase(env, NewPassphraseVar)
	if err != nil {
		return err
	}
	if err := users.ResetPassphrase(u.ID, pass); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "passphrase of %q reset\n", u.Name)
	return nil
}

func deactivateUser(env Env, users *service.Users, name string) error {
	u, err := accountNamed(users, name)
	if errors.Is(err, access.ErrInactiveUser) {
		fmt.Fprintf(env.Stdout, "%q is already deactivated\n", u.Name)
		return nil
	}
	if err != nil {
		return err
	}
	if err := users.Deactivate(u.ID); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%q deactivated: their passphrase no longer opens this store, nor a copy of their key slot (the store's key has changed)\n", u.Name)
	return sayWhoNeedsAReset(env, users)
}

// sayWhoNeedsAReset names the accounts a key change left without a passphrase.
func sayWhoNeedsAReset(env Env, users *service.Users) error {
	names, err := users.NeedNewPassphrase()
	if err != nil || len(names) == 0 {
		return err
	}
	fmt.Fprintf(env.Stdout, "these accounts need a new passphrase (carehub users reset): %s\n", strings.Join(names, ", "))
	return nil
}

func retireShared(env Env, users *service.Users) error {
	if err := users.RetireSharedPassphrase(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "the shared hub passphrase is retired: only named accounts open this store")
	return sayWhoNeedsAReset(env, users)
}

// runAudit is `carehub audit`: the audit, read only, for coordinators and administrators. The
// reading is itself audited.
func runAudit(env Env, args []string) error {
	fs := newFlags("audit")
	db := fs.String("db", "", "the store")
	patient := fs.String("patient", "", "one person only, by NHS number (or part of their name)")
	from := fs.String("from", "", "first day")
	to := fs.String("to", "", "last day")
	csvPath := fs.String("csv", "", "write the rows here as CSV instead of printing them")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	f := access.AuditFilter{Patient: *patient}
	for _, d := range []struct {
		in, flag string
		out      *careplan.Date
	}{{*from, "from", &f.From}, {*to, "to", &f.To}} {
		if d.in == "" {
			continue
		}
		day, err := careplan.ParseDate(d.in)
		if err != nil {
			return fmt.Errorf("%w: audit --%s: %v", errUsage, d.flag, err)
		}
		*d.out = day
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	log := services(env, st).AuditLog
	if *csvPath != "" {
		n, err := log.ExportCSV(f, *csvPath)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%d audit rows written to %s\n", n, *csvPath)
		return nil
	}
	rows, err := log.Audit(f)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Time.UTC().Format("2006-01-02 15:04:05"), r.User, r.Action, r.Record, r.Patient, r.Detail)
	}
	return w.Flush()
}
