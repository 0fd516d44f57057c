package careplan

import (
	"sort"
	"strings"
)

// Condition is a long-term condition coded in SNOMED CT.
type Condition struct {
	Code string // SNOMED CT concept id
	Term string // the words staff and patients use
}

// conditionList is the hub's list of long-term conditions, kept as data (code<TAB>term, one a
// line) so the hub can correct a code without touching the rules. The codes come from
// shared/domain.md; those marked UNVERIFIED there must be checked before they are relied on
// outside the hub.
//
// The last four (issue 14) were checked against published code lists found with the project's
// code search (terminology files in public repositories), not against a SNOMED CT browser:
//   - 46635009 "Diabetes mellitus type 1 (disorder)", listed beside 44054006 type 2 in an
//     ontology of diabetes diagnosis codes (hsolbrig/BDP-Ontology, DiabetesDiagnosisTopics);
//   - 58214004 "Schizophrenia" and 13746004 "Bipolar affective disorder", together in several
//     mental health code lists (a serious-mental-illness SQL code set names them "schizophrenia"
//     and "bipolar affective disorder"; FHIR examples code 13746004 as "Bipolar disorder");
//   - 110359009 "Intellectual disability (disorder)", the concept UK code sets use for learning
//     disability (the QCOVID risk model's "learning disability or Down's syndrome" input, and a
//     UK diagnoses list under "Learning Disability"). Some lists use 228156009 "learning
//     disability" instead: check with the hub's clinical system before exporting.
const conditionList = `44054006	Type 2 diabetes
13645005	COPD (chronic obstructive pulmonary disease)
84114007	Heart failure
38341003	Hypertension (high blood pressure)
49436004	Atrial fibrillation
709044004	Chronic kidney disease
195967001	Asthma
52448006	Dementia
35489007	Depression
396275006	Osteoarthritis
69896004	Rheumatoid arthritis
53741008	Coronary heart disease
230690007	Stroke
266257000	TIA (transient ischaemic attack)
84757009	Epilepsy
363346000	Cancer
49049000	Parkinson's disease
24700007	Multiple sclerosis
82423001	Chronic pain
46635009	Type 1 diabetes
58214004	Schizophrenia
13746004	Bipolar affective disorder
110359009	Learning disability`

// Conditions returns the hub's list of long-term conditions, sorted by term.
func Conditions() []Condition {
	var out []Condition
	for _, line := range strings.Split(conditionList, "\n") {
		code, term, ok := strings.Cut(line, "\t")
		if ok {
			out = append(out, Condition{Code: code, Term: term})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Term < out[j].Term })
	return out
}

// ConditionByCode finds a condition on the hub's list by its SNOMED CT code.
func ConditionByCode(code string) (Condition, bool) {
	// Scan the text itself: Validate calls this for every condition of every patient, and
	// building and sorting the whole list each time made loading 30,000 people slow.
	for rest := conditionList; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if c, term, ok := strings.Cut(line, "\t"); ok && c == code {
			return Condition{Code: c, Term: term}, true
		}
	}
	return Condition{}, false
}

// ConditionTerm returns the words for a code, or the code itself when it is not on the list,
// so an unknown code is shown rather than hidden.
func ConditionTerm(code string) string {
	if c, ok := ConditionByCode(code); ok {
		return c.Term
	}
	return "SNOMED CT " + code
}

// SearchConditions returns the conditions whose term contains the typed text, ignoring case
// ("diab" finds Type 2 diabetes).
func SearchConditions(typed string) []Condition {
	typed = strings.ToLower(strings.TrimSpace(typed))
	var out []Condition
	for _, c := range Conditions() {
		if strings.Contains(strings.ToLower(c.Term), typed) {
			out = append(out, c)
		}
	}
	return out
}
