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

// mayReadCaseload refuses the hub's caseload to an account that may not see it (a patient's).
func mayReadCaseload(st *store.Store) error {
	if !st.SignedIn().ReadsCaseload() {
		return fmt.Errorf("%w: only the hub's staff see its caseload", access.ErrNotAllowed)
	}
	return nil
}

// mayReadPatient refuses one person's records to an account that may not read them: a
// patient's account reads only its own person.
func mayReadPatient(st *store.Store, patientID string) error {
	if !st.SignedIn().ReadsPatient(patientID) {
		return fmt.Errorf("%w: this account reads only its own person's records", access.ErrNotAllowed)
	}
	return nil
}

// readAudited checks the account may read one person's records of kind, and records the read
// in the audit before anything is shown.
func readAudited(st *store.Store, kind store.Kind, patientID, detail string) error {
	if err := mayReadPatient(st, patientID); err != nil {
		return err
	}
	return st.RecordView(kind, patientID, detail)
}

// mayExportHub refuses a whole-hub export (FHIR, the evaluators' CSV, a backup, batch printing
// beyond one's own caseload) unless a coordinator or an administrator is signed in.
func mayExportHub(st *store.Store) error {
	if !st.SignedIn().ExportsHub() {
		return fmt.Errorf("%w: only coordinators and administrators take the whole hub's records out (exports, backups, batch printing beyond your own caseload)", access.ErrNotAllowed)
	}
	return nil
}

// mayPrintPatient refuses to print one person's plan unless the account is their key worker or
// runs the hub.
func mayPrintPatient(st *store.Store, patientID string) error {
	team, err := st.CareTeam(patientID)
	if err != nil {
		return err
	}
	if !st.SignedIn().PrintsPatient(team) {
		return fmt.Errorf("%w: a key worker prints the people on their own caseload", access.ErrNotAllowed)
	}
	return nil
}
