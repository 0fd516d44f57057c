package careplan

// Closed reports whether the hub has finished with the person: they died, were discharged,
// declined or withdrew. A closed record's plan is no longer a current plan, so it is not
// printed as one nor reviewed. A person nominated again after leaving is open again.
func (s Status) Closed() bool {
	switch s {
	case StatusDied, StatusDischarged, StatusDeclined, StatusWithdrew:
		return true
	}
	return false
}

// Closure says why and since when a person's record is closed.
type Closure struct {
	Status Status // died, discharged, declined, withdrew (never an open status)
	On     Date   // the day of the status change: for died, the day the hub was told
	DiedOn Date   // the date of death, when it was recorded
}

// Closure is why the person's record is closed, from the last change to their current
// status; ok is false while the hub is still working with them.
func (p Patient) Closure() (c Closure, ok bool) {
	if !p.Status.Closed() {
		return Closure{}, false
	}
	c.Status = p.Status
	for i := len(p.History) - 1; i >= 0; i-- {
		if h := p.History[i]; h.To == p.Status {
			c.On, c.DiedOn = h.On, h.DiedOn
			break
		}
	}
	return c, true
}

// Reason says in a few words why the record is closed: "died on 3 Nov 2026",
// "discharged on 1 Oct 2026". For a death the date of death is used when it is known, and
// otherwise the day the hub was told is named as that, never passed off as the date of death.
func (c Closure) Reason() string {
	verb := string(c.Status) // discharged, declined, withdrew
	if c.Status == StatusDied {
		if !c.DiedOn.IsZero() {
			return "died on " + c.DiedOn.Display()
		}
		if !c.On.IsZero() {
			return "died; the hub was told on " + c.On.Display()
		}
		return "died"
	}
	if c.On.IsZero() {
		return verb
	}
	return verb + " on " + c.On.Display()
}

// Stamp is what every printed page of a closed record says, so that nobody takes it for the
// plan the person is following: "Record closed (died on 3 Nov 2026) — not a current plan".
func (c Closure) Stamp() string {
	return "Record closed (" + c.Reason() + ") — not a current plan"
}
