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
		conditions:    careplan.Conditions(),
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
