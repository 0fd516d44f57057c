package service

import (
	"fmt"

	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
)

// Users gives the Users screen the hub's accounts. Each method checks that a hub
// administrator is signed in, whatever the screen shows.
type Users struct{ base }

// admin returns the open store when an administrator is signed in.
func (u *Users) admin() (*store.Store, error) {
	st, err := u.store()
	if err != nil {
		return nil, err
	}
	return st, mayManageUsers(st)
}

// Users returns every account.
func (u *Users) Users() ([]access.User, error) {
	st, err := u.admin()
	if err != nil {
		return nil, err
	}
	return st.Users()
}

// Staff returns the staff list, to link a key worker's account.
func (u *Users) Staff() ([]careplan.StaffMember, error) {
	st, err := u.admin()
	if err != nil {
		return nil, err
	}
	return st.Staff()
}

// AddUser creates an account with its own key slot. A patient's account is made only with
// their tablet (SetUpTablet), never beside the hub's staff: the Users screen offers no patient
// role, and this says the same to anyone who calls it.
func (u *Users) AddUser(user *access.User, passphrase string) error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	if user.Role == access.Patient {
		return fmt.Errorf("%w: a patient's account is made with their tablet (Set up tablet…), not here", access.ErrNotAllowed)
	}
	if err := activeStaff(st, user.StaffID); err != nil {
		return err
	}
	return st.AddUser(user, passphrase)
}

// ChangeRoles gives an account new roles or links it to a staff record (so a coordinator can
// choose themselves as a person's care coordinator, and a key worker sees their own caseload).
// A linked staff record must be an active one on the staff list.
func (u *Users) ChangeRoles(id string, roles access.RoleChange) error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	if err := activeStaff(st, roles.StaffID); err != nil {
		return err
	}
	return st.ChangeRoles(id, roles)
}

// activeStaff refuses a staff link to a record that is not an active member of staff ("" links
// nothing and passes).
func activeStaff(st *store.Store, staffID string) error {
	if staffID == "" {
		return nil
	}
	staff, err := st.Staff()
	if err != nil {
		return err
	}
	for _, m := range staff {
		if m.ID == staffID && m.Active {
			return nil
		}
	}
	return fmt.Errorf("the staff record to link is not on the staff list (or has left): choose another")
}

// ResetPassphrase re-wraps an account's key slot under a new passphrase.
func (u *Users) ResetPassphrase(id, passphrase string) error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	return st.ResetPassphrase(id, passphrase)
}

// Deactivate destroys an account's key slot.
func (u *Users) Deactivate(id string) error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	return st.DeactivateUser(id)
}

// RetireSharedPassphrase destroys an older store's shared "hub" key slot, so that only named
// accounts open the store. An administrator does it signed in as themselves.
func (u *Users) RetireSharedPassphrase() error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	return st.RetireSharedSlot()
}

// NeedNewPassphrase names the active accounts a rotation left without a key slot (theirs was
// from before grants and nobody had signed in with it since): an administrator resets them.
func (u *Users) NeedNewPassphrase() ([]string, error) {
	st, err := u.admin()
	if err != nil {
		return nil, err
	}
	return st.AccountsWithoutSlot()
}
