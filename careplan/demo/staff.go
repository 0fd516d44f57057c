package demo

import (
	"math/rand/v2"
	"strings"

	"carehub/careplan"
)

// The hub's establishment: eight key workers, three care coordinators and one hub GP.
const (
	keyWorkers   = 8
	coordinators = 3
)

// makeStaff builds the hub's staff. Key workers cover every specialism between them, so each
// person can be matched to someone who fits their conditions.
func (g *Generator) makeStaff(r *rand.Rand) []careplan.StaffMember {
	specs := careplan.Specialisms()
	var out []careplan.StaffMember
	for i, name := range staffNames() {
		m := careplan.StaffMember{
			ID:     g.id("staff", -1, i),
			Name:   name,
			Active: true,
			Phone:  dramaLandline(r),
		}
		switch {
		case i < keyWorkers:
			m.Role = careplan.RoleKeyWorker
			first := specs[i%len(specs)]
			m.Specialisms = []careplan.Specialism{first}
			if second := pick(r, specs); second != first && chance(r, 0.6) {
				m.Specialisms = append(m.Specialisms, second)
			}
		case i < keyWorkers+coordinators:
			m.Role = careplan.RoleCoordinator
		default:
			m.Role = careplan.RoleHubGP
		}
		out = append(out, m)
	}
	return out
}

// Staff returns the hub's staff: key workers, care coordinators and the hub GP. The slice is
// a copy, so changing it does not change the people the generator makes.
func (g *Generator) Staff() []careplan.StaffMember {
	out := make([]careplan.StaffMember, len(g.staff))
	for i, m := range g.staff {
		m.Specialisms = append([]careplan.Specialism(nil), m.Specialisms...)
		out[i] = m
	}
	return out
}

// staffIn returns the staff with a role, in a stable order.
func (g *Generator) staffIn(role careplan.Role) []careplan.StaffMember {
	var out []careplan.StaffMember
	for _, m := range g.staff {
		if m.Role == role {
			out = append(out, m)
		}
	}
	return out
}

// specialismsFor returns the key-worker specialisms that suit a condition.
func specialismsFor(code string) []careplan.Specialism {
	switch code {
	case "52448006": // dementia
		return []careplan.Specialism{careplan.SpecDementia}
	case "13645005": // COPD
		return []careplan.Specialism{careplan.SpecTelehealth, careplan.SpecSmoking}
	case "84114007", "49436004": // heart failure, atrial fibrillation
		return []careplan.Specialism{careplan.SpecTelehealth}
	case "195967001": // asthma
		return []careplan.Specialism{careplan.SpecSmoking}
	case "35489007": // depression
		return []careplan.Specialism{careplan.SpecMentalHealth}
	case "49049000", "24700007", "230690007", "396275006": // Parkinson's, MS, stroke, OA
		return []careplan.Specialism{careplan.SpecFalls, careplan.SpecTherapy}
	case "82423001", "69896004": // chronic pain, rheumatoid arthritis
		return []careplan.Specialism{careplan.SpecTherapy}
	}
	return nil
}

// specialismPriority orders specialisms from the most to the least specific need, for
// choosing one key worker for someone with several conditions.
func specialismPriority() []careplan.Specialism {
	return []careplan.Specialism{careplan.SpecDementia, careplan.SpecMentalHealth,
		careplan.SpecTelehealth, careplan.SpecFalls, careplan.SpecTherapy, careplan.SpecSmoking,
		careplan.SpecDischarge}
}

// dramaLandline is a number in Ofcom's range for drama (01632 960000-960999): it looks real
// and can never ring anyone.
func dramaLandline(r *rand.Rand) string {
	return "01632 960" + threeDigits(r)
}

// dramaMobile is a number in Ofcom's mobile drama range (07700 900000-900999).
func dramaMobile(r *rand.Rand) string {
	return "07700 900" + threeDigits(r)
}

func threeDigits(r *rand.Rand) string {
	n := r.IntN(1000)
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

// asciiLetters keeps the plain letters of a name, for making up e-mail addresses.
func asciiLetters(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}
