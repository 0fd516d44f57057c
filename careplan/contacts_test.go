package careplan

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestContactValidate(t *testing.T) {
	today := NewDate(2026, time.March, 2)
	good := Contact{Kind: ContactPhone, On: today, By: "Sam Green", Minutes: 20}
	if err := good.Validate(today); err != nil {
		t.Fatalf("a good contact: %v", err)
	}
	long := make([]rune, MaxContactNote+1)
	for i := range long {
		long[i] = 'é'
	}
	for _, c := range []struct {
		name   string
		change func(*Contact)
		want   error
	}{
		{"no kind", func(c *Contact) { c.Kind = "" }, ErrContactKind},
		{"unknown kind", func(c *Contact) { c.Kind = "carrier pigeon" }, ErrContactKind},
		{"no date", func(c *Contact) { c.On = Date{} }, ErrContactDate},
		{"tomorrow", func(c *Contact) { c.On = today.AddDays(1) }, ErrContactInFuture},
		{"nobody", func(c *Contact) { c.By = "  " }, ErrContactBy},
		{"no minutes", func(c *Contact) { c.Minutes = 0 }, ErrContactMinutes},
		{"a slip", func(c *Contact) { c.Minutes = 600 }, ErrContactMinutes},
		{"long note", func(c *Contact) { c.Note = string(long) }, ErrContactNote},
	} {
		bad := good
		c.change(&bad)
		if err := bad.Validate(today); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestLatestContact(t *testing.T) {
	d := NewDate(2026, time.January, 1)
	if got := LatestContact(nil); !got.IsZero() {
		t.Errorf("no contacts: %v", got)
	}
	all := []Contact{{On: d.AddDays(5)}, {On: d.AddDays(30)}, {On: d}}
	if got := LatestContact(all); got != d.AddDays(30) {
		t.Errorf("latest = %v", got)
	}
}

func TestSuggestKeyWorkers(t *testing.T) {
	staff := []StaffMember{
		{Name: "Ann Dementia", Role: RoleKeyWorker, Active: true, Specialisms: []Specialism{SpecDementia}},
		{Name: "Ben Tele", Role: RoleKeyWorker, Active: true, Specialisms: []Specialism{SpecTelehealth}},
		{Name: "Cat Falls", Role: RoleKeyWorker, Active: true, Specialisms: []Specialism{SpecFalls, SpecMentalHealth}},
		{Name: "Dee Left", Role: RoleKeyWorker, Active: false, Specialisms: []Specialism{SpecDementia}},
		{Name: "Eve Coord", Role: RoleCoordinator, Active: true, Specialisms: []Specialism{SpecDementia}},
	}
	for _, c := range []struct {
		name       string
		conditions []string
		want       []string
	}{
		{"dementia", []string{"52448006"}, []string{"Ann Dementia"}},
		{"COPD and heart failure", []string{"13645005", "84114007"}, []string{"Ben Tele"}},
		{"Parkinson's and depression: two matches beat one", []string{"49049000", "35489007", "52448006"}, []string{"Cat Falls", "Ann Dementia"}},
		{"nothing matches", []string{"363346000"}, nil},
	} {
		got := SuggestKeyWorkers(c.conditions, staff)
		var names []string
		for _, s := range got {
			names = append(names, s.Staff.Name)
			if len(s.Because) == 0 {
				t.Errorf("%s: %s suggested for no reason", c.name, s.Staff.Name)
			}
		}
		if len(names) != len(c.want) {
			t.Errorf("%s: suggested %q, want %q", c.name, names, c.want)
			continue
		}
		for i := range names {
			if names[i] != c.want[i] {
				t.Errorf("%s: suggested %q, want %q", c.name, names, c.want)
			}
		}
	}
}

func TestSpecialismListUsesKnownCodesAndSpecialisms(t *testing.T) {
	for _, c := range Conditions() {
		for _, s := range SpecialismsFor(c.Code) {
			if !hasSpecialism(StaffMember{Specialisms: Specialisms()}, s) {
				t.Errorf("%s maps to unknown specialism %q", c.Term, s)
			}
		}
	}
	for _, line := range splitLines(specialismList) {
		code, _, _ := strings.Cut(line, "\t")
		if _, ok := ConditionByCode(code); !ok {
			t.Errorf("specialism list names unknown condition %s", code)
		}
	}
}

func TestCloseActionsOnDeath(t *testing.T) {
	on := NewDate(2026, time.March, 2)
	draft := Plan{State: PlanDraft, Goals: []Goal{{Actions: []Action{{Status: ActionOpen}, {Status: ActionDone}, {Status: ActionOpen}}}}}
	if n, ok := CloseActionsOnDeath(&draft, on); n != 2 || !ok {
		t.Errorf("closed %d, %v; want 2", n, ok)
	}
	if all, _ := draft.OpenActions(); all != 0 {
		t.Errorf("%d still open", all)
	}
	agreed := Plan{State: PlanAgreed, Goals: []Goal{{Actions: []Action{{Status: ActionOpen}}}}}
	if _, ok := CloseActionsOnDeath(&agreed, on); ok || agreed.Goals[0].Actions[0].Status != ActionOpen {
		t.Error("an agreed plan was changed")
	}
}

func splitLines(s string) []string {
	var out []string
	for rest := s; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		out = append(out, line)
	}
	return out
}
