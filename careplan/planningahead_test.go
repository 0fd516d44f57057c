package careplan

import (
	"errors"
	"testing"
	"time"
)

func TestPlanningAheadAnswersAreDatedAndSayWhoTold(t *testing.T) {
	p := Plan{Ahead: PlanningAhead{PlaceOfCare: AheadItem{Answer: "At home"}}}
	if err := p.Validate(); !errors.Is(err, ErrAheadUndated) {
		t.Errorf("an undated answer: %v", err)
	}
	p.Ahead.PlaceOfCare = AheadItem{Answer: "At home", On: NewDate(2026, time.March, 3), ToldBy: "Siân"}
	p.Ahead.Respect = AheadItem{Answer: " "}
	if err := p.Validate(); err != nil {
		t.Errorf("a dated answer and a blank one: %v", err)
	}
	rec := p.Ahead.Recorded()
	if len(rec) != 1 || rec[0].Label != "Preferred place of care" || rec[0].Item.Told() != "told by Siân on 3 Mar 2026" {
		t.Errorf("recorded %+v", rec)
	}
}
