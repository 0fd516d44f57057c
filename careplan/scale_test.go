package careplan

import (
	"errors"
	"strconv"
	"testing"
)

func TestParseScale(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
		err  error
	}{
		{"0", 0, nil}, {"10", 10, nil}, {" 7 ", 7, nil},
		{"11", 0, ErrScale}, {"-1", 0, ErrScale}, {"", 0, ErrScale}, {"7.5", 0, ErrScale}, {"seven", 0, ErrScale},
	} {
		got, err := ParseScale(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ParseScale(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// FuzzParseScale: whatever is typed, a score is either refused or a whole number 0-10 that
// writes back as what was typed, trimmed of spaces and leading zeros.
func FuzzParseScale(f *testing.F) {
	for _, s := range []string{"0", "10", " 5", "11", "-0", "+3", "007", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseScale(s)
		if err != nil {
			if !errors.Is(err, ErrScale) || n != 0 {
				t.Fatalf("ParseScale(%q) = %d, %v", s, n, err)
			}
			return
		}
		if n < 0 || n > 10 {
			t.Fatalf("ParseScale(%q) = %d, outside 0-10", s, n)
		}
		if back, _ := ParseScale(strconv.Itoa(n)); back != n {
			t.Fatalf("%d does not read back", n)
		}
	})
}
