package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"carehub/careplan"
)

// builder makes one person. It exists for the length of one Next call.
type builder struct {
	g      *Generator
	rng    *rand.Rand
	index  int
	serial int // counts ids handed out for this person
	p      careplan.Patient
	town   town
	male   bool
	kw     careplan.StaffMember // key worker, or zero while only nominated
	coord  careplan.StaffMember
	gp     string // the nominating GP
	// dates of the pathway steps that happened, zero when not reached
	consentedOn, activeOn, endedOn careplan.Date
}

func (b *builder) person() Person {
	b.identity()
	b.address()
	b.conditions()
	b.needsAndCarers()
	b.team()
	b.pathway()
	out := Person{Patient: b.p}
	if !b.consentedOn.IsZero() && b.p.Status != careplan.StatusDeclined && b.p.Status != careplan.StatusWithdrew {
		out.Assessments = b.assessments()
		out.Plans = b.plans(out.Assessments)
		// After the plans, so a plan's recorded PAM level is the one the hub saw at the time,
		// even when that PAM was later found to be a mistake.
		b.markPAMsInError(out.Assessments)
		out.Outcomes = b.outcomes(out.Assessments)
	}
	return out
}

func (b *builder) identity() {
	r, t := b.rng, &b.g.t
	b.p.ID = b.g.id("patient", b.index, 0)
	b.p.NHSNumber = b.g.nhsNumber()
	b.male = chance(r, 0.46)
	if b.male {
		b.p.GivenName = pickName(r, t.male, t.maleRare)
	} else {
		b.p.GivenName = pickName(r, t.female, t.femaleRare)
	}
	b.p.FamilyName = pickName(r, t.family, t.familyRare)
	if alts := t.preferred[b.p.GivenName]; len(alts) > 0 && chance(r, 0.4) {
		b.p.PreferredName = pick(r, alts)
	}
	// Complex care is mostly older people: three in four are 55-95, the rest 45-95.
	age := between(r, 55, 95)
	if chance(r, 0.25) {
		age = between(r, 45, 95)
	}
	b.p.DateOfBirth = b.g.today.AddMonths(-12 * age).AddDays(-r.IntN(365))
}

// pickName mostly picks a common name, and about one time in eight a distinctive one.
func pickName(r *rand.Rand, common, rare []string) string {
	if chance(r, 0.125) {
		return pick(r, rare)
	}
	return pick(r, common)
}

func (b *builder) address() {
	r, t := b.rng, &b.g.t
	b.town = pick(r, t.towns)
	const inward = "ABDEFGHJLNPQRSTUWXYZ" // letters used in the inward part of a postcode
	b.p.Contact = careplan.ContactDetails{
		Address: fmt.Sprintf("%d %s, %s", between(r, 1, 140), pick(r, t.streets), b.town.name),
		Postcode: fmt.Sprintf("%s %d%c%c", pick(r, b.town.districts), r.IntN(10),
			inward[r.IntN(len(inward))], inward[r.IntN(len(inward))]),
		Phone: dramaLandline(r),
	}
	if chance(r, 0.3) {
		b.p.Contact.Phone = dramaMobile(r)
	}
	if chance(r, 0.2) {
		b.p.Contact.Email = asciiLetters(b.p.GivenName) + "." + asciiLetters(b.p.FamilyName) + "@example.com"
	}
	b.p.Practice = pick(r, b.town.practices)
	const initials = "ABCDEFGHJKLMNPRSTW"
	b.gp = fmt.Sprintf("Dr %c. %s", initials[r.IntN(len(initials))], pick(r, t.gps))
}

// conditions gives three to seven distinct conditions, or, for about one in 25, two with a
// clinical-judgement reason.
func (b *builder) conditions() {
	r, t := b.rng, &b.g.t
	n := between(r, 3, 7)
	twoWithJudgement := chance(r, 0.04)
	if twoWithJudgement {
		n = 2
	}
	seen := map[int]bool{}
	for len(b.p.Conditions) < n {
		i := weighted(r, t.conditionWeights)
		if !seen[i] {
			seen[i] = true
			b.p.Conditions = append(b.p.Conditions, t.conditions[i].Code)
		}
	}
	if twoWithJudgement {
		b.p.Nomination.Judgement = &careplan.ClinicalJudgement{
			Reason: pick(r, []string{
				"Four emergency admissions in the last year and lives alone",
				"Carer breakdown likely; frequent calls to 111",
				"Frailty and recent bereavement; not coping at home",
				"Housebound with poor medicines management",
			}),
			By: b.gp,
		}
	}
}

