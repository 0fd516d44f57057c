package careplan

import "errors"

// Death is a death as the hub records it: the day the hub was told (the status change's date)
// and, when known, the date of death, which may be days or weeks earlier. Keeping the two
// apart matters to the family and to anything exported: the day the hub heard is not the day
// the person died.
type Death struct {
	ToldOn Date   // the day the hub was told
	DiedOn Date   // the date of death; zero when not known
	By     string // who recorded it
	Reason string // how the hub heard, e.g. "notified by the practice"
}

// Why a date of death cannot be recorded as given.
var (
	ErrDiedAfterTold   = errors.New("the date of death cannot be after the day the hub was told")
	ErrDiedBeforeBirth = errors.New("the date of death cannot be before the date of birth")
	ErrDiedInFuture    = errors.New("the date of death cannot be in the future")
)

// RecordDeath moves the person to died (ChangeStatus's checks: a date, not in the future nor
// before the last change, who recorded it, and a move the pathway allows) with the date of
// death when it is known. Nothing changes unless every check passes.
func (p *Patient) RecordDeath(d Death, today Date) error {
	var errs []error
	if !d.DiedOn.IsZero() {
		switch {
		case d.DiedOn.After(today):
			errs = append(errs, ErrDiedInFuture)
		case !d.ToldOn.IsZero() && d.DiedOn.After(d.ToldOn):
			errs = append(errs, ErrDiedAfterTold)
		}
		if !p.DateOfBirth.IsZero() && d.DiedOn.Before(p.DateOfBirth) {
			errs = append(errs, ErrDiedBeforeBirth)
		}
	}
	trial := *p
	trial.History = append([]StatusChange(nil), p.History...)
	if err := trial.ChangeStatus(StatusDied, d.ToldOn, today, d.By, d.Reason); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	trial.History[len(trial.History)-1].DiedOn = d.DiedOn
	*p = trial
	return nil
}

// DateOfDeath is the person's date of death, when they have died and it was recorded; the
// day the hub was told is not a date of death, so it is never given in its place.
func (p Patient) DateOfDeath() (Date, bool) {
	if p.Status != StatusDied {
		return Date{}, false
	}
	for i := len(p.History) - 1; i >= 0; i-- {
		if c := p.History[i]; c.To == StatusDied {
			return c.DiedOn, !c.DiedOn.IsZero()
		}
	}
	return Date{}, false
}
