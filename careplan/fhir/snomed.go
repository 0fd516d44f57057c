package fhir

import "strings"

// snomedTerms are the SNOMED CT terms sent as Condition.code.coding.display, for the codes on
// carehub's condition list: the term SNOMED CT gives the concept (its fully specified name
// without the semantic tag), not the hub's own wording, which goes in code.text. Kept as data;
// docs/fhir-mapping.md says how they were checked. A code not here is sent without a display
// rather than with a guess.
const snomedTerms = `44054006	Diabetes mellitus type 2
13645005	Chronic obstructive lung disease
84114007	Heart failure
38341003	Hypertensive disorder, systemic arterial
49436004	Atrial fibrillation
709044004	Chronic kidney disease
195967001	Asthma
52448006	Dementia
35489007	Depressive disorder
396275006	Osteoarthritis
69896004	Rheumatoid arthritis
53741008	Coronary arteriosclerosis
230690007	Cerebrovascular accident
266257000	Transient ischemic attack
84757009	Epilepsy
363346000	Malignant neoplastic disease
49049000	Parkinson's disease
24700007	Multiple sclerosis
82423001	Chronic pain`

// SNOMEDTerm returns the SNOMED CT term for a condition code, and whether carehub has one.
func SNOMEDTerm(code string) (string, bool) {
	for rest := snomedTerms; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if c, term, ok := strings.Cut(line, "\t"); ok && c == code {
			return term, true
		}
	}
	return "", false
}
