package demo

import (
	"carehub/careplan"
	"carehub/pam"
)

// assessments makes one to four PAM results over the last 18 months of the person's time with
// the hub, about six months apart, tending to rise as people gain confidence. About one in 50
// has a reported level that disagrees with the cut points, as happens with real reports.
func (b *builder) assessments() []pam.Assessment {
	r := b.rng
	ref := b.refDate()
	on := b.consentedOn.AddDays(r.IntN(15))
	if earliest := ref.AddMonths(-18).AddDays(r.IntN(60)); on.Before(earliest) {
		on = earliest
	}
	if on.After(ref) {
		on = ref
	}
	score := pam.Score(510 + r.NormFloat64()*80)
	var out []pam.Assessment
	for n := between(r, 1, 4); len(out) < n && !on.After(ref); {
		score = min(max(score, 350), 800)
		a := pam.Assessment{
			ID:         b.nextID("pam"),
			PatientID:  b.p.ID,
			Score:      score,
			Level:      pam.ExpectedLevel(score),
			Instrument: pam.PAM13,
			TakenOn:    on,
			RecordedBy: b.kw.Name,
			Source:     "PAM online portal",
		}
		if chance(r, 0.3) {
			a.Source = "paper form, entered by key worker"
		}
		switch {
		case chance(r, 0.08):
			a.Instrument = pam.PAM10
		case len(b.p.Carers) > 0 && chance(r, 0.04):
			a.Instrument, a.CarerName = pam.CarerPAM, b.p.Carers[0].Name
		}
		if chance(r, 0.02) {
			a.Level = mismatched(a.Level)
		}
		out = append(out, a)
		score += pam.Score(25 + r.NormFloat64()*40)
		on = on.AddMonths(between(r, 5, 7)).AddDays(between(r, -10, 10))
	}
	return out
}

// mismatched is a neighbouring level, for the occasional report that disagrees with the cut
// points.
func mismatched(l pam.Level) pam.Level {
	if l == pam.Level4 {
		return pam.Level3
	}
	return l + 1
}

// levelOn is the level of the latest PAM taken on or before a day, or 0 when there was none.
func levelOn(all []pam.Assessment, day careplan.Date) int {
	level := 0
	for _, a := range all {
		if !a.TakenOn.After(day) {
			level = int(a.Level)
		}
	}
	return level
}

// refDate is the day the person's story ends: today, or the day they left the hub.
func (b *builder) refDate() careplan.Date {
	if !b.endedOn.IsZero() {
		return b.endedOn
	}
	return b.g.today
}

// nextID returns the next stable id for something of this person's.
func (b *builder) nextID(kind string) string {
	b.serial++
	return b.g.id(kind, b.index, b.serial)
}
