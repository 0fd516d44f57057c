package service

import (
	"carehub/careplan"
	"carehub/careplan/access"
	"carehub/store"
)

// FirstCoordinator gives a signed-in coordinator who has no staff record one in their own
// name, linked to their account, so they appear on the staff list and can be chosen (and
// choose themselves) as a person's care coordinator. Anyone else is left as they are.
func FirstCoordinator(st *store.Store) error {
	me := st.SignedIn()
	if !me.Has(access.Coordinator) || me.StaffID != "" || me.ID == "" {
		return nil
	}
	m := careplan.StaffMember{Name: me.Name, Role: careplan.RoleCoordinator, Active: true}
	if err := st.SaveStaff(&m); err != nil {
		return err
	}
	return st.ChangeRoles(me.ID, access.RoleChange{Role: me.Role, Also: me.Also, StaffID: m.ID})
}
