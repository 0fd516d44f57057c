package careplan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// The record kinds a conflict can name, spelt as the store spells them. They are repeated here
// rather than imported because careplan knows nothing of the store.
const (
	kindPlan     = "plan"
	kindPatient  = "patient"
	kindStaff    = "staff"
	kindTemplate = "plan template"
	kindService  = "community service"
)

// fieldLabels names the top-level fields of each kind's body the way staff name them. A field
// missing here is still shown, with its key split into words.
var fieldLabels = map[string]map[string]string{
	kindPlan: {
		"id":          "Record id",
		"patientId":   "Whose plan",
		"version":     "Version",
		"state":       "Draft or agreed",
		"aboutMe":     "About me",
		"whatMatters": "What matters to me",
		"strengths":   "My strengths",
		"goals":       "Goals and actions",
		"support":     "Support and signposting",
		"contingency": "If I become unwell",
		"people":      "People involved",
		"reviewDate":  "Review date",
		"agreement":   "Agreement",
	},
	kindPatient: {
		"id":            "Record id",
		"nhsNumber":     "NHS number",
		"givenName":     "Given name",
		"familyName":    "Family name",
		"preferredName": "Preferred name",
		"dateOfBirth":   "Date of birth",
		"contact":       "Contact details",
		"practice":      "GP practice",
		"needs":         "Communication needs",
		"carers":        "Carers",
		"conditions":    "Long-term conditions",
		"nomination":    "Nomination",
		"consent":       "Consent",
		"status":        "Status",
		"history":       "Status history",
		"team":          "Care team",
	},
	kindStaff: {
		"name":        "Name",
		"role":        "Role",
		"specialisms": "Specialisms",
		"phone":       "Phone",
		"active":      "Still on the staff",
	},
	kindTemplate: {
		"name":        "Template name",
		"description": "Description",
		"goals":       "Suggested goals and actions",
	},
	kindService: {
		"name":      "Name",
		"offers":    "What it offers",
		"area":      "Area",
		"contact":   "Contact",
		"withdrawn": "Withdrawn from the directory",
	},
}

// FieldLabel is how a person names a top-level field of a record body in a conflict: for a
// plan, "goals" is "Goals and actions" and "contingency" is "If I become unwell". A kind or
// field it does not know is the key split into words ("reviewDate" → "Review date"), so a
// field added later is still shown, only less kindly.
func FieldLabel(kind, field string) string {
	if l, ok := fieldLabels[kind][field]; ok {
		return l
	}
	return keyWords(field)
}

// keyWords splits a camelCase key into words with only the first capitalised: "reviewDate" →
// "Review date". It splits only before a capital that follows a lower-case letter, and leaves
// a run of capitals as written, so "nhsID" reads "Nhs ID" rather than "Nhs i d".
func keyWords(key string) string {
	var words []string
	start := 0
	runes := []rune(strings.NewReplacer("_", " ", "-", " ").Replace(key))
	for i := 1; i <= len(runes); i++ {
		if i == len(runes) || (unicode.IsUpper(runes[i]) && unicode.IsLower(runes[i-1])) {
			words = append(words, string(runes[start:i]))
			start = i
		}
	}
	for i, w := range words {
		r := []rune(w)
		switch {
		case i == 0:
			r[0] = unicode.ToUpper(r[0])
		case len(r) == 1 || !unicode.IsUpper(r[1]):
			r[0] = unicode.ToLower(r[0])
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// FieldText renders a field's JSON value as a person reads it beside the other device's: a
// plan's goals one block per goal with its actions, the contingency plan as its green, amber
// and red parts, dates as "3 December 2026", strings as they are, people by name and role.
// Anything else is indented JSON. Text that is not the JSON expected is returned as it is,
// because a coordinator choosing between two values must always see both.
func FieldText(kind, field string, raw json.RawMessage) string {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		return "(nothing recorded)"
	}
	if render, ok := fieldRenderers[kind+"."+field]; ok {
		if text, err := render(trimmed); err == nil {
			return text
		}
		return string(raw)
	}
	return plainText(trimmed)
}

// fieldRenderers read the fields that have a shape of their own.
var fieldRenderers = map[string]func([]byte) (string, error){
	kindPlan + ".goals":         as(goalsText),
	kindPlan + ".contingency":   as(contingencyText),
	kindPlan + ".people":        as(peopleText),
	kindPlan + ".support":       as(supportText),
	kindPlan + ".state":         as(func(s PlanState) string { return string(s) }),
	kindPlan + ".agreement":     as(agreementText),
	kindPatient + ".conditions": as(conditionsText),
	kindPatient + ".consent":    as(consentText),
	kindPatient + ".status":     as(func(s Status) string { return s.Label() }),
	kindPatient + ".history":    as(historyText),
	kindPatient + ".carers":     as(carersText),
	kindPatient + ".team":       as(teamText),
	kindPatient + ".nhsNumber":  as(func(n NHSNumber) string { return n.Display() }),
	kindTemplate + ".goals":     as(templateGoalsText),
}

// as unmarshals the field into T and renders it with f.
func as[T any](f func(T) string) func([]byte) (string, error) {
	return func(raw []byte) (string, error) {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return "", err
		}
		return f(v), nil
	}
}

// plainText shows a field with no shape of its own: a date or string as words, yes or no,
// a number, or else the JSON indented.
func plainText(raw []byte) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if d, err := ParseDate(s); err == nil && len(s) == len(DateLayout) {
			return LongDate(d)
		}
		if s == "" {
			return "(blank)"
		}
		return s
	}
	var b bool
	if json.Unmarshal(raw, &b) == nil {
		if b {
			return "Yes"
		}
		return "No"
	}
	var out bytes.Buffer
	if json.Indent(&out, raw, "", "  ") != nil {
		return string(raw)
	}
	return out.String()
}

