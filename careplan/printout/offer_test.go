package printout

import (
	"strings"
	"testing"

	"carehub/careplan"
)

func TestOfferFor(t *testing.T) {
	agreed := func(v int) careplan.Plan {
		return careplan.Plan{Version: v, State: careplan.PlanAgreed, Agreement: &careplan.Agreement{By: "Sam"}}
	}
	draft := func(v int) careplan.Plan { return careplan.Plan{Version: v, State: careplan.PlanDraft} }
	tests := []struct {
		name  string
		plans []careplan.Plan
		needs careplan.CommunicationNeeds
		want  Offer
	}{
		{"nothing", nil, careplan.CommunicationNeeds{}, Offer{}},
		{"only a draft", []careplan.Plan{draft(1)}, careplan.CommunicationNeeds{}, Offer{Draft: true}},
		{"agreed", []careplan.Plan{agreed(1)}, careplan.CommunicationNeeds{}, Offer{Agreed: true}},
		{"newer draft", []careplan.Plan{agreed(1), draft(2)}, careplan.CommunicationNeeds{}, Offer{Agreed: true, Draft: true}},
		{"old draft", []careplan.Plan{draft(1), agreed(2)}, careplan.CommunicationNeeds{}, Offer{Agreed: true}},
		{"large print flag", []careplan.Plan{agreed(1)}, careplan.CommunicationNeeds{LargePrint: true}, Offer{Agreed: true, LargePrint: true}},
		{"large print in words", nil, careplan.CommunicationNeeds{Other: "Large print, please"}, Offer{LargePrint: true}},
	}
	for _, tt := range tests {
		if got := OfferFor(careplan.Patient{Needs: tt.needs}, tt.plans); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestBatchSelectionChoose(t *testing.T) {
	d := func(day int) careplan.Date { return careplan.NewDate(2026, 3, day) }
	row := func(name string, st careplan.Status, review careplan.Date, kw string) careplan.CaseloadEntry {
		return careplan.CaseloadEntry{PatientID: name, GivenName: name, Status: st, ReviewDate: review, KeyWorker: kw}
	}
	rows := []careplan.CaseloadEntry{
		row("late", careplan.StatusActive, d(20), "Sam"),
		row("early", careplan.StatusActive, d(5), "Sam"),
		row("first day", careplan.StatusNominated, d(1), "Jo"),
		row("last day", careplan.StatusConsented, d(31), "Jo"),
		row("after", careplan.StatusActive, careplan.NewDate(2026, 4, 1), "Sam"),
		row("discharged", careplan.StatusDischarged, d(10), "Sam"),
		row("died", careplan.StatusDied, d(10), "Jo"),
		row("no plan", careplan.StatusActive, careplan.Date{}, "Sam"),
	}
	names := func(es []careplan.CaseloadEntry) string {
		var out []string
		for _, e := range es {
			out = append(out, e.GivenName)
		}
		return strings.Join(out, ", ")
	}
	tests := []struct {
		sel  BatchSelection
		want string
	}{
		// Closed records are chosen so the batch can say it left them out (BatchPerson.Prints).
		{BatchSelection{By: ByReviewDue, From: d(1), To: d(31)}, "first day, early, died, discharged, late, last day"},
		{BatchSelection{By: ByReviewDue, To: d(5)}, "first day, early"},
		{BatchSelection{By: ByKeyWorker, KeyWorker: "Sam"}, "after, discharged, early, late, no plan"},
		{BatchSelection{By: ByKeyWorker}, ""},
	}
	for _, tt := range tests {
		if got := names(tt.sel.Choose(rows)); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.sel, got, tt.want)
		}
	}
}

func TestClosedRecordsAreNeverBatchPrinted(t *testing.T) {
	agreed := []careplan.Plan{{Version: 1, State: careplan.PlanAgreed}}
	for _, st := range careplan.Statuses() {
		p := BatchPersonFor(careplan.CaseloadEntry{Status: st}, agreed)
		if p.Prints() == st.Closed() {
			t.Errorf("%s with an agreed plan: Prints() = %v", st, p.Prints())
		}
	}
	died := careplan.Patient{Status: careplan.StatusDied, History: []careplan.StatusChange{
		{To: careplan.StatusDied, On: careplan.NewDate(2026, 11, 10), DiedOn: careplan.NewDate(2026, 11, 3)}}}
	if o := OfferFor(died, agreed); o.Closed != "died on 3 Nov 2026" {
		t.Errorf("offer for a person who died: Closed %q", o.Closed)
	}
}
