package app

import (
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
	"carehub/ui"
)

// userService gives the Users screen the hub's accounts. Each method checks that a hub
// administrator is signed in, whatever the screen shows.
type userService struct {
	store func() (*store.Store, error)
}

var _ ui.Users = (*userService)(nil)

// admin returns the open store when an administrator is signed in.
func (u *userService) admin() (*store.Store, error) {
	st, err := u.store()
	if err != nil {
		return nil, err
	}
	return st, mayManageUsers(st)
}

// Users returns every account.
func (u *userService) Users() ([]access.User, error) {
	st, err := u.admin()
	if err != nil {
		return nil, err
	}
	return st.Users()
}

// Staff returns the staff list, to link a key worker's account.
func (u *userService) Staff() ([]careplan.StaffMember, error) {
	st, err := u.admin()
	if err != nil {
		return nil, err
	}
	return st.Staff()
}

// AddUser creates an account with its own key slot.
func (u *userService) AddUser(user *access.User, passphrase string) error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	return st.AddUser(user, passphrase)
}

// ResetPassphrase re-wraps an account's key slot under a new passphrase.
func (u *userService) ResetPassphrase(id, passphrase string) error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	return st.ResetPassphrase(id, passphrase)
}

// Deactivate destroys an account's key slot.
func (u *userService) Deactivate(id string) error {
	st, err := u.admin()
	if err != nil {
		return err
	}
	return st.DeactivateUser(id)
}
