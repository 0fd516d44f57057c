package pam

import (
	"strings"
	"testing"
)

// The person's own copy uses words that do not label them: none of the evaluation descriptors.
func TestPlainWordsNeverUseTheEvaluationDescriptors(t *testing.T) {
	for l := Level1; l <= Level4; l++ {
		w := l.PlainWords()
		for _, bad := range []string{"disengaged", "overwhelmed", "struggling"} {
			if strings.Contains(w, bad) {
				t.Errorf("%s: %q", l, w)
			}
		}
		if w == "" || w == "not a PAM level" {
			t.Errorf("%s has no plain words", l)
		}
	}
}
