package careplan

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestFieldLabel(t *testing.T) {
	tests := []struct{ kind, field, want string }{
		{"plan", "goals", "Goals and actions"},
		{"plan", "contingency", "If I become unwell"},
		{"plan", "reviewDate", "Review date"},
		{"plan", "support", "Support and signposting"},
		{"patient", "consent", "Consent"},
		{"patient", "nhsNumber", "NHS number"},
		{"patient", "dateOfBirth", "Date of birth"},
		{"community service", "offers", "What it offers"},
		{"plan", "nextMeeting", "Next meeting"},              // a field added later
		{"goal check-in", "howItIsGoing", "How it is going"}, // a kind this list does not know
		{"plan", "nhsID", "Nhs ID"},
		{"plan", "", ""},
	}
	for _, tc := range tests {
		if got := FieldLabel(tc.kind, tc.field); got != tc.want {
			t.Errorf("FieldLabel(%q, %q) = %q, want %q", tc.kind, tc.field, got, tc.want)
		}
	}
}

func TestFieldTextGoals(t *testing.T) {
	goals := []Goal{{
		ID: "g1", Domain: DomainMovement, InMyWords: "Walk to the post office",
		Actions: []Action{
			{What: "Physio visit", Owner: ActionOwner{Kind: OwnerService, Name: "Falls team"}, Due: NewDate(2026, time.December, 3), Status: ActionOpen},
			{What: "Buy a stick", Owner: ActionOwner{Kind: OwnerPatient}, Status: ActionDone, DoneOn: NewDate(2026, time.March, 1)},
		},
	}, {ID: "g2", Domain: DomainSocial, InMyWords: "Sing again"}}
	raw, _ := json.Marshal(goals)
	want := "Goal: Walk to the post office (Movement)\n" +
		"• Physio visit — Service (Falls team), due 3 December 2026 (open)\n" +
		"• Buy a stick — Me, due no date (done 1 March 2026)\n" +
		"\n" +
		"Goal: Sing again (Social)"
	if got := FieldText("plan", "goals", raw); got != want {
		t.Errorf("goals:\n%s\nwant:\n%s", got, want)
	}
}

func TestFieldText(t *testing.T) {
	contingency, _ := json.Marshal(Contingency{
		Green: Green{WhatIDo: "Walk daily"},
		Amber: Amber{WarningSigns: "Breathless", WhoICall: "Sam, key worker"},
		Red:   Red{WhoToCall: "999"},
	})
	people, _ := json.Marshal([]Person{{Name: "Dr Rees", Role: "GP", Organisation: "Frome Medical Practice"}, {Name: "Ann", Role: "Daughter"}})
	consent, _ := json.Marshal([]ConsentRecord{{Scope: ConsentToJoin, Decision: ConsentGiven, On: NewDate(2026, time.January, 5), How: "verbal", RecordedBy: "Jo Marsh"}})
	tests := []struct {
		kind, field string
		raw         string
		want        string
	}{
		{"plan", "reviewDate", `"2026-12-03"`, "3 December 2026"},
		{"plan", "aboutMe", `"I love my garden"`, "I love my garden"},
		{"plan", "aboutMe", `""`, "(blank)"},
		{"plan", "aboutMe", `null`, "(nothing recorded)"},
		{"plan", "contingency", string(contingency), "Green (I'm well): what I do to stay well: Walk daily\n" +
			"Amber (warning signs): Breathless; what I do: (not written); who I call: Sam, key worker\n" +
			"Red (emergency): who to call: 999; what they need to know: (not written)"},
		{"plan", "people", string(people), "Dr Rees, GP, Frome Medical Practice\nAnn, Daughter"},
		{"patient", "consent", string(consent), "Joining the hub: given on 5 January 2026 (verbal), recorded by Jo Marsh"},
		{"patient", "status", `"active"`, "Active"},
		{"patient", "nhsNumber", `"9434765919"`, "943 476 5919"},
		{"patient", "team", `{"keyWorker":"Sam Green"}`, "Key worker: Sam Green\nCoordinator: none"},
		{"staff", "active", `false`, "No"},
		{"patient", "contact", `{"phone":"01373 123456"}`, "{\n  \"phone\": \"01373 123456\"\n}"},
		{"plan", "version", `3`, "3"},
		// Not the JSON expected: shown as it came, never a panic or a blank.
		{"plan", "goals", `{"not":"a list"}`, `{"not":"a list"}`},
		{"plan", "goals", `[{"inMyWords":`, `[{"inMyWords":`},
		{"plan", "reviewDate", `not json`, `not json`},
		{"plan", "contingency", `"2026-99-99"`, `"2026-99-99"`},
	}
	for _, tc := range tests {
		if got := FieldText(tc.kind, tc.field, json.RawMessage(tc.raw)); got != tc.want {
			t.Errorf("FieldText(%q, %q, %s) =\n%s\nwant:\n%s", tc.kind, tc.field, tc.raw, got, tc.want)
		}
	}
}

func FuzzFieldText(f *testing.F) {
	f.Add("plan", "goals", `[{"inMyWords":"x","actions":[{"due":"2026-01-01"}]}]`)
	f.Add("patient", "consent", `[{"on":"bad"}]`)
	f.Add("plan", "reviewDate", `"2026-02-30"`)
	f.Fuzz(func(t *testing.T, kind, field, raw string) {
		if got := FieldText(kind, field, json.RawMessage(raw)); strings.TrimSpace(raw) != "" && got == "" {
			t.Errorf("FieldText(%q, %q, %q) is blank", kind, field, raw)
		}
	})
}
