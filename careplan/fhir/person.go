package fhir

import (
	"github.com/google/uuid"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// Person is everything carehub holds about one person that the export may send.
type Person struct {
	Patient     careplan.Patient
	Plans       []careplan.Plan // every version; the current one is exported
	Assessments []pam.Assessment
	Outcomes    []outcomes.Record
	Contacts    []careplan.Contact
}

// Options shape an export.
type Options struct {
	// IncludeWithoutConsent exports people whose latest decision on sharing with
	// professionals is not "given". It is for a hub moving its own records between its own
	// systems; the command line asks for it with --all.
	IncludeWithoutConsent bool
	// Codes are the concept codes and extension URLs; the zero value means DefaultCodes.
	Codes *Codes
	// AgreedPlanOnly leaves out a person whose plan in force is not an agreed one: a shared
	// record shows plans the person agreed, never a draft still being written.
	AgreedPlanOnly bool
	// WithoutEncounters leaves out the contacts log: it is the hub's own working record, not
	// part of the plan a shared record shows.
	WithoutEncounters bool
}

func (o Options) codes() Codes {
	if o.Codes != nil {
		return *o.Codes
	}
	return DefaultCodes()
}

// MayExport reports whether a person may leave the hub under opts: only with consent to share
// with professionals, because the receiver of a FHIR export is another professional's system.
func MayExport(p careplan.Patient, opts Options) bool {
	return opts.IncludeWithoutConsent || careplan.HasConsent(p.Consent, careplan.ConsentToShareProfessionals)
}

// derivedID gives a record carehub keeps without an id of its own (a condition, a consent
// scope, the care team) a stable uuid derived from the patient's id, so exporting twice
// writes the same resource ids and a receiver's PUT replaces rather than duplicates.
func derivedID(patientID, kind, key string) string {
	ns, err := uuid.Parse(patientID)
	if err != nil {
		ns = uuid.NewSHA1(uuid.NameSpaceURL, []byte("carehub:patient:"+patientID))
	}
	return uuid.NewSHA1(ns, []byte(kind+":"+key)).String()
}

// recordID is a record's own id when it is a uuid (as store ids are), or one derived from it,
// because Bundle references are urn:uuid and ids are carehub identifiers.
func recordID(patientID, kind, id string) string {
	if _, err := uuid.Parse(id); err == nil && len(id) == 36 {
		return id
	}
	return derivedID(patientID, kind, id)
}