func (b *builder) needsAndCarers() {
	r, t := b.rng, &b.g.t
	b.p.Needs.LargePrint = chance(r, 0.12)
	if chance(r, 0.03) {
		b.p.Needs.Interpreter = pick(r, t.languages)
	}
	if chance(r, 0.08) {
		b.p.Needs.Other = pick(r, t.needs)
	}
	carers := weighted(r, []int{45, 40, 15})
	for range carers {
		rel := pick(r, t.relationships)
		family := b.p.FamilyName
		if rel == "neighbour" || rel == "friend" || chance(r, 0.3) {
			family = pickName(r, t.family, t.familyRare)
		}
		given := pick(r, t.female)
		if strings.HasSuffix(rel, "husband") || rel == "son" || rel == "brother" || (rel != "wife" && chance(r, 0.3)) {
			// The man's name is drawn as it always was, so a seed still makes the same hub;
			// a daughter, sister or granddaughter keeps her woman's name.
			if male := pick(r, t.male); !womansRelationship(rel) {
				given = male
			}
		}
		b.p.Carers = append(b.p.Carers, careplan.Carer{
			Name: given + " " + family, Relationship: rel, Phone: dramaMobile(r),
		})
	}
}

// womansRelationship is a relationship only a woman has to the person: a daughter is never
// called John.
func womansRelationship(rel string) bool {
	switch rel {
	case "wife", "daughter", "daughter-in-law", "sister", "granddaughter":
		return true
	}
	return false
}

// team assigns a coordinator, and a key worker whose specialism suits the person's
// conditions when one does (most of the time: caseloads also have to balance).
func (b *builder) team() {
	r := b.rng
	b.coord = pick(r, b.g.staffIn(careplan.RoleCoordinator))
	b.p.Team = careplan.CareTeam{CoordinatorID: b.coord.ID, Coordinator: b.coord.Name}
	kws := b.g.staffIn(careplan.RoleKeyWorker)
	b.kw = pick(r, kws)
	if !chance(r, 0.85) {
		return
	}
	// The most specific need decides: dementia before mental health before telehealth...
	for _, spec := range specialismPriority() {
		if !b.needs(spec) {
			continue
		}
		var fits []careplan.StaffMember
		for _, m := range kws {
			if hasSpecialism(m, spec) {
				fits = append(fits, m)
			}
		}
		if len(fits) > 0 {
			b.kw = pick(r, fits)
			return
		}
	}
}

// needs reports whether any of the person's conditions calls for a specialism.
func (b *builder) needs(spec careplan.Specialism) bool {
	for _, code := range b.p.Conditions {
		for _, s := range specialismsFor(code) {
			if s == spec {
				return true
			}
		}
	}
	return false
}

func hasSpecialism(m careplan.StaffMember, s careplan.Specialism) bool {
	for _, x := range m.Specialisms {
		if x == s {
			return true
		}
	}
	return false
}

// conditionTerms lists the person's conditions as a sentence reads them: "type 2 diabetes,
// COPD and Parkinson's disease".
func (b *builder) conditionTerms() string {
	var terms []string
	for _, c := range b.p.Conditions {
		term := b.g.t.terms[c]
		if i := strings.Index(term, " ("); i > 0 {
			term = term[:i]
		}
		// Lower-case the first letter unless it starts an acronym (COPD, TIA) or a name.
		if len(term) > 1 && !(term[1] >= 'A' && term[1] <= 'Z') && !strings.HasPrefix(term, "Parkinson") {
			term = strings.ToLower(term[:1]) + term[1:]
		}
		terms = append(terms, term)
	}
	if len(terms) < 2 {
		return strings.Join(terms, "")
	}
	return strings.Join(terms[:len(terms)-1], ", ") + " and " + terms[len(terms)-1]
}

func (b *builder) has(codes ...string) bool {
	for _, c := range b.p.Conditions {
		for _, want := range codes {
			if c == want {
				return true
			}
		}
	}
	return false
}
