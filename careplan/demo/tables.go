package demo

import "carehub/careplan"

// tables holds a generator's copy of the word lists, built once so making a person does not
// rebuild them.
type tables struct {
	female, male, family []string
	// rarer names with accents, apostrophes and spaces, mixed in at a realistic rate
	femaleRare, maleRare, familyRare []string
	preferred                        map[string][]string
	towns                            []town
	streets                          []string
	gps                              []string
	relationships                    []string
	languages                        []string
	needs                            []string
	conditions                       []careplan.Condition
	conditionWeights                 []int // parallel to conditions
	terms                            map[string]string
	goals                            []goalIdea
}

func newTables() tables {
	t := tables{
		female:        femaleGivenNames(),
		male:          maleGivenNames(),
		family:        familyNames(),
		femaleRare:    distinctiveFemaleNames(),
		maleRare:      distinctiveMaleNames(),
		familyRare:    distinctiveFamilyNames(),
		preferred:     preferredNames(),
		towns:         towns(),
		streets:       streets(),
		gps:           gpSurnames(),
		relationships: relationships(),
		languages:     interpreterLanguages(),
		needs:         otherNeeds(),
		conditions:    demoConditions(),
		goals:         goalIdeas(),
	}
	w := conditionWeights()
	t.terms = map[string]string{}
	for _, c := range t.conditions {
		t.terms[c.Code] = c.Term
		t.conditionWeights = append(t.conditionWeights, max(w[c.Code], 1))
	}
	return t
}

// demoConditions are the conditions demo people are given: the hub's list, less any the demo
// has no weight for (conditionWeights). Conditions added to the hub's list later (type 1
// diabetes, schizophrenia, bipolar affective disorder, learning disability) are offered in the
// app but not handed out here, so the same seed still makes the same people, and every figure
// and screenshot drawn from demo data stays as it was.
func demoConditions() []careplan.Condition {
	w := conditionWeights()
	var out []careplan.Condition
	for _, c := range careplan.Conditions() {
		if _, ok := w[c.Code]; ok {
			out = append(out, c)
		}
	}
	return out
}
