package careplan

import "strings"

// CaseloadEntry is one row of the hub's caseload: the little that lists, queues and search need,
// kept small so 30,000 of them load at once.
type CaseloadEntry struct {
	PatientID     string    `json:"patientId"`
	NHSNumber     NHSNumber `json:"nhsNumber"`
	GivenName     string    `json:"givenName"`
	FamilyName    string    `json:"familyName"`
	PreferredName string    `json:"preferredName,omitempty"` // so search finds "Peggy" too
	DateOfBirth   Date      `json:"dateOfBirth"`
	Status        Status    `json:"status"`
	KeyWorker     string    `json:"keyWorker,omitempty"`
	Coordinator   string    `json:"coordinator,omitempty"`
	Practice      string    `json:"practice,omitempty"`
	ReviewDate    Date      `json:"reviewDate,omitempty"` // of the current plan, if any

	// What the work queues and the dashboard need.
	NominatedOn Date `json:"nominatedOn,omitempty"`
	LastContact Date `json:"lastContact,omitempty"` // the latest contact in the contacts log
	LastPAM     Date `json:"lastPam,omitempty"`     // the latest PAM that counts (not in error)
	// FirstActive is the day the person first became active (Patient.FirstActive), kept after
	// they leave, so enrolment against target still counts people since discharged, withdrawn
	// or died.
	FirstActive Date `json:"firstActive,omitempty"`
	// Conditions holds the SNOMED CT codes joined by commas: one string rather than a slice,
	// so loading 30,000 entries costs no allocation per person for it.
	Conditions string `json:"conditions,omitempty"`
}

// LastWork is the latest day the caseload knows the hub worked with the person: the latest
// contact in the log or PAM recorded, whichever is later (zero for neither). A PAM is taken
// with the person, so it counts as contact for the "no contact" queue.
func (e CaseloadEntry) LastWork() Date {
	if e.LastPAM.After(e.LastContact) {
		return e.LastPAM
	}
	return e.LastContact
}

// SortName is the name as lists sort it: "O'Brien, Siân".
func (e CaseloadEntry) SortName() string {
	if e.FamilyName == "" {
		return e.GivenName
	}
	return e.FamilyName + ", " + e.GivenName
}

// HasCondition reports whether the person has the condition with this SNOMED CT code.
func (e CaseloadEntry) HasCondition(code string) bool {
	for rest := e.Conditions; rest != ""; {
		var c string
		c, rest, _ = strings.Cut(rest, ",")
		if c == code {
			return true
		}
	}
	return false
}

// JoinConditions writes condition codes as CaseloadEntry.Conditions holds them.
func JoinConditions(codes []string) string { return strings.Join(codes, ",") }

// CaseloadEntryFor derives a caseload row from a patient and their current plan (nil if none).
// LastContact and LastPAM come from other records, so the store fills them in.
func CaseloadEntryFor(p Patient, current *Plan) CaseloadEntry {
	e := CaseloadEntry{
		PatientID:     p.ID,
		NHSNumber:     p.NHSNumber,
		GivenName:     p.GivenName,
		FamilyName:    p.FamilyName,
		PreferredName: p.PreferredName,
		DateOfBirth:   p.DateOfBirth,
		Status:        p.Status,
		KeyWorker:     p.Team.KeyWorker,
		Coordinator:   p.Team.Coordinator,
		Practice:      p.Practice.Name,
		NominatedOn:   p.Nomination.On,
		FirstActive:   p.FirstActive(),
		Conditions:    JoinConditions(p.Conditions),
	}
	if current != nil {
		e.ReviewDate = current.ReviewDate
	}
	return e
}
