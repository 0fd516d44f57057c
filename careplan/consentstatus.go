package careplan

import (
	"errors"
	"fmt"
)

// Why a status change does not match the person's consent to join.
var (
	ErrConsentedWithoutConsent = errors.New("consented needs a current consent to join: record the person's consent first")
	ErrWithdrewWithConsent     = errors.New("withdrew needs their consent to join withdrawn: record the withdrawal first")
)

// checkConsentForStatus holds a status change to what the consent history says: nobody is
// consented without a consent to join in force (none recorded, or after a refusal or a
// withdrawal), and nobody withdrew while their consent to join still stands.
func checkConsentForStatus(history []ConsentRecord, to Status) error {
	switch to {
	case StatusConsented:
		if !HasConsent(history, ConsentToJoin) {
			return ErrConsentedWithoutConsent
		}
	case StatusWithdrew:
		if c, ok := CurrentConsent(history, ConsentToJoin); !ok || c.Decision != ConsentWithdrawn {
			return ErrWithdrewWithConsent
		}
	}
	return nil
}

// StatusMoveForConsent is the status change a consent to join decision calls for, offered in the
// same step as recording it: given while contacted moves to consented; refused while nominated
// or contacted moves to declined; withdrawn while consented or active asks to close the record
// as withdrew. ok is false when the decision calls for no move (a share consent, or a status
// that already fits).
func StatusMoveForConsent(current Status, c ConsentRecord) (to Status, ok bool) {
	if c.Scope != ConsentToJoin {
		return "", false
	}
	switch {
	case c.Decision == ConsentGiven && current == StatusContacted:
		return StatusConsented, true
	case c.Decision == ConsentRefused && (current == StatusNominated || current == StatusContacted):
		return StatusDeclined, true
	case c.Decision == ConsentWithdrawn && current.UnderPlan():
		return StatusWithdrew, true
	}
	return "", false
}

// RecordConsentAndMove records a consent decision and, when move is set, the status change
// StatusMoveForConsent offers for it, dated the day of the decision and made by whoever
// recorded it. Both are checked before either is kept, so nothing changes unless both can.
func (p *Patient) RecordConsentAndMove(c ConsentRecord, move bool, today Date) error {
	trial := *p
	trial.Consent = append([]ConsentRecord(nil), p.Consent...)
	trial.History = append([]StatusChange(nil), p.History...)
	if err := trial.RecordConsent(c, today); err != nil {
		return err
	}
	if move {
		to, ok := StatusMoveForConsent(p.Status, c)
		if !ok {
			return errNoMoveForConsent
		}
		if err := trial.ChangeStatus(to, c.On, today, c.RecordedBy, consentReason(c)); err != nil {
			return err
		}
	}
	*p = trial
	return nil
}

var errNoMoveForConsent = errors.New("this decision calls for no change of status")

// consentReason is the status change's reason when a consent decision made it.
func consentReason(c ConsentRecord) string {
	return "consent to join " + string(c.Decision)
}

// ConsentToPutRight says, in one line for a coordinator, how the person's status disagrees with
// their consent to join, or "" when it does not. Records saved before carehub held status to
// consent (issue 14) can be consented or active with no consent to join on record, or closed as
// withdrew with no withdrawal: nothing stops them being read, so they are flagged to be put
// right by recording the decision the person made (or correcting the status).
func (p Patient) ConsentToPutRight() string {
	c, ok := CurrentConsent(p.Consent, ConsentToJoin)
	switch {
	case p.Status.UnderPlan() && !ok:
		return fmt.Sprintf("%s with no consent to join on record: record the consent the person gave, or correct the status", p.Status.Label())
	case p.Status.UnderPlan() && c.Decision != ConsentGiven:
		return fmt.Sprintf("%s, but their consent to join was %s on %s: record the consent given since, or close the record", p.Status.Label(), c.Decision, c.On.Display())
	case p.Status == StatusWithdrew && (!ok || c.Decision != ConsentWithdrawn):
		return "closed as withdrew with no withdrawal of consent to join on record: record the withdrawal"
	case !ok && p.reachedConsented():
		return fmt.Sprintf("%s after being consented, with no consent to join ever recorded: record the consent the person gave", p.Status.Label())
	}
	return ""
}

// reachedConsented reports whether the status history shows the person consented or active.
func (p Patient) reachedConsented() bool {
	for _, h := range p.History {
		if h.To.UnderPlan() || h.From.UnderPlan() {
			return true
		}
	}
	return false
}
