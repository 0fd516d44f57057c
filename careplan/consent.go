package careplan

// ConsentScope is what a consent covers. Consent to join the hub and consent to share the plan
// are separate decisions.
type ConsentScope string

// The consents the hub records.
const (
	ConsentToJoin               ConsentScope = "join"
	ConsentToShareCarers        ConsentScope = "share-carers"
	ConsentToShareProfessionals ConsentScope = "share-professionals"
)

// ConsentDecision is what the person said.
type ConsentDecision string

// Decisions: given, refused, or withdrawn (a consent once given, taken back).
const (
	ConsentGiven     ConsentDecision = "given"
	ConsentRefused   ConsentDecision = "refused"
	ConsentWithdrawn ConsentDecision = "withdrawn"
)

// ConsentRecord is one dated consent decision. Records are only ever appended, so the whole
// history stays.
type ConsentRecord struct {
	Scope      ConsentScope    `json:"scope"`
	Decision   ConsentDecision `json:"decision"`
	On         Date            `json:"on"`
	How        string          `json:"how,omitempty"` // verbal, written, by phone...
	RecordedBy string          `json:"recordedBy"`
	Parties    []SharedWith    `json:"parties,omitempty"` // for share consents: who exactly
}

// SharedWith names someone the plan may be shared with.
type SharedWith struct {
	Name         string `json:"name"`
	Role         string `json:"role,omitempty"`
	Organisation string `json:"organisation,omitempty"`
}

// CurrentConsent returns the latest decision for a scope, and false when there is none.
func CurrentConsent(history []ConsentRecord, scope ConsentScope) (ConsentRecord, bool) {
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Scope == scope {
			return history[i], true
		}
	}
	return ConsentRecord{}, false
}

// HasConsent reports whether the latest decision for a scope is "given". Withdrawal takes
// effect at once because only the latest decision counts.
func HasConsent(history []ConsentRecord, scope ConsentScope) bool {
	c, ok := CurrentConsent(history, scope)
	return ok && c.Decision == ConsentGiven
}
