package demo

import (
	"fmt"

	"carehub/careplan"
)

// step is one move on the pathway, with the days since the previous one.
type step struct {
	to     careplan.Status
	after  int
	by     string
	reason string
}

// statusWeights is the status mix of a working hub, in percent, in finalStatuses order:
// nominated, contacted, consented, active, discharged, declined, died. About a fifth of those
// who decline had consented first: they withdrew (see steps).
func statusWeights() []int { return []int{10, 8, 7, 60, 10, 3, 2} }

// finalStatuses are the statuses statusWeights picks among. Withdrew is reached through
// declining after consent, so the draws, and every demo person, stay as they were before
// withdrew was its own exit.
func finalStatuses() []careplan.Status {
	return []careplan.Status{careplan.StatusNominated, careplan.StatusContacted, careplan.StatusConsented,
		careplan.StatusActive, careplan.StatusDischarged, careplan.StatusDeclined, careplan.StatusDied}
}

// pathway picks where the person is now and writes a dated history that gets them there, each
// move allowed by the pathway, with consent recorded before anyone becomes active.
func (b *builder) pathway() {
	r := b.rng
	final := finalStatuses()[weighted(r, statusWeights())]
	steps := b.steps(final)

	total := 0
	for _, s := range steps {
		total += s.after
	}
	// How long ago the last step was: new arrivals are recent; active people may have been
	// with the hub for up to about three years.
	var sinceLast int
	switch final {
	case careplan.StatusNominated, careplan.StatusContacted:
		sinceLast = r.IntN(30)
	case careplan.StatusConsented:
		sinceLast = r.IntN(21)
	case careplan.StatusActive:
		sinceLast = r.IntN(max(1, 1000-total))
	default:
		sinceLast = r.IntN(365)
	}
	on := b.g.today.AddDays(-(sinceLast + total))

	b.p.Nomination.On = on
	b.p.Nomination.Practice = b.p.Practice
	b.p.Nomination.Clinician = b.gp
	b.p.Nomination.Reason = fmt.Sprintf("%d long-term conditions (%s); %s", len(b.p.Conditions),
		b.conditionTerms(), pick(r, []string{
			"struggling to manage at home",
			"three admissions in the past year",
			"frequent GP and out-of-hours contact",
			"recently discharged from a community hospital",
			"carer finding it hard to cope",
			"would benefit from a care and support plan",
		}))
	b.p.Status = careplan.StatusNominated
	b.p.History = []careplan.StatusChange{{To: careplan.StatusNominated, On: on, By: b.gp, Reason: "nominated by the practice"}}

	for _, s := range steps {
		on = on.AddDays(s.after)
		b.beforeMove(s.to, on)
		if err := b.p.MoveTo(s.to, on, s.by, s.reason); err != nil {
			panic(fmt.Sprintf("demo: generated an invalid pathway: %v", err)) // a bug here, not in the data
		}
	}
	if b.p.Status != careplan.StatusNominated {
		b.p.Team.KeyWorkerID, b.p.Team.KeyWorker = b.kw.ID, b.kw.Name
	}
	// A few people later stop sharing with their carers: only the latest decision counts.
	if b.p.Status == careplan.StatusActive && careplan.HasConsent(b.p.Consent, careplan.ConsentToShareCarers) && chance(r, 0.05) {
		b.p.Consent = append(b.p.Consent, careplan.ConsentRecord{
			Scope: careplan.ConsentToShareCarers, Decision: careplan.ConsentWithdrawn,
			On: b.activeOn.AddDays(r.IntN(b.activeOn.DaysUntil(b.g.today) + 1)), How: "by phone",
			RecordedBy: b.kw.Name,
		})
	}
}

