package careplan

import (
	"errors"
	"strings"
)

// Template is a starting point for a plan: suggested goals, each with suggested actions, that
// the key worker rewrites with the person in their own words. A template carries no personal
// details, so it can be shared across the hub.
type Template struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Description string         `json:"description,omitempty"`
	BuiltIn     bool           `json:"builtIn,omitempty"` // kept as data in carehub, not in the store
	Goals       []TemplateGoal `json:"goals"`
}

// TemplateGoal is a suggested goal: a domain and words to start the conversation from.
type TemplateGoal struct {
	Domain     Domain           `json:"domain"`
	Suggestion string           `json:"suggestion"`
	Actions    []TemplateAction `json:"actions,omitempty"`
}

// TemplateAction is a suggested action: what, and the kind of person or service who usually
// does it. The name is left for the plan, since it is personal.
type TemplateAction struct {
	What  string    `json:"what"`
	Owner OwnerKind `json:"owner"`
	// WithinDays is a suggested due date, counted from the day the template is used; 0 leaves
	// the date to be agreed.
	WithinDays int `json:"withinDays,omitempty"`
}

// ErrTemplateName is returned for a template saved without a name.
var ErrTemplateName = errors.New("give the template a name")

// ErrTemplateEmpty is returned for a template with no goals.
var ErrTemplateEmpty = errors.New("a template needs at least one goal")

// Validate checks a template has a name and at least one goal in a known domain.
func (t Template) Validate() error {
	if strings.TrimSpace(t.Name) == "" {
		return ErrTemplateName
	}
	if len(t.Goals) == 0 {
		return ErrTemplateEmpty
	}
	for _, g := range t.Goals {
		if !validDomain(g.Domain) {
			return ErrGoalDomain
		}
	}
	return nil
}

// ApplyTemplate adds a template's goals and actions to a draft, each with a fresh id from
// newID, so two plans started from one template never share ids. Due dates count from today.
// Goals start unscored: the person scores importance and confidence in the conversation, and a
// number nobody gave would be printed as if they had.
func ApplyTemplate(p *Plan, t Template, today Date, newID func() string) error {
	if p.State == PlanAgreed {
		return ErrPlanLocked
	}
	for _, tg := range t.Goals {
		g := Goal{ID: newID(), Domain: tg.Domain, InMyWords: tg.Suggestion}
		for _, ta := range tg.Actions {
			a := Action{ID: newID(), What: ta.What, Owner: ActionOwner{Kind: ta.Owner}, Status: ActionOpen}
			if ta.WithinDays > 0 {
				a.Due = today.AddDays(ta.WithinDays)
			}
			g.Actions = append(g.Actions, a)
		}
		p.Goals = append(p.Goals, g)
	}
	return nil
}

// TemplateFrom keeps the structure of a plan as a template: goal domains and words, and each
// action's what and kind of owner. Everything personal is left behind: about me, what
// matters, strengths, people, signposting, contingency, owners' names, and all dates. The
// goal words are the person's own, so the key worker is asked to check them before saving.
func TemplateFrom(p Plan, name, description string) Template {
	t := Template{Name: strings.TrimSpace(name), Description: strings.TrimSpace(description)}
	for _, g := range p.Goals {
		tg := TemplateGoal{Domain: g.Domain, Suggestion: g.InMyWords}
		for _, a := range g.Actions {
			tg.Actions = append(tg.Actions, TemplateAction{What: a.What, Owner: a.Owner.Kind})
		}
		t.Goals = append(t.Goals, tg)
	}
	return t
}
