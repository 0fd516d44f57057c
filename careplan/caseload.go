package careplan

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
}

// SortName is the name as lists sort it: "O'Brien, Siân".
func (e CaseloadEntry) SortName() string {
	if e.FamilyName == "" {
		return e.GivenName
	}
	return e.FamilyName + ", " + e.GivenName
}

// CaseloadEntryFor derives a caseload row from a patient and their current plan (nil if none).
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
	}
	if current != nil {
		e.ReviewDate = current.ReviewDate
	}
	return e
}
