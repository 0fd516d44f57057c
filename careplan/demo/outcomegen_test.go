package demo

import (
	"testing"

	"carehub/careplan"
	"carehub/careplan/outcomes"
)

// checkOutcomes checks what the store would refuse or a report would misread: every record
// valid, the person's own, taken by their key worker, in date order, within their time on
// the hub.
func checkOutcomes(t *testing.T, p Person, today careplan.Date) {
	t.Helper()
	if len(p.Outcomes) > 0 && len(p.Assessments) == 0 {
		t.Fatalf("%s: outcome records but no PAM, so no visit to take them at", p.Patient.ID)
	}
	ids := map[string]bool{}
	for i, o := range p.Outcomes {
		if err := o.Validate(today); err != nil {
			t.Fatalf("%s: outcome %d: %v\n%+v", p.Patient.ID, i, err, o)
		}
		if o.PatientID != p.Patient.ID || o.ID == "" || ids[o.ID] || o.RecordedBy != p.Patient.Team.KeyWorker {
			t.Fatalf("%s: outcome %d %+v", p.Patient.ID, i, o)
		}
		ids[o.ID] = true
		if i > 0 && o.TakenOn.Before(p.Outcomes[i-1].TakenOn) {
			t.Fatalf("%s: outcomes out of order", p.Patient.ID)
		}
		if o.TakenOn.Before(p.Assessments[0].TakenOn) {
			t.Fatalf("%s: outcome taken %v before the first PAM %v", p.Patient.ID, o.TakenOn, p.Assessments[0].TakenOn)
		}
		if o.InError != nil && (o.InError.Reason == "" || o.InError.By == "" || careplan.DateOf(o.InError.At).After(today)) {
			t.Fatalf("%s: in-error mark %+v", p.Patient.ID, o.InError)
		}
	}
}

// TestOutcomeMix checks the demo hub gives evaluators something to look at: most people with a
// PAM have baseline measures, many have a later one, CFS is mostly 3-7, loneliness and
// wellbeing improve a little on average, and about 1% of records are entered in error.
func TestOutcomeMix(t *testing.T) {
	const n = 5000
	g := New(42, testToday())
	var withPAM, withBaseline, withLaterUCLA, records, inError, pams, pamsInError int
	cfs := [10]int{}
	var uclaFirst, uclaLast, lifeFirst, lifeLast, anxFirst, anxLast, pairsUCLA, pairsONS float64
	for range n {
		p := g.Next()
		for _, a := range p.Assessments {
			pams++
			if !a.Counts() {
				pamsInError++
			}
		}
		if len(p.Assessments) > 0 {
			withPAM++
		}
		var ucla, ons []outcomes.Record
		for _, o := range p.Outcomes {
			records++
			if !o.Counts() {
				inError++
				continue
			}
			switch o.Measure {
			case outcomes.MeasureFrailty:
				cfs[o.Frailty.Score]++
			case outcomes.MeasureLoneliness:
				ucla = append(ucla, o)
			case outcomes.MeasureWellbeing:
				ons = append(ons, o)
			}
		}
		if len(p.Outcomes) > 0 {
			withBaseline++
		}
		if len(ucla) >= 2 {
			withLaterUCLA++
			pairsUCLA++
			uclaFirst += float64(ucla[0].Loneliness.Total())
			uclaLast += float64(ucla[len(ucla)-1].Loneliness.Total())
		}
		if len(ons) >= 2 {
			pairsONS++
			lifeFirst += float64(ons[0].Wellbeing.LifeSatisfaction)
			lifeLast += float64(ons[len(ons)-1].Wellbeing.LifeSatisfaction)
			anxFirst += float64(ons[0].Wellbeing.Anxious)
			anxLast += float64(ons[len(ons)-1].Wellbeing.Anxious)
		}
	}
	t.Logf("%d with PAM, %d with outcomes, %d with a later UCLA; CFS %v; %d/%d outcomes and %d/%d PAMs in error",
		withPAM, withBaseline, withLaterUCLA, cfs[1:], inError, records, pamsInError, pams)
	if float64(withBaseline) < 0.9*float64(withPAM) {
		t.Errorf("only %d of %d people with a PAM have baseline outcomes", withBaseline, withPAM)
	}
	if float64(withLaterUCLA) < 0.25*float64(withPAM) {
		t.Errorf("only %d of %d people with a PAM have a later loneliness score", withLaterUCLA, withPAM)
	}
	mid, all := 0, 0
	for s, k := range cfs {
		all += k
		if s >= 3 && s <= 7 {
			mid += k
		}
	}
	if float64(mid) < 0.8*float64(all) || cfs[1] == 0 || cfs[9] == 0 {
		t.Errorf("CFS spread %v: want mostly 3-7 and the odd 1 and 9", cfs[1:])
	}
	if uclaLast/pairsUCLA >= uclaFirst/pairsUCLA || lifeLast/pairsONS <= lifeFirst/pairsONS || anxLast/pairsONS >= anxFirst/pairsONS {
		t.Errorf("no modest improvement: UCLA %.2f→%.2f, life %.2f→%.2f, anxious %.2f→%.2f",
			uclaFirst/pairsUCLA, uclaLast/pairsUCLA, lifeFirst/pairsONS, lifeLast/pairsONS, anxFirst/pairsONS, anxLast/pairsONS)
	}
	for _, rate := range []float64{float64(inError) / float64(records), float64(pamsInError) / float64(pams)} {
		if rate < 0.003 || rate > 0.02 {
			t.Errorf("%.2f%% entered in error, want about 1%%", 100*rate)
		}
	}
}
