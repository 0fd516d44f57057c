package careplan

import (
	"errors"
	"strings"
)

// AheadItem is one answer in the plan's "Planning ahead" section, dated and with who told the
// hub, since such things change and a stale answer is worse than none.
type AheadItem struct {
	Answer string `json:"answer,omitempty"` // in place or not and where it is kept; who; where
	On     Date   `json:"on,omitzero"`      // the day the hub was told
	ToldBy string `json:"toldBy,omitempty"` // who told the hub: the person, a carer, the GP
}

// PlanningAhead is the plan's "Planning ahead" section (PRSB personalised care and support
// plan): each part optional.
type PlanningAhead struct {
	Respect      AheadItem `json:"respect,omitzero"`      // ReSPECT or DNACPR form: in place or not, where kept
	LPA          AheadItem `json:"lpa,omitzero"`          // lasting power of attorney for health and welfare: who
	ADRT         AheadItem `json:"adrt,omitzero"`         // advance decision to refuse treatment: in place, where
	PlaceOfCare  AheadItem `json:"placeOfCare,omitzero"`  // preferred place of care
	PlaceOfDeath AheadItem `json:"placeOfDeath,omitzero"` // preferred place of death
}

// AheadEntry is one part of Planning ahead with its label, as screens, paper and the tablet
// show it.
type AheadEntry struct {
	Label string
	Item  *AheadItem
}

// Entries lists the parts in the order they are shown, pointing into pa so a form can fill them.
func (pa *PlanningAhead) Entries() []AheadEntry {
	return []AheadEntry{
		{"ReSPECT or DNACPR form", &pa.Respect},
		{"Lasting power of attorney (health and welfare)", &pa.LPA},
		{"Advance decision to refuse treatment", &pa.ADRT},
		{"Preferred place of care", &pa.PlaceOfCare},
		{"Preferred place of death", &pa.PlaceOfDeath},
	}
}

// Recorded lists only the parts with an answer.
func (pa PlanningAhead) Recorded() []AheadEntry {
	var out []AheadEntry
	for _, e := range pa.Entries() {
		if strings.TrimSpace(e.Item.Answer) != "" {
			out = append(out, e)
		}
	}
	return out
}

// Told says when and from whom the hub heard an answer: "told by Zoë D'Arcy on 3 Mar 2026".
func (it AheadItem) Told() string {
	var parts []string
	if by := strings.TrimSpace(it.ToldBy); by != "" {
		parts = append(parts, "told by "+by)
	}
	if !it.On.IsZero() {
		parts = append(parts, "on "+it.On.Display())
	}
	return strings.Join(parts, " ")
}

// ErrAheadUndated is returned for a planning-ahead answer without its date or who gave it.
var ErrAheadUndated = errors.New("each planning-ahead answer needs the date the hub was told and who told it")

func (pa PlanningAhead) validate() error {
	for _, e := range pa.Recorded() {
		if e.Item.On.IsZero() || strings.TrimSpace(e.Item.ToldBy) == "" {
			return ErrAheadUndated
		}
	}
	return nil
}
