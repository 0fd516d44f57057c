package careplan

import (
	"strings"
	"testing"
)

func TestSearchConditions(t *testing.T) {
	tests := []struct {
		typed string
		want  string // a term that must be found
		none  bool
	}{
		{"diab", "Type 2 diabetes", false},
		{"diab", "Type 1 diabetes", false},
		{"bipolar", "Bipolar affective disorder", false},
		{"learning", "Learning disability", false},
		{"DIAB", "Type 2 diabetes", false},
		{" copd ", "COPD (chronic obstructive pulmonary disease)", false},
		{"parkinson", "Parkinson's disease", false},
		{"blood pressure", "Hypertension (high blood pressure)", false},
		{"gout", "", true},
	}
	for _, tt := range tests {
		got := SearchConditions(tt.typed)
		if tt.none {
			if len(got) != 0 {
				t.Errorf("SearchConditions(%q) = %v, want none", tt.typed, got)
			}
			continue
		}
		found := false
		for _, c := range got {
			found = found || c.Term == tt.want
		}
		if !found {
			t.Errorf("SearchConditions(%q) = %v, want %q among them", tt.typed, got, tt.want)
		}
	}
	if got := SearchConditions(""); len(got) != len(Conditions()) {
		t.Errorf("empty search gives %d conditions, want all %d", len(got), len(Conditions()))
	}
}

func TestConditionsList(t *testing.T) {
	cs := Conditions()
	if len(cs) != 23 {
		t.Errorf("%d conditions, want 23", len(cs))
	}
	seen := map[string]bool{}
	for i, c := range cs {
		if seen[c.Code] {
			t.Errorf("code %s listed twice", c.Code)
		}
		seen[c.Code] = true
		if i > 0 && cs[i-1].Term > c.Term {
			t.Errorf("not sorted by term at %q", c.Term)
		}
	}
	if c, ok := ConditionByCode("44054006"); !ok || c.Term != "Type 2 diabetes" {
		t.Errorf("ConditionByCode(44054006) = %v, %v", c, ok)
	}
	// Added in issue 14, codes checked (see conditionList).
	for code, term := range map[string]string{
		"46635009": "Type 1 diabetes", "58214004": "Schizophrenia",
		"13746004": "Bipolar affective disorder", "110359009": "Learning disability",
	} {
		if c, ok := ConditionByCode(code); !ok || c.Term != term {
			t.Errorf("ConditionByCode(%s) = %v, %v; want %q", code, c, ok, term)
		}
	}
	if got := ConditionTerm("999"); !strings.Contains(got, "999") {
		t.Errorf("an unknown code is hidden: %q", got)
	}
}
