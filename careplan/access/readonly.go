package access

import "carehub/careplan"

// ReadOnlyBecause says, in the words a record's screen shows, why the account may read a
// person's record but not change it; "" when it may change it. A record that opens read only
// with no reason looks broken, and a key worker in a hurry needs to know who can make the
// change instead.
func (u User) ReadOnlyBecause(team careplan.CareTeam) string {
	if u.EditsPatient(team) {
		return ""
	}
	who := "A coordinator"
	if team.KeyWorker != "" {
		who = "Their key worker, " + team.KeyWorker + ", or a coordinator"
	}
	change := who + " can change it."
	switch {
	case !u.Active:
		return "Read only: this account has been deactivated."
	case u.Has(KeyWorker) && team.KeyWorkerID == "":
		return "Read only: nobody is this person's key worker yet, and only their key worker or a coordinator changes a record. A coordinator can assign a key worker."
	case u.Has(KeyWorker):
		return "Read only: you are not this person's key worker. " + change
	case u.Has(Administrator):
		return "Read only: you are signed in as a hub administrator, who looks after accounts, settings and backups but not people's care. " + change
	}
	return "Read only: your account does not change people's records. " + change
}
