package careplan

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Plan is a personalised care and support plan: the person's own plan, written with them in a
// care and support planning conversation. A plan is a draft until it is agreed; an agreed
// version is locked and a new draft starts from it.
type Plan struct {
	ID          string        `json:"id"`
	PatientID   string        `json:"patientId"`
	Version     int           `json:"version"` // 1, 2, 3... counting agreed versions
	State       PlanState     `json:"state"`
	AboutMe     string        `json:"aboutMe"`     // in my words
	WhatMatters string        `json:"whatMatters"` // what matters to me
	Strengths   string        `json:"strengths"`
	Goals       []Goal        `json:"goals"`
	Support     []Signpost    `json:"support,omitempty"`
	Contingency Contingency   `json:"contingency"`
	People      []Person      `json:"people,omitempty"`
	Ahead       PlanningAhead `json:"ahead,omitzero"` // Planning ahead: ReSPECT, LPA, ADRT, preferred places
	ReviewDate  Date          `json:"reviewDate"`
	Agreement   *Agreement    `json:"agreement,omitempty"` // set when the version is agreed
}

// PlanState says whether a plan version is still being written or has been agreed.
type PlanState string

// Plan states.
const (
	PlanDraft  PlanState = "draft"
	PlanAgreed PlanState = "agreed"
)

// Agreement records who agreed a plan version with the person, when, and the person's PAM
// level at the time (0 when none was recorded).
type Agreement struct {
	By       string    `json:"by"`
	On       Date      `json:"on"`
	At       time.Time `json:"at"`
	PAMLevel int       `json:"pamLevel,omitempty"`
}

// Domain is one of the five wellbeing domains Somerset uses to group goals.
type Domain string

// The five wellbeing domains.
const (
	DomainMind      Domain = "Mind"
	DomainSocial    Domain = "Social"
	DomainMovement  Domain = "Movement"
	DomainNutrition Domain = "Nutrition"
	DomainBody      Domain = "Body"
)

// Domains lists the five wellbeing domains in the order plans show them.
func Domains() []Domain {
	return []Domain{DomainMind, DomainSocial, DomainMovement, DomainNutrition, DomainBody}
}

// Goal is something the person wants, in their own words.
type Goal struct {
	ID        string `json:"id"`
	Domain    Domain `json:"domain"`
	InMyWords string `json:"inMyWords"`
	// Importance (how important is this to you?) and Confidence (how confident are you that
	// you can do it?) are 0-10, nil when the person has not scored them yet (see scale.go).
	Importance *int     `json:"importance,omitempty"`
	Confidence *int     `json:"confidence,omitempty"`
	Actions    []Action `json:"actions,omitempty"`
	// Outcome is what the last review decided (empty until one has); an achieved or dropped
	// goal stays in the plan, so the history shows it, but no longer counts as active.
	Outcome *GoalOutcome `json:"outcome,omitempty"`
}

// Action is a step towards a goal: what, who, by when.
type Action struct {
	ID     string       `json:"id"`
	What   string       `json:"what"`
	Owner  ActionOwner  `json:"owner"`
	Due    Date         `json:"due"`
	Status ActionStatus `json:"status"`
	DoneOn Date         `json:"doneOn,omitempty"`
}

// ActionOwner is who will do an action.
type ActionOwner struct {
	Kind OwnerKind `json:"kind"`
	Name string    `json:"name,omitempty"` // the carer's or service's name, or the key worker's
}

// OwnerKind is the kind of person or service that owns an action.
type OwnerKind string

// Action owners.
const (
	OwnerPatient   OwnerKind = "patient"
	OwnerKeyWorker OwnerKind = "key worker"
	OwnerCarer     OwnerKind = "carer"
	OwnerService   OwnerKind = "service"
)

// Who writes the owner the way a plan reads: "Me", "Key worker (Sam Green)".
func (o ActionOwner) Who() string {
	switch o.Kind {
	case OwnerPatient:
		return "Me"
	case "":
		return "Not yet decided"
	}
	label := strings.ToUpper(string(o.Kind[:1])) + string(o.Kind[1:])
	if o.Name == "" {
		return label
	}
	return label + " (" + o.Name + ")"
}

// ActionStatus is where an action stands.
type ActionStatus string

// Action statuses.
const (
	ActionOpen    ActionStatus = "open"
	ActionDone    ActionStatus = "done"
	ActionDropped ActionStatus = "dropped"
)

// Overdue reports whether an open action is past its due date. Overdue actions can still be
// completed.
func (a Action) Overdue(today Date) bool {
	return a.Status == ActionOpen && !a.Due.IsZero() && a.Due.Before(today)
}

// Signpost is a community group or service the person is linked to.
type Signpost struct {
	Name    string   `json:"name"`
	Offers  string   `json:"offers,omitempty"`
	Area    string   `json:"area,omitempty"`
	Contact string   `json:"contact,omitempty"`
	GoalIDs []string `json:"goalIds,omitempty"`
}

// Contingency is "what to do if I become unwell", in three colours.
type Contingency struct {
	Green Green `json:"green"`
	Amber Amber `json:"amber"`
	Red   Red   `json:"red"`
}

// Green is "I'm well": what I do to stay well.
type Green struct {
	WhatIDo string `json:"whatIDo"`
}

// Amber is the warning signs, what I do and who I call.
type Amber struct {
	WarningSigns string `json:"warningSigns"`
	WhatIDo      string `json:"whatIDo"`
	WhoICall     string `json:"whoICall"`
}