// LongDate writes a date in full, "3 December 2026", where two dates side by side must not be
// misread; a zero date is "no date".
func LongDate(d Date) string {
	if d.IsZero() {
		return "no date"
	}
	return d.Time().Format("2 January 2006")
}

func goalsText(goals []Goal) string {
	if len(goals) == 0 {
		return "No goals"
	}
	blocks := make([]string, len(goals))
	for i, g := range goals {
		lines := []string{fmt.Sprintf("Goal: %s (%s)", g.InMyWords, g.Domain)}
		if g.Outcome != nil {
			lines = append(lines, fmt.Sprintf("Reviewed %s: %s", LongDate(g.Outcome.On), g.Outcome.Decision))
		}
		for _, a := range g.Actions {
			lines = append(lines, fmt.Sprintf("• %s — %s, due %s (%s)", a.What, a.Owner.Who(), LongDate(a.Due), actionState(a)))
		}
		blocks[i] = strings.Join(lines, "\n")
	}
	return strings.Join(blocks, "\n\n")
}

// actionState is an action's status, with the day it was done.
func actionState(a Action) string {
	if a.Status == ActionDone && !a.DoneOn.IsZero() {
		return "done " + LongDate(a.DoneOn)
	}
	if a.Status == "" {
		return "no status"
	}
	return string(a.Status)
}

func templateGoalsText(goals []TemplateGoal) string {
	if len(goals) == 0 {
		return "No goals"
	}
	blocks := make([]string, len(goals))
	for i, g := range goals {
		lines := []string{fmt.Sprintf("Goal: %s (%s)", g.Suggestion, g.Domain)}
		for _, a := range g.Actions {
			line := fmt.Sprintf("• %s — %s", a.What, ActionOwner{Kind: a.Owner}.Who())
			if a.WithinDays > 0 {
				line += fmt.Sprintf(", within %d days", a.WithinDays)
			}
			lines = append(lines, line)
		}
		blocks[i] = strings.Join(lines, "\n")
	}
	return strings.Join(blocks, "\n\n")
}

// contingencyText names each colour in words, for readers who cannot tell them apart.
func contingencyText(c Contingency) string {
	return strings.Join([]string{
		"Green (I'm well): what I do to stay well: " + written(c.Green.WhatIDo),
		"Amber (warning signs): " + written(c.Amber.WarningSigns) + "; what I do: " + written(c.Amber.WhatIDo) +
			"; who I call: " + written(c.Amber.WhoICall),
		"Red (emergency): who to call: " + written(c.Red.WhoToCall) + "; what they need to know: " +
			written(c.Red.WhatTheyNeedToKnow),
	}, "\n")
}

// written shows a blank part of a plan as blank, so it is never mistaken for a short answer.
func written(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(not written)"
	}
	return s
}

func peopleText(people []Person) string {
	if len(people) == 0 {
		return "Nobody listed"
	}
	lines := make([]string, len(people))
	for i, p := range people {
		lines[i] = joined(", ", p.Name, p.Role, p.Organisation, p.Phone)
	}
	return strings.Join(lines, "\n")
}

func supportText(support []Signpost) string {
	if len(support) == 0 {
		return "No signposting"
	}
	lines := make([]string, len(support))
	for i, s := range support {
		lines[i] = joined(" — ", s.Name, s.Offers, s.Contact)
	}
	return strings.Join(lines, "\n")
}

func agreementText(a *Agreement) string {
	if a == nil {
		return "Not agreed"
	}
	return fmt.Sprintf("Agreed with %s on %s", a.By, LongDate(a.On))
}

func conditionsText(codes []string) string {
	if len(codes) == 0 {
		return "None recorded"
	}
	terms := make([]string, len(codes))
	for i, c := range codes {
		terms[i] = ConditionTerm(c)
	}
	return strings.Join(terms, "\n")
}

func consentText(history []ConsentRecord) string {
	if len(history) == 0 {
		return "No consent recorded"
	}
	lines := make([]string, len(history))
	for i, c := range history {
		line := fmt.Sprintf("%s: %s on %s", consentScopeWords(c.Scope), c.Decision, LongDate(c.On))
		if c.How != "" {
			line += " (" + c.How + ")"
		}
		if c.RecordedBy != "" {
			line += ", recorded by " + c.RecordedBy
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

func consentScopeWords(s ConsentScope) string {
	switch s {
	case ConsentToJoin:
		return "Joining the hub"
	case ConsentToShareCarers:
		return "Sharing the plan with carers"
	case ConsentToShareProfessionals:
		return "Sharing the plan with professionals"
	}
	return string(s)
}

func historyText(history []StatusChange) string {
	if len(history) == 0 {
		return "No status changes"
	}
	lines := make([]string, len(history))
	for i, h := range history {
		lines[i] = fmt.Sprintf("%s on %s, by %s", h.To.Label(), LongDate(h.On), h.By)
	}
	return strings.Join(lines, "\n")
}

func carersText(carers []Carer) string {
	if len(carers) == 0 {
		return "No carers listed"
	}
	lines := make([]string, len(carers))
	for i, c := range carers {
		lines[i] = joined(", ", c.Name, c.Relationship, c.Phone)
	}
	return strings.Join(lines, "\n")
}

func teamText(t CareTeam) string {
	return "Key worker: " + orNone(t.KeyWorker) + "\nCoordinator: " + orNone(t.Coordinator)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// joined joins the parts that are not blank.
func joined(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
