package service

import (
	"fmt"

	"carehub/careplan/access"
	"carehub/store"
)

// The services check the signed-in account (the one whose passphrase opened the store) before
// every change, so no screen can get round a role by calling a service directly. The screens
// also hide what a role cannot use, but that is for clarity, not protection.

// mayEditPatient refuses a change to a person's clinical record unless the signed-in account
// may make it: a coordinator, or the key worker the person's care team names.
func mayEditPatient(st *store.Store, patientID string) error {
	team, err := st.CareTeam(patientID)
	if err != nil {
		return err
	}
	if !st.SignedIn().EditsPatient(team) {
		return fmt.Errorf("%w: only this person's key worker or a coordinator can change their record", access.ErrNotAllowed)
	}
	return nil
}

// mayEditHub refuses a change to what belongs to the whole hub (staff, services, templates,
// target, care teams) unless a coordinator is signed in.
func mayEditHub(st *store.Store) error {
	if !st.SignedIn().EditsHubClinical() {
		return fmt.Errorf("%w: only a coordinator can change this", access.ErrNotAllowed)
	}
	return nil
}

// mayNominate refuses a nomination unless the account is clinical.
func mayNominate(st *store.Store) error {
	if !st.SignedIn().Nominates() {
		return fmt.Errorf("%w: only key workers and coordinators nominate people", access.ErrNotAllowed)
	}
	return nil
}

// mayManageUsers refuses account changes unless an administrator is signed in.
func mayManageUsers(st *store.Store) error {
	if !st.SignedIn().ManagesUsers() {
		return fmt.Errorf("%w: only a hub administrator manages accounts", access.ErrNotAllowed)
	}
	return nil
}
