package pam

import "testing"

// Scores are typed in from PAM reports: the parser must never panic, and any score it accepts
// must write and read back the same and lie within 0-100.
func FuzzParseScore(f *testing.F) {
	for _, s := range []string{"55.2", "67", "100.0", "100.1", "-1", "55.25", "abc", "", "-0.5", "1844674407370955162"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := ParseScore(s)
		if err != nil {
			return
		}
		if !sc.Valid() {
			t.Fatalf("accepted %q as %v, outside 0-100", s, sc)
		}
		if again, err := ParseScore(sc.String()); err != nil || again != sc {
			t.Fatalf("%q → %q → %v, %v", s, sc.String(), again, err)
		}
		if ExpectedLevel(sc) == 0 {
			t.Fatalf("accepted score %v has no level", sc)
		}
	})
}