// Red is an emergency: who to call (999/111) and what they need to know.
type Red struct {
	WhoToCall          string `json:"whoToCall"`
	WhatTheyNeedToKnow string `json:"whatTheyNeedToKnow"`
}

// Person is someone involved in the person's care: GP, key worker, coordinator, carer, others.
type Person struct {
	Name         string `json:"name"`
	Role         string `json:"role"`
	Organisation string `json:"organisation,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Email        string `json:"email,omitempty"`
}

// Sentinel errors for a plan.
var (
	ErrPlanLocked      = errors.New("this plan version has been agreed and is locked: start a new draft to change it")
	ErrGoalWords       = errors.New("a goal needs the person's own words")
	ErrGoalDomain      = errors.New("a goal belongs in one of the five domains: Mind, Social, Movement, Nutrition, Body")
	ErrScale           = errors.New("importance and confidence are scored 0 to 10")
	ErrActionWhat      = errors.New("an action needs to say what will be done")
	ErrActionStatus    = errors.New("an action is open, done or dropped")
	ErrReviewDate      = errors.New("an agreed plan needs a review date")
	ErrAgreementByWhom = errors.New("say who agreed the plan with the person")
)

// Validate checks the plan's goals and actions. Agreed plans must also have a review date and
// say who agreed them.
func (p Plan) Validate() error {
	var errs []error
	for i, g := range p.Goals {
		if err := g.validate(); err != nil {
			errs = append(errs, fmt.Errorf("goal %d: %w", i+1, err))
		}
	}
	if err := p.Ahead.validate(); err != nil {
		errs = append(errs, err)
	}
	if p.State == PlanAgreed {
		if p.ReviewDate.IsZero() {
			errs = append(errs, ErrReviewDate)
		}
		if p.Agreement == nil || strings.TrimSpace(p.Agreement.By) == "" {
			errs = append(errs, ErrAgreementByWhom)
		}
	}
	return errors.Join(errs...)
}

func (g Goal) validate() error {
	var errs []error
	if strings.TrimSpace(g.InMyWords) == "" {
		errs = append(errs, ErrGoalWords)
	}
	if !validDomain(g.Domain) {
		errs = append(errs, ErrGoalDomain)
	}
	if !scoreInRange(g.Importance) || !scoreInRange(g.Confidence) {
		errs = append(errs, ErrScale)
	}
	for j, a := range g.Actions {
		if strings.TrimSpace(a.What) == "" {
			errs = append(errs, fmt.Errorf("action %d: %w", j+1, ErrActionWhat))
		}
		switch a.Status {
		case ActionOpen, ActionDone, ActionDropped:
		default:
			errs = append(errs, fmt.Errorf("action %d: %w", j+1, ErrActionStatus))
		}
	}
	return errors.Join(errs...)
}

func validDomain(d Domain) bool {
	for _, v := range Domains() {
		if v == d {
			return true
		}
	}
	return false
}

// Agree locks this version: who agreed it with the person, at what moment, and their own PAM
// level then. The agreement rules (ReadyToAgree) must hold on today, the day it is recorded;
// the day agreed is the day of at in England.
func (p *Plan) Agree(by string, at time.Time, today Date, pamLevel int) error {
	if p.State == PlanAgreed {
		return ErrPlanLocked
	}
	on := DateOf(at)
	var byErr error
	if strings.TrimSpace(by) == "" {
		byErr = FieldProblem{Field: FieldAgreedBy, Err: ErrAgreementByWhom}
	}
	if err := errors.Join(p.Validate(), ReadyToAgree(*p, on, today), byErr); err != nil {
		return err
	}
	agreed := *p
	agreed.State = PlanAgreed
	agreed.Agreement = &Agreement{By: strings.TrimSpace(by), On: on, At: at, PAMLevel: pamLevel}
	if err := agreed.Validate(); err != nil {
		return err // cannot happen once the rules above hold; kept so nothing invalid is ever locked
	}
	*p = agreed
	return nil
}

// NextDraft starts a new draft from an agreed version: same content, next version number, no
// agreement yet. newID gives the draft its own record id.
func (p Plan) NextDraft(newID string) Plan {
	d := p
	d.ID = newID
	d.Version = p.Version + 1
	d.State = PlanDraft
	d.Agreement = nil
	d.Goals = append([]Goal(nil), p.Goals...)
	for i := range d.Goals {
		d.Goals[i].Actions = append([]Action(nil), p.Goals[i].Actions...)
	}
	d.Support = append([]Signpost(nil), p.Support...)
	for i := range d.Support {
		// The goal links too, or editing the draft's signposting would change the agreed plan.
		d.Support[i].GoalIDs = append([]string(nil), p.Support[i].GoalIDs...)
	}
	d.People = append([]Person(nil), p.People...)
	return d
}

// OpenActions counts the plan's open actions, and how many of those the person owns.
func (p Plan) OpenActions() (all, mine int) {
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			if a.Status == ActionOpen {
				all++
				if a.Owner.Kind == OwnerPatient {
					mine++
				}
			}
		}
	}
	return all, mine
}

// ReviewDue reports whether the plan's review is due within the given number of days of today
// (overdue reviews are due too).
func (p Plan) ReviewDue(today Date, withinDays int) bool {
	return !p.ReviewDate.IsZero() && !p.ReviewDate.After(today.AddDays(withinDays))
}
