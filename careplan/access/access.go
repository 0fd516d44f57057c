package access

import (
	"errors"
	"strings"

	"carehub/careplan"
)

// Role is what a user account may do.
type Role string

// The roles a user account can have.
const (
	KeyWorker     Role = "key worker"
	Coordinator   Role = "coordinator"
	Administrator Role = "hub administrator"
	Patient       Role = "patient"
	// SharedHub is the store's original shared passphrase (the "hub" key slot of stores made
	// before accounts existed, and of stores the command line makes). It may do what a
	// coordinator and an administrator may, so a hub can sign in once and create named accounts;
	// its entries in the audit carry no person's name, which is why named accounts replace it.
	SharedHub Role = "shared hub passphrase"
)

// Roles lists the roles an administrator can give an account (never SharedHub).
func Roles() []Role { return []Role{KeyWorker, Coordinator, Administrator, Patient} }

// Sentinel errors callers check.
var (
	ErrNotAllowed   = errors.New("your account is not allowed to do that")
	ErrUserName     = errors.New("an account needs a name")
	ErrUserRole     = errors.New("choose a role for the account")
	ErrNeedStaff    = errors.New("a key worker's account must be linked to their staff record")
	ErrNeedPatient  = errors.New("a patient's account must be linked to their record")
	ErrLastAdmin    = errors.New("the last hub administrator cannot be deactivated")
	ErrInactiveUser = errors.New("that account has been deactivated")
	ErrSecondRole   = errors.New("a second role must be key worker, coordinator or hub administrator, and not the same as the first")
)

// RoleChange is what can be changed about an account after it was added: its roles and the
// staff record it is linked to. Its name and passphrase are changed elsewhere (a name is how
// the audit and the sign-in list know the person).
type RoleChange struct {
	Role    Role
	Also    Role   // a second role, "" for none
	StaffID string // "" unlinks
}

// Has reports whether the account holds role r, as its role or its second role.
func (u User) Has(r Role) bool { return u.Role == r || (u.Also != "" && u.Also == r) }

// RoleLabel names the account's roles as people read them: "hub administrator and coordinator".
func (u User) RoleLabel() string {
	if u.Also == "" {
		return string(u.Role)
	}
	return string(u.Role) + " and " + string(u.Also)
}

// staffRole reports whether r is a role a member of the hub's staff holds (a second role may
// only be one of these: a patient or the shared passphrase is never half of a person).
func staffRole(r Role) bool { return r == KeyWorker || r == Coordinator || r == Administrator }

// User is one person's account.
type User struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role Role   `json:"role"`
	// Also is a second role the same person holds, such as a hub administrator who also
	// coordinates care: one person, one passphrase, both roles' rights ("" for none).
	Also      Role        `json:"also,omitempty"`
	StaffID   string      `json:"staffId,omitempty"`   // their staff record: a key worker's always, a coordinator's when linked
	PatientID string      `json:"patientId,omitempty"` // a patient's own record
	Active    bool        `json:"active"`
	Prefs     Preferences `json:"prefs,omitempty"`
}

// Validate checks an account can be saved. A key worker without a staff record would have an
// empty caseload they could never edit, and a patient account without a record could see
// nothing, so both are refused rather than silently useless.
func (u User) Validate() error {
	if strings.TrimSpace(u.Name) == "" {
		return ErrUserName
	}
	if u.Also != "" && (!staffRole(u.Also) || !staffRole(u.Role) || u.Also == u.Role) {
		return ErrSecondRole
	}
	if u.Also == KeyWorker && u.StaffID == "" {
		return ErrNeedStaff
	}
	switch u.Role {
	case KeyWorker:
		if u.StaffID == "" {
			return ErrNeedStaff
		}
	case Patient:
		if u.PatientID == "" {
			return ErrNeedPatient
		}
	case Coordinator, Administrator:
	default:
		return ErrUserRole
	}
	return nil
}

// ReadsCaseload reports whether the user may see the hub's whole caseload.
func (u User) ReadsCaseload() bool {
	return u.Active && u.Role != Patient && u.Role != ""
}

// ReadsPatient reports whether the user may open one person's record.
func (u User) ReadsPatient(patientID string) bool {
	if u.Role == Patient {
		return u.Active && patientID != "" && patientID == u.PatientID
	}
	return u.ReadsCaseload()
}

