package careplan

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors for consent records and status changes, one per thing a form asks for.
var (
	ErrConsentScope       = errors.New("choose what the consent is for")
	ErrConsentDecision    = errors.New("choose what the person decided")
	ErrConsentDate        = errors.New("the date of the decision is needed")
	ErrConsentInFuture    = errors.New("the date of the decision is in the future")
	ErrConsentRecordedBy  = errors.New("say who is recording the decision")
	ErrConsentParties     = errors.New("consent to share needs each person it covers, with their role and organisation")
	ErrNothingToWithdraw  = errors.New("there is no consent given to withdraw")
	ErrStatusDate         = errors.New("the date of the change is needed")
	ErrStatusDateInFuture = errors.New("the date of the change is in the future")
	ErrStatusDateOrder    = errors.New("the date of the change is before the last change")
	ErrStatusBy           = errors.New("say who made the change")
)

// ValidateConsent checks a new decision against the person's consent history and today. A
// share consent that is given must name everyone it covers, each with role and organisation,
// because "share with the professionals involved" is not something anyone can check later.
func ValidateConsent(history []ConsentRecord, c ConsentRecord, today Date) error {
	var errs []error
	switch c.Scope {
	case ConsentToJoin, ConsentToShareCarers, ConsentToShareProfessionals:
	default:
		errs = append(errs, ErrConsentScope)
	}
	switch c.Decision {
	case ConsentGiven, ConsentRefused:
	case ConsentWithdrawn:
		if !HasConsent(history, c.Scope) {
			errs = append(errs, ErrNothingToWithdraw)
		}
	default:
		errs = append(errs, ErrConsentDecision)
	}
	switch {
	case c.On.IsZero():
		errs = append(errs, ErrConsentDate)
	case c.On.After(today):
		errs = append(errs, ErrConsentInFuture)
	}
	if strings.TrimSpace(c.RecordedBy) == "" {
		errs = append(errs, ErrConsentRecordedBy)
	}
	if c.Scope != ConsentToJoin && c.Decision == ConsentGiven && !partiesComplete(c.Parties) {
		errs = append(errs, ErrConsentParties)
	}
	return errors.Join(errs...)
}

func partiesComplete(parties []SharedWith) bool {
	if len(parties) == 0 {
		return false
	}
	for _, p := range parties {
		if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Role) == "" || strings.TrimSpace(p.Organisation) == "" {
			return false
		}
	}
	return true
}

// RecordConsent appends a checked decision to the person's history. Only the latest decision
// for a scope counts, so a withdrawal takes effect the moment it is saved.
func (p *Patient) RecordConsent(c ConsentRecord, today Date) error {
	if err := ValidateConsent(p.Consent, c, today); err != nil {
		return err
	}
	p.Consent = append(p.Consent, c)
	return nil
}

// Sharing says, in words for the summary, who the plan may be shared with now and who not.
type Sharing struct {
	SharedWith    []string // "Rhodri O'Brien (son, family)"
	NotSharedWith []string // "carers: consent withdrawn on 20 Nov 2025"
}

// CurrentSharing works out who the plan may be shared with from the latest share consents.
func CurrentSharing(history []ConsentRecord) Sharing {
	var s Sharing
	for _, sc := range []struct {
		scope ConsentScope
		who   string
	}{{ConsentToShareCarers, "carers"}, {ConsentToShareProfessionals, "professionals"}} {
		c, ok := CurrentConsent(history, sc.scope)
		switch {
		case !ok:
			s.NotSharedWith = append(s.NotSharedWith, sc.who+": no consent recorded")
		case c.Decision != ConsentGiven:
			s.NotSharedWith = append(s.NotSharedWith, fmt.Sprintf("%s: consent %s on %s", sc.who, c.Decision, c.On.Display()))
		default:
			for _, party := range c.Parties {
				s.SharedWith = append(s.SharedWith, party.Describe())
			}
		}
	}
	return s
}

// Describe writes a party as "Name (role, organisation)".
func (w SharedWith) Describe() string {
	var about []string
	for _, s := range []string{w.Role, w.Organisation} {
		if strings.TrimSpace(s) != "" {
			about = append(about, s)
		}
	}
	if len(about) == 0 {
		return w.Name
	}
	return w.Name + " (" + strings.Join(about, ", ") + ")"
}

// ChangeStatus moves the person along the pathway with the checks a form needs on top of
// MoveTo's: a date that is not in the future nor before the last change, who made it, and a
// consent to join that fits (consented needs one in force; withdrew needs it withdrawn).
func (p *Patient) ChangeStatus(to Status, on, today Date, by, reason string) error {
	var errs []error
	switch {
	case on.IsZero():
		errs = append(errs, ErrStatusDate)
	case on.After(today):
		errs = append(errs, ErrStatusDateInFuture)
	case len(p.History) > 0 && on.Before(p.History[len(p.History)-1].On):
		errs = append(errs, ErrStatusDateOrder)
	}
	if strings.TrimSpace(by) == "" {
		errs = append(errs, ErrStatusBy)
	}
	if err := CanMove(p.Status, to); err != nil {
		errs = append(errs, err)
	} else if err := checkConsentForStatus(p.Consent, to); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return p.MoveTo(to, on, strings.TrimSpace(by), strings.TrimSpace(reason))
}

// NextStatuses lists where the person may go next on the pathway.
func NextStatuses(from Status) []Status { return allowedMoves(from) }

// NewNomination starts a patient record from a nomination: status nominated, with the first
// step of the history dated the day of the nomination and made by the nominating clinician.
func NewNomination(p Patient) Patient {
	p.Status = StatusNominated
	p.History = []StatusChange{{To: StatusNominated, On: p.Nomination.On, By: p.Nomination.Clinician, Reason: "nominated by the practice"}}
	if p.Practice == (Practice{}) {
		p.Practice = p.Nomination.Practice
	}
	return p
}
