package demo

import (
	"fmt"
	"time"

	"carehub/careplan"
	"carehub/pam"
)

// plans writes the person's care and support plan: one or two agreed versions, the latest
// reviewed between about two months ago and six months ahead, and for some a draft in
// progress. Each agreed version carries the PAM level recorded before it was agreed.
func (b *builder) plans(pams []pam.Assessment) []careplan.Plan {
	r := b.rng
	start, ref := b.consentedOn, b.refDate()
	if !b.activeOn.IsZero() {
		start = b.activeOn
	}
	review := ref.AddDays(between(r, -60, 182))
	agreedOn := review.AddMonths(-6)
	if agreedOn.Before(start) {
		agreedOn = start.AddDays(r.IntN(15))
	}
	if agreedOn.After(ref) {
		agreedOn = ref
	}
	if !review.After(agreedOn.AddDays(28)) {
		review = agreedOn.AddMonths(between(r, 3, 6))
	}

	var out []careplan.Plan
	firstOn := agreedOn.AddMonths(-6).AddDays(between(r, -10, 10))
	if !firstOn.Before(start) && chance(r, 0.6) {
		v1 := b.newPlan(firstOn, levelOn(pams, firstOn))
		v1.ReviewDate = agreedOn
		b.agree(&v1, firstOn, pams)
		b.settle(&v1, agreedOn) // the actions as they stood at the review
		v2 := v1.NextDraft(b.nextID("plan"))
		b.rollOver(&v2, agreedOn)
		v2.ReviewDate = review
		b.agree(&v2, agreedOn, pams)
		b.settle(&v2, ref)
		out = append(out, v1, v2)
	} else {
		v1 := b.newPlan(agreedOn, levelOn(pams, agreedOn))
		v1.ReviewDate = review
		b.agree(&v1, agreedOn, pams)
		b.settle(&v1, ref)
		out = append(out, v1)
	}
	if b.p.Status.Open() && chance(r, 0.25) {
		d := out[len(out)-1].NextDraft(b.nextID("plan"))
		b.editDraft(&d)
		out = append(out, d)
	}
	if draftOnly(b.p) {
		return asFirstDraft(out)
	}
	for i := range out {
		reviewGoals(&out[i], b.p.ID)
		b.planAhead(&out[i])
	}
	return out
}

// planAhead fills the Planning ahead section for the oldest people (85 and over), chosen and
// worded from the NHS number rather than the random stream, so every other demo value stays as
// it was before the section existed. Dated the day the version was agreed (or started), told by
// the person or their first carer.
func (b *builder) planAhead(p *careplan.Plan) {
	if b.p.DateOfBirth.AgeOn(b.g.today) < 85 || len(b.p.NHSNumber) < 10 {
		return
	}
	on := b.g.today
	if p.Agreement != nil {
		on = p.Agreement.On
	}
	told := b.p.FullName()
	lpa := "None in place"
	if len(b.p.Carers) > 0 {
		told = b.p.Carers[0].Name
		lpa = b.p.Carers[0].Name + " (" + b.p.Carers[0].Relationship + ")"
	}
	item := func(answer string) careplan.AheadItem {
		return careplan.AheadItem{Answer: answer, On: on, ToldBy: told}
	}
	pick := int(b.p.NHSNumber[8] - '0')
	p.Ahead.Respect = item([]string{"In place: kept with the medicines by the fridge", "Not in place: to talk about with the GP"}[pick%2])
	p.Ahead.LPA = item(lpa)
	p.Ahead.PlaceOfCare = item("At home")
	if pick%3 == 0 {
		p.Ahead.PlaceOfDeath = item([]string{"At home", "At the hospice"}[pick%2])
	}
}

// agree locks a version as agreed with the key worker on a working-hours time that day.
func (b *builder) agree(p *careplan.Plan, on careplan.Date, pams []pam.Assessment) {
	at := on.Time().Add(time.Duration(between(b.rng, 9*4, 16*4)) * 15 * time.Minute)
	if err := p.Agree(b.kw.Name, at, b.g.today, levelOn(pams, on)); err != nil {
		panic(fmt.Sprintf("demo: generated a plan that cannot be agreed: %v", err)) // a bug here
	}
}

// newPlan writes a first version with the person. Someone at PAM level 1 gets fewer goals and
// smaller steps: a plan with many actions at level 1 is a warning sign.
func (b *builder) newPlan(on careplan.Date, pamLevel int) careplan.Plan {
	r := b.rng
	maxGoals, maxActions := 5, 4
	if pamLevel == 1 {
		maxGoals, maxActions = 3, 2
	}
	p := careplan.Plan{
		ID:          b.nextID("plan"),
		PatientID:   b.p.ID,
		Version:     1,
		State:       careplan.PlanDraft,
		AboutMe:     b.aboutMe(),
		WhatMatters: pick(r, whatMatters()),
		Strengths:   pick(r, strengths()),
		Contingency: b.contingency(),
		People:      b.people(),
	}
	for _, idea := range b.pickGoals(between(r, 2, maxGoals)) {
		p.Goals = append(p.Goals, b.goal(idea, on, maxActions))
	}
	p.Support = b.signposts(p.Goals)
	return p
}