// EditsPatient reports whether the user may change one person's clinical record (their
// details, consent, status, plan, outcomes and contacts): a coordinator anyone, a key worker
// only the people whose care team names them as key worker.
func (u User) EditsPatient(team careplan.CareTeam) bool {
	if !u.Active {
		return false
	}
	if u.Has(Coordinator) || u.Role == SharedHub {
		return true
	}
	return u.Has(KeyWorker) && u.StaffID != "" && team.KeyWorkerID == u.StaffID
}

// PrintsClosedRecords reports whether the user may print the plan of someone whose record is
// closed (died, discharged, declined, withdrew), stamped as not current: a decision for those
// who run the hub (coordinators and administrators), as for a family or coroner's request,
// never a key worker's.
func (u User) PrintsClosedRecords() bool {
	return u.ExportsHub()
}

// CorrectsNHSNumbers reports whether the user may correct a person's NHS number: a
// coordinator's check, since a wrong number joins one person's record to another's care.
func (u User) CorrectsNHSNumbers() bool {
	return u.Active && (u.Has(Coordinator) || u.Role == SharedHub)
}

// Nominates reports whether the user may add a person to the caseload. A key worker may, since
// the hub assigns the care team afterwards.
func (u User) Nominates() bool {
	return u.Active && (u.Has(Coordinator) || u.Has(KeyWorker) || u.Role == SharedHub)
}

// EditsHubClinical reports whether the user may change what is the hub's rather than one
// person's: the staff list, the services directory, plan templates, the enrolment target.
func (u User) EditsHubClinical() bool {
	return u.Active && (u.Has(Coordinator) || u.Role == SharedHub)
}

// ManagesUsers reports whether the user may add, reset and deactivate accounts.
func (u User) ManagesUsers() bool {
	return u.Active && (u.Has(Administrator) || u.Role == SharedHub)
}

// ManagesSettings reports whether the user may change the hub's settings.
func (u User) ManagesSettings() bool { return u.ManagesUsers() }

// ViewsAudit reports whether the user may read the audit log.
func (u User) ViewsAudit() bool {
	return u.Active && (u.Has(Coordinator) || u.Has(Administrator) || u.Role == SharedHub)
}

// UsesDesktop reports whether the account may sign in to the hub's desktop app. A patient's
// account opens only their tablet, so a patient can never reach the caseload.
func (u User) UsesDesktop() bool { return u.Active && u.Role != Patient }

// CanDeactivate decides whether target may be deactivated given every account: never the last
// active administrator, or nobody could manage accounts again.
func CanDeactivate(target User, all []User) error {
	if !target.Has(Administrator) || !target.Active {
		return nil
	}
	for _, u := range all {
		if u.ID != target.ID && u.Has(Administrator) && u.Active {
			return nil
		}
	}
	return ErrLastAdmin
}

// SetsUpTablets reports whether the user may write a patient's tablet store. A tablet carries a
// whole person's plan out of the hub, so only those who run the hub (coordinators and
// administrators) hand one over, not every key worker.
func (u User) SetsUpTablets() bool {
	return u.Active && (u.Has(Coordinator) || u.Has(Administrator) || u.Role == SharedHub)
}

// SyncsDevices reports whether the user may pair devices and carry bundles between them. A
// bundle holds the hub's records, or a person's, so only those who run the hub move them.
func (u User) SyncsDevices() bool {
	return u.Active && (u.Has(Coordinator) || u.Has(Administrator) || u.Role == SharedHub)
}

// ResolvesConflicts reports whether the user may choose between two devices' edits of the same
// record. Choosing changes clinical records of anyone on the caseload, which is a
// coordinator's call; an administrator may too, so a hub without a coordinator signed in is
// never stuck with conflicts nobody can clear.
func (u User) ResolvesConflicts() bool {
	return u.Active && (u.Has(Coordinator) || u.Role == SharedHub || u.Has(Administrator))
}

// ExportsHub reports whether the user may take the whole hub out at once: a FHIR export, the
// evaluators' CSV, a backup, batch printing beyond their own caseload. Those who run the hub
// (coordinators and administrators) may; a key worker reads the caseload on screen but does
// not carry it away, and a patient never sees beyond their own record.
func (u User) ExportsHub() bool {
	return u.Active && (u.Has(Coordinator) || u.Has(Administrator) || u.Role == SharedHub)
}

// PrintsPatient reports whether the user may print one person's plan: their key worker, or
// anyone who runs the hub.
func (u User) PrintsPatient(team careplan.CareTeam) bool {
	if u.ExportsHub() {
		return true
	}
	return u.Active && u.Has(KeyWorker) && u.StaffID != "" && team.KeyWorkerID == u.StaffID
}
