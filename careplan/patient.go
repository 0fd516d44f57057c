package careplan

import (
	"errors"
	"fmt"
	"strings"
)

// Patient is a person the hub looks after, with everything needed to find them, reach them,
// and know where they are on the pathway.
type Patient struct {
	ID            string             `json:"id"`
	NHSNumber     NHSNumber          `json:"nhsNumber"`
	GivenName     string             `json:"givenName"`
	FamilyName    string             `json:"familyName"`
	PreferredName string             `json:"preferredName,omitempty"`
	DateOfBirth   Date               `json:"dateOfBirth"`
	Contact       ContactDetails     `json:"contact"`
	Practice      Practice           `json:"practice"`
	Needs         CommunicationNeeds `json:"needs"`
	Carers        []Carer            `json:"carers,omitempty"`
	Conditions    []string           `json:"conditions"` // SNOMED CT codes from Conditions()
	Nomination    Nomination         `json:"nomination"`
	Consent       []ConsentRecord    `json:"consent,omitempty"` // the whole history, oldest first
	Status        Status             `json:"status"`
	History       []StatusChange     `json:"history,omitempty"` // oldest first
	Team          CareTeam           `json:"team"`
}

// ContactDetails is how to reach the person at home.
type ContactDetails struct {
	Address  string `json:"address,omitempty"`
	Postcode string `json:"postcode,omitempty"`
	Phone    string `json:"phone,omitempty"`  // the home phone
	Mobile   string `json:"mobile,omitempty"` // told apart from the home phone: texts go here
	Email    string `json:"email,omitempty"`
}

// Practice is the GP practice the person is registered with.
type Practice struct {
	Name    string `json:"name"`
	ODSCode string `json:"odsCode"` // the NHS Organisation Data Service code, e.g. L85001
}

// CommunicationNeeds records what the person needs to take part: large print, an interpreter.
type CommunicationNeeds struct {
	LargePrint  bool   `json:"largePrint,omitempty"`
	Interpreter string `json:"interpreter,omitempty"` // language, when one is needed
	Other       string `json:"other,omitempty"`
}

// Carer is someone who looks after the person unpaid.
type Carer struct {
	Name         string `json:"name"`
	Relationship string `json:"relationship,omitempty"`
	Phone        string `json:"phone,omitempty"`
}

// FullName is the name as it appears on letters and plans: given then family name.
func (p Patient) FullName() string {
	return strings.TrimSpace(p.GivenName + " " + p.FamilyName)
}

// SortName is the name as lists sort it: "O'Brien, Siân".
func (p Patient) SortName() string {
	if p.FamilyName == "" {
		return p.GivenName
	}
	return p.FamilyName + ", " + p.GivenName
}

// Sentinel errors for a patient's details.
var (
	ErrNameRequired     = errors.New("the patient's given and family names are needed")
	ErrBirthRequired    = errors.New("the date of birth is needed")
	ErrBirthInFuture    = errors.New("the date of birth is in the future")
	ErrUnknownCondition = errors.New("that condition is not on the hub's list")
	ErrBadStatus        = errors.New("unknown status")
)

// Validate checks the details a record cannot be saved without. today is the current day, so
// a future date of birth is caught.
func (p Patient) Validate(today Date) error {
	var errs []error
	if _, err := ParseNHSNumber(string(p.NHSNumber)); err != nil {
		errs = append(errs, err)
	}
	if strings.TrimSpace(p.GivenName) == "" || strings.TrimSpace(p.FamilyName) == "" {
		errs = append(errs, ErrNameRequired)
	}
	switch {
	case p.DateOfBirth.IsZero():
		errs = append(errs, ErrBirthRequired)
	case p.DateOfBirth.After(today):
		errs = append(errs, ErrBirthInFuture)
	}
	for _, code := range p.Conditions {
		if _, ok := ConditionByCode(code); !ok {
			errs = append(errs, fmt.Errorf("%s: %w", code, ErrUnknownCondition))
		}
	}
	if !p.Status.Valid() {
		errs = append(errs, fmt.Errorf("%q: %w", p.Status, ErrBadStatus))
	}
	if err := p.Nomination.Validate(p.DateOfBirth, today); err != nil {
		errs = append(errs, err)
	}
	if err := CheckEligibility(p.Conditions, p.Nomination.Judgement); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// MoveTo records a status change if the pathway allows it. Moving to active needs consent to
// join, because the hub cannot work with someone who has not agreed.
func (p *Patient) MoveTo(to Status, on Date, by, reason string) error {
	if err := CanMove(p.Status, to); err != nil {
		return err
	}
	if to == StatusActive && !HasConsent(p.Consent, ConsentToJoin) {
		return fmt.Errorf("%w: there is no consent to join on record", ErrStatusMove)
	}
	p.History = append(p.History, StatusChange{From: p.Status, To: to, On: on, By: by, Reason: reason})
	p.Status = to
	return nil
}