// pickGoals chooses distinct goal ideas, favouring those that suit the person's conditions.
func (b *builder) pickGoals(n int) []goalIdea {
	var ideas []goalIdea
	var weights []int
	for _, idea := range b.g.t.goals {
		switch {
		case len(idea.fits) == 0:
			weights = append(weights, 1)
		case b.has(idea.fits...):
			weights = append(weights, 4)
		default:
			continue
		}
		ideas = append(ideas, idea)
	}
	var out []goalIdea
	for len(out) < n && len(out) < len(ideas) {
		i := weighted(b.rng, weights)
		if weights[i] == 0 {
			continue
		}
		weights[i] = 0
		out = append(out, ideas[i])
	}
	return out
}

func (b *builder) goal(idea goalIdea, on careplan.Date, maxActions int) careplan.Goal {
	r := b.rng
	g := careplan.Goal{
		ID:         b.nextID("goal"),
		Domain:     idea.domain,
		InMyWords:  idea.words,
		Importance: careplan.Score(between(r, 5, 10)),
		Confidence: careplan.Score(between(r, 2, 9)),
	}
	var usable []actionIdea
	for _, a := range idea.actions {
		if a.owner != careplan.OwnerCarer || len(b.p.Carers) > 0 {
			usable = append(usable, a)
		}
	}
	r.Shuffle(len(usable), func(i, j int) { usable[i], usable[j] = usable[j], usable[i] })
	for _, a := range usable[:min(len(usable), between(r, 1, maxActions))] {
		g.Actions = append(g.Actions, careplan.Action{
			ID:     b.nextID("action"),
			What:   a.what,
			Owner:  b.owner(a),
			Due:    on.AddDays(between(r, 14, 120)),
			Status: careplan.ActionOpen,
		})
	}
	return g
}

func (b *builder) owner(a actionIdea) careplan.ActionOwner {
	switch a.owner {
	case careplan.OwnerKeyWorker:
		return careplan.ActionOwner{Kind: a.owner, Name: b.kw.Name}
	case careplan.OwnerCarer:
		return careplan.ActionOwner{Kind: a.owner, Name: pick(b.rng, b.p.Carers).Name}
	case careplan.OwnerService:
		name := a.service
		if name == localConnector {
			name = b.town.connector
		}
		return careplan.ActionOwner{Kind: a.owner, Name: name}
	}
	return careplan.ActionOwner{Kind: careplan.OwnerPatient}
}

// settle marks what became of a version's open actions by a day: most that fell due were done,
// some dropped, some still open and overdue; a few not yet due were done early.
func (b *builder) settle(p *careplan.Plan, asOf careplan.Date) {
	r := b.rng
	agreed := p.Agreement.On
	for gi := range p.Goals {
		for ai := range p.Goals[gi].Actions {
			a := &p.Goals[gi].Actions[ai]
			if a.Status != careplan.ActionOpen {
				continue
			}
			dueSoFar := a.Due.Before(asOf)
			switch n := r.Float64(); {
			case dueSoFar && n < 0.65, !dueSoFar && n < 0.12:
				last := asOf
				if late := a.Due.AddDays(21); late.Before(last) {
					last = late
				}
				a.Status = careplan.ActionDone
				a.DoneOn = agreed.AddDays(r.IntN(max(0, agreed.DaysUntil(last)) + 1))
			case dueSoFar && n < 0.80:
				a.Status = careplan.ActionDropped
			}
		}
	}
}

// rollOver starts the next version at a review: closed actions stay in the old version, open
// ones get a new date, a goal with nothing left gets a next step, and sometimes a new goal.
func (b *builder) rollOver(p *careplan.Plan, on careplan.Date) {
	r := b.rng
	for gi := range p.Goals {
		g := &p.Goals[gi]
		var kept []careplan.Action
		for _, a := range g.Actions {
			if a.Status == careplan.ActionOpen {
				a.Due = on.AddDays(between(r, 28, 112))
				kept = append(kept, a)
			}
		}
		if len(kept) == 0 {
			kept = append(kept, careplan.Action{
				ID: b.nextID("action"), What: "Keep it up and tell my key worker how it is going",
				Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient}, Due: on.AddDays(between(r, 56, 112)),
				Status: careplan.ActionOpen,
			})
		}
		g.Actions = kept
		g.Confidence = careplan.Score(min(10, *g.Confidence+r.IntN(3)))
	}
	if len(p.Goals) < 5 && chance(r, 0.3) {
		for _, idea := range b.pickGoals(len(p.Goals) + 1) {
			if !hasGoal(p.Goals, idea.words) {
				p.Goals = append(p.Goals, b.goal(idea, on, 2))
				p.Support = b.signposts(p.Goals)
				break
			}
		}
	}
}

func hasGoal(goals []careplan.Goal, words string) bool {
	for _, g := range goals {
		if g.InMyWords == words {
			return true
		}
	}
	return false
}

// editDraft makes the small changes a key worker makes ahead of a review.
func (b *builder) editDraft(d *careplan.Plan) {
	r := b.rng
	g := &d.Goals[r.IntN(len(d.Goals))]
	g.Confidence = careplan.Score(min(10, *g.Confidence+1))
	g.Actions = append(g.Actions, careplan.Action{
		ID: b.nextID("action"), What: "Talk about how this is going at my review",
		Owner: careplan.ActionOwner{Kind: careplan.OwnerKeyWorker, Name: b.kw.Name},
		Due:   d.ReviewDate, Status: careplan.ActionOpen,
	})
}