// steps lists the moves after nomination that end at final.
func (b *builder) steps(final careplan.Status) []step {
	r := b.rng
	contacted := step{careplan.StatusContacted, between(r, 2, 21), b.coord.Name, "phoned and visited"}
	consented := step{careplan.StatusConsented, between(r, 3, 28), b.kw.Name, "agreed to join at home visit"}
	active := step{careplan.StatusActive, between(r, 0, 21), b.kw.Name, "care and support planning started"}
	switch final {
	case careplan.StatusNominated:
		return nil
	case careplan.StatusContacted:
		return []step{contacted}
	case careplan.StatusConsented:
		return []step{contacted, consented}
	case careplan.StatusActive:
		return []step{contacted, consented, active}
	case careplan.StatusDischarged:
		return []step{contacted, consented, active, {careplan.StatusDischarged, between(r, 180, 720), b.kw.Name,
			pick(r, []string{"goals met", "moved out of the area", "moved into residential care", "now managing well with practice support"})}}
	case careplan.StatusDeclined:
		declined := step{careplan.StatusDeclined, between(r, 3, 30), b.coord.Name,
			pick(r, []string{"does not want a key worker", "has enough support from family", "not the right time"})}
		switch weighted(r, []int{30, 50, 20}) {
		case 0:
			return []step{declined}
		case 1:
			return []step{contacted, declined}
		}
		// Having consented, they took their consent back: an exit of its own.
		declined.to = careplan.StatusWithdrew
		return []step{contacted, consented, declined}
	}
	// died: most while active with the hub
	died := step{careplan.StatusDied, between(r, 30, 700), b.coord.Name, "notified by the practice"}
	if chance(r, 0.3) {
		died.after = between(r, 5, 60)
		return []step{contacted, died}
	}
	return []step{contacted, consented, active, died}
}

// beforeMove records what has to be on file before a move (consent before consented and
// active; a refusal or withdrawal before declining) and notes the pathway dates.
func (b *builder) beforeMove(to careplan.Status, on careplan.Date) {
	r := b.rng
	record := func(scope careplan.ConsentScope, d careplan.ConsentDecision, parties []careplan.SharedWith) {
		b.p.Consent = append(b.p.Consent, careplan.ConsentRecord{
			Scope: scope, Decision: d, On: on, RecordedBy: b.kw.Name, Parties: parties,
			How: pick(r, []string{"verbal, at home visit", "written", "by phone"}),
		})
	}
	switch to {
	case careplan.StatusConsented:
		b.consentedOn = on
		record(careplan.ConsentToJoin, careplan.ConsentGiven, nil)
		if chance(r, 0.92) {
			record(careplan.ConsentToShareProfessionals, careplan.ConsentGiven, []careplan.SharedWith{
				{Name: b.gp, Role: "GP", Organisation: b.p.Practice.Name},
				{Name: "Community nursing team", Organisation: "Somerset NHS Foundation Trust"},
			})
		}
		if len(b.p.Carers) > 0 && chance(r, 0.7) {
			var carers []careplan.SharedWith
			for _, c := range b.p.Carers {
				carers = append(carers, careplan.SharedWith{Name: c.Name, Role: "carer (" + c.Relationship + ")"})
			}
			record(careplan.ConsentToShareCarers, careplan.ConsentGiven, carers)
		}
	case careplan.StatusActive:
		b.activeOn = on
	case careplan.StatusDeclined, careplan.StatusWithdrew:
		if b.p.Status == careplan.StatusConsented {
			// Withdrawing from the hub withdraws sharing too.
			for _, scope := range []careplan.ConsentScope{careplan.ConsentToJoin, careplan.ConsentToShareProfessionals, careplan.ConsentToShareCarers} {
				if careplan.HasConsent(b.p.Consent, scope) {
					record(scope, careplan.ConsentWithdrawn, nil)
				}
			}
		} else if b.p.Status == careplan.StatusContacted {
			record(careplan.ConsentToJoin, careplan.ConsentRefused, nil)
		}
		b.endedOn = on
	case careplan.StatusDischarged, careplan.StatusDied:
		b.endedOn = on
	}
}
