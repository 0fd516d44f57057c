package careplan

import (
	"sort"
	"strings"
)

// specialismList says which key-worker specialisms suit which long-term conditions, as data
// (SNOMED CT code<TAB>specialism, one pair a line), so the hub can change the matching without
// touching the rules. A condition may suit more than one specialism.
const specialismList = `52448006	dementia
13645005	telehealth
84114007	telehealth
38341003	telehealth
49436004	telehealth
195967001	telehealth
44054006	telehealth
396275006	falls
69896004	falls
49049000	falls
230690007	falls
24700007	falls
84757009	falls
35489007	mental health
82423001	therapy support
230690007	therapy support
24700007	therapy support`

// SpecialismsFor returns the specialisms that suit a condition, in the order of the list.
func SpecialismsFor(code string) []Specialism {
	var out []Specialism
	for rest := specialismList; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if c, spec, ok := strings.Cut(line, "\t"); ok && c == code {
			out = append(out, Specialism(spec))
		}
	}
	return out
}

// KeyWorkerSuggestion is a key worker whose specialisms suit some of the person's conditions.
type KeyWorkerSuggestion struct {
	Staff StaffMember
	// Because names the conditions matched, with the specialism: "Dementia (dementia)".
	Because []string
}

// SuggestKeyWorkers returns the active key workers whose specialisms suit the person's
// conditions, best match first (most conditions matched, then by name). It is a suggestion
// only: the coordinator chooses.
func SuggestKeyWorkers(conditions []string, staff []StaffMember) []KeyWorkerSuggestion {
	var out []KeyWorkerSuggestion
	for _, m := range staff {
		if m.Role != RoleKeyWorker || !m.Active {
			continue
		}
		s := KeyWorkerSuggestion{Staff: m}
		for _, code := range conditions {
			for _, spec := range SpecialismsFor(code) {
				if hasSpecialism(m, spec) {
					s.Because = append(s.Because, ConditionTerm(code)+" ("+string(spec)+")")
					break
				}
			}
		}
		if len(s.Because) > 0 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Because) != len(out[j].Because) {
			return len(out[i].Because) > len(out[j].Because)
		}
		return out[i].Staff.Name < out[j].Staff.Name
	})
	return out
}

func hasSpecialism(m StaffMember, s Specialism) bool {
	for _, have := range m.Specialisms {
		if have == s {
			return true
		}
	}
	return false
}
