package careplan

// FirstActive is the day the person first became active (enrolled), from their status
// history: the earliest change to active or, for a history that begins part way through (an
// older import), the earliest change away from active. It is zero when the history never shows
// them active. Leaving later (discharged, withdrew, died, even re-referred) does not undo it:
// enrolment against the hub's target counts everyone who ever reached active.
func (p Patient) FirstActive() Date {
	for _, c := range p.History {
		if c.To == StatusActive || c.From == StatusActive {
			return c.On
		}
	}
	return Date{}
}

// ReachedActive reports whether the person was ever enrolled (reached active), whatever their
// status now. Someone active now counts even when their history has no dated change to active.
func (e CaseloadEntry) ReachedActive() bool {
	return e.Status == StatusActive || !e.FirstActive.IsZero()
}
