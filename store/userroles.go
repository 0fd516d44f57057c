package store

import (
	"fmt"

	"carehub/careplan/access"
)

// ChangeRoles gives an active account new roles or a new staff link, audited with what
// changed. The last active hub administrator keeps that role, or nobody could manage accounts
// again; a patient's account is never made on a hub. If the account is the one signed in, its
// new rights apply at once.
func (s *Store) ChangeRoles(id string, r access.RoleChange) error {
	all, err := s.Users()
	if err != nil {
		return err
	}
	var changed access.User
	err = s.update(func(w *writer) error {
		u, err := getUser(w.tx, w.keys, id)
		if err != nil {
			return err
		}
		if !u.Active {
			return access.ErrInactiveUser
		}
		before := u
		u.Role, u.Also, u.StaffID = r.Role, r.Also, r.StaffID
		if err := u.Validate(); err != nil {
			return err
		}
		if u.Role == access.Patient || before.Role == access.Patient {
			return ErrPatientOnHub
		}
		if before.Has(access.Administrator) && !u.Has(access.Administrator) {
			if err := access.CanDeactivate(before, all); err != nil {
				return err
			}
		}
		if err := w.putUser(u); err != nil {
			return err
		}
		changed = u
		return w.audit(AuditUpdated, "", "", auditNote{detail: rolesChange(before, u)})
	})
	if err == nil && s.SignedIn().ID == changed.ID {
		s.signIn(changed)
	}
	return err
}

// rolesChange says in the audit what a change of roles did.
func rolesChange(before, after access.User) string {
	d := fmt.Sprintf("account %q: %s", after.Name, before.RoleLabel())
	if before.RoleLabel() != after.RoleLabel() {
		d += " → " + after.RoleLabel()
	}
	switch {
	case before.StaffID == after.StaffID:
	case after.StaffID == "":
		d += ", staff record unlinked"
	default:
		d += ", linked to staff record " + after.StaffID
	}
	return d
}
