package demo

import (
	"fmt"
	"sort"
	"strings"

	"carehub/careplan"
)

// whatMatters are things people say matter to them, in their words.
func whatMatters() []string {
	return []string{
		"Staying in my own home, with my cat.",
		"Seeing my grandchildren and being well enough to enjoy it.",
		"Not being a burden on my daughter.",
		"Getting out in the garden and to church.",
		"Keeping my independence and my dignity.",
		"Being able to get to the shops and the pub for a chat.",
		"My dog, and being able to walk him.",
		"Knowing who to call when things go wrong.",
	}
}

// strengths are what people bring to their own care.
func strengths() []string {
	return []string{
		"I'm stubborn and I don't give up.",
		"My family are close by and we get on.",
		"I know my body and I notice when something is wrong.",
		"Good neighbours who keep an eye on me.",
		"I'm organised and I like a list.",
		"I've got a sense of humour, whatever happens.",
	}
}

// jobs are what people did for a living.
func jobs() []string {
	return []string{"a dairy farmer", "a nurse at Musgrove", "a teacher", "a postman",
		"a cider maker", "a lorry driver", "a dinner lady", "in the shoe factory in Street",
		"at Westland in Yeovil", "a carpenter", "in a bank", "a cleaner", "in the Navy"}
}

func (b *builder) aboutMe() string {
	r := b.rng
	home := "I live on my own"
	if len(b.p.Carers) > 0 {
		home = "I live near my " + b.p.Carers[0].Relationship
		if rel := b.p.Carers[0].Relationship; rel == "wife" || rel == "husband" || rel == "partner" {
			home = "I live with my " + rel
		}
	}
	return fmt.Sprintf("I've lived in %s for %d years. %s. I used to work as %s. I have %s.",
		b.town.name, between(r, 3, 60), home, pick(r, jobs()), b.conditionTerms())
}

// contingency writes "if I become unwell" in the three colours, with warning signs that suit
// the person's conditions.
func (b *builder) contingency() careplan.Contingency {
	var signs, actions []string
	if b.has("13645005", "195967001") {
		signs = append(signs, "more breathless than usual or a change in my phlegm")
		actions = append(actions, "start my rescue pack")
	}
	if b.has("84114007") {
		signs = append(signs, "ankles swelling or weight up 2 kg in three days")
		actions = append(actions, "ring the heart failure nurse")
	}
	if b.has("44054006") {
		signs = append(signs, "sugars over 15 two days running")
		actions = append(actions, "follow my sick day rules")
	}
	if b.has("52448006") {
		signs = append(signs, "more muddled than usual, especially at night (could be an infection)")
	}
	if b.has("35489007") {
		signs = append(signs, "not sleeping and not wanting to see anyone")
	}
	if len(signs) == 0 {
		signs = append(signs, "feeling more tired and unsteady than usual")
	}
	actions = append(actions, "rest and keep drinking")
	call := fmt.Sprintf("My GP surgery (%s), or my key worker %s on %s", b.p.Practice.Name, b.kw.Name, b.kw.Phone)
	lives := "I live alone."
	if len(b.p.Carers) > 0 {
		c := b.p.Carers[0]
		lives = fmt.Sprintf("My %s, %s, is my carer: %s.", c.Relationship, c.Name, c.Phone)
	}
	return careplan.Contingency{
		Green: careplan.Green{WhatIDo: "Take my medicines, keep active every day, eat and drink well, and keep my appointments."},
		Amber: careplan.Amber{
			WarningSigns: capitalise(strings.Join(signs, "; ")) + ".",
			WhatIDo:      capitalise(strings.Join(actions, ", ")) + ".",
			WhoICall:     call + ". Out of hours: NHS 111.",
		},
		Red: careplan.Red{
			WhoToCall: "Call 999 if I have chest pain, can't breathe, or collapse. For urgent advice, call 111.",
			WhatTheyNeedToKnow: fmt.Sprintf("I have %s. %s My care plan is in the folder by the front door.",
				b.conditionTerms(), lives),
		},
	}
}

// people lists who is involved in the person's care.
func (b *builder) people() []careplan.Person {
	out := []careplan.Person{
		{Name: b.gp, Role: "GP", Organisation: b.p.Practice.Name, Phone: dramaLandline(b.rng)},
		{Name: b.kw.Name, Role: "Key worker", Organisation: b.town.hub, Phone: b.kw.Phone},
		{Name: b.coord.Name, Role: "Care coordinator", Organisation: b.town.hub, Phone: b.coord.Phone},
	}
	for _, c := range b.p.Carers {
		out = append(out, careplan.Person{Name: c.Name, Role: "Carer (" + c.Relationship + ")", Phone: c.Phone})
	}
	if chance(b.rng, 0.3) {
		gp := b.g.staffIn(careplan.RoleHubGP)[0]
		out = append(out, careplan.Person{Name: gp.Name, Role: "Hub GP", Organisation: b.town.hub, Phone: gp.Phone})
	}
	return out
}

// signposts lists the services the plan's actions use, linked to the goals they serve.
func (b *builder) signposts(goals []careplan.Goal) []careplan.Signpost {
	linked := map[string][]string{}
	for _, g := range goals {
		for _, a := range g.Actions {
			if a.Owner.Kind == careplan.OwnerService && !contains(linked[a.Owner.Name], g.ID) {
				linked[a.Owner.Name] = append(linked[a.Owner.Name], g.ID)
			}
		}
	}
	names := make([]string, 0, len(linked))
	for name := range linked {
		names = append(names, name)
	}
	sort.Strings(names) // map order is random; the plan must not be
	var out []careplan.Signpost
	for _, name := range names {
		out = append(out, careplan.Signpost{
			Name: name, Offers: offers(name), Area: b.town.name,
			Contact: dramaLandline(b.rng), GoalIDs: linked[name],
		})
	}
	return out
}

func offers(service string) string {
	switch service {
	case wellbeingService:
		return "Stop smoking, healthy weight and getting active support"
	case ageUK:
		return "Befriending, digital help and community meals"
	case talkingTherapies:
		return "Talking therapies for low mood and anxiety"
	case alzheimers:
		return "Dementia advisers and carers' support"
	case breatheEasy:
		return "Support group for people living with lung conditions"
	case falls:
		return "Strength and balance classes"
	case citizensAdvice:
		return "Benefits checks and money advice"
	}
	return "Social prescribing: community groups, transport and activities"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
