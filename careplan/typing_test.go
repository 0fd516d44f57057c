package careplan

import (
	"errors"
	"testing"
)

func TestCheckNHSTyping(t *testing.T) {
	for _, c := range []struct {
		typed    string
		complete bool
		err      error
	}{
		{"", false, nil},
		{"944", false, nil},
		{"944 930 555", false, nil},
		{"944 930 5552", true, nil},
		{"944-930-5552", true, nil},
		{"944 930 5553", false, ErrNHSNumberCheck},
		{"94493055521", false, ErrNHSNumberLength},
		{"94a", false, ErrNHSNumberDigits},
	} {
		n, complete, err := CheckNHSTyping(c.typed)
		if complete != c.complete || !errors.Is(err, c.err) || (c.err == nil && err != nil) {
			t.Errorf("%q: %q, %v, %v; want complete %v, %v", c.typed, n, complete, err, c.complete, c.err)
		}
	}
}

func TestParseODSCode(t *testing.T) {
	if got, err := ParseODSCode(" l85001 "); got != "L85001" || err != nil {
		t.Errorf("lower case with spaces: %q, %v", got, err)
	}
	for _, bad := range []string{"", "L8500", "L850012", "185001", "LL5001", "L85O01"} {
		if _, err := ParseODSCode(bad); !errors.Is(err, ErrODSCode) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// FuzzCheckNHSTyping: whatever is typed, the check never panics, a complete number is valid,
// and anything it calls unfinished really is fewer than ten digits with nothing wrong.
func FuzzCheckNHSTyping(f *testing.F) {
	for _, s := range []string{"", "9", "944 930", "9449305552", "944-930-5553", "9449305552 1", "x", "٩٤٤"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, complete, err := CheckNHSTyping(s)
		switch {
		case complete:
			if err != nil || !n.Valid() {
				t.Fatalf("%q complete as %q with %v", s, n, err)
			}
		case err == nil:
			if _, perr := ParseNHSNumber(s); perr == nil {
				t.Fatalf("%q is a valid number but was called unfinished", s)
			}
		}
	})
}

// FuzzParseODSCode: an accepted code is six characters that read back the same.
func FuzzParseODSCode(f *testing.F) {
	for _, s := range []string{"L85001", "l85001", " L85001 ", "", "ß85001", "L8500١"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := ParseODSCode(s)
		if err != nil {
			return
		}
		if again, err := ParseODSCode(code); err != nil || again != code || len(code) != 6 {
			t.Fatalf("%q → %q → %q, %v", s, code, again, err)
		}
	})
}
