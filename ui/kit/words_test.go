package kit

import (
	"errors"
	"testing"
)

func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"the first date is after":   "The first date is after",
		"élan is not a date":        "Élan is not a date",
		"Already starts a sentence": "Already starts a sentence",
	} {
		if got := Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOneLine(t *testing.T) {
	err := errors.New("the bundle is for another hub\nreceiver key 3f2a…")
	if got := OneLine(err); got != "the bundle is for another hub" {
		t.Errorf("OneLine = %q", got)
	}
}
