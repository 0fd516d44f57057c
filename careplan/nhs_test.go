package careplan

import (
	"errors"
	"strings"
	"testing"
)

func TestParseNHSNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want NHSNumber
		err  error
	}{
		{"valid", "9449305552", "9449305552", nil},
		{"valid second example", "4010232137", "4010232137", nil},
		{"spaces as on letters", "944 930 5552", "9449305552", nil},
		{"dashes", "944-930-5552", "9449305552", nil},
		{"leading and trailing space", "  4010232137 ", "4010232137", nil},
		{"one digit changed", "9449305562", "", ErrNHSNumberCheck},
		{"check digit changed", "9449305553", "", ErrNHSNumberCheck},
		{"two digits swapped", "4940305552", "", ErrNHSNumberCheck},
		{"check digit would be 10", "0000000060", "", ErrNHSNumberCheck},
		{"letters", "94493O5552", "", ErrNHSNumberDigits},
		{"hospital number", "RBA1234567", "", ErrNHSNumberDigits},
		{"nine digits", "944930555", "", ErrNHSNumberLength},
		{"eleven digits", "94493055521", "", ErrNHSNumberLength},
		{"empty", "", "", ErrNHSNumberRequired},
		{"only spaces", "   ", "", ErrNHSNumberRequired},
		// Every digit repeated ten times passes Modulus 11 (the check digit works out as the
		// digit itself), so each needs refusing on its own.
		{"all noughts", "0000000000", "", ErrNHSNumberRepeated},
		{"all nines", "9999999999", "", ErrNHSNumberRepeated},
		{"all ones, spaced", "111 111 1111", "", ErrNHSNumberRepeated},
		{"nine nines and an eight", "9999999998", "", ErrNHSNumberCheck},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNHSNumber(tt.in)
			if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Fatalf("ParseNHSNumber(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			if got != tt.want {
				t.Errorf("ParseNHSNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNHSCheckDigitTen(t *testing.T) {
	// 6 × 2 = 12, remainder 1, check 10: no tenth digit can make this number valid.
	if _, ok := NHSCheckDigit("000000006"); ok {
		t.Fatal("NHSCheckDigit reported a check digit where the remainder gives 10")
	}
	for d := '0'; d <= '9'; d++ {
		if n := NHSNumber("000000006" + string(d)); n.Valid() {
			t.Errorf("%s is valid, want invalid", n)
		}
	}
}

func TestNHSCheckDigit(t *testing.T) {
	tests := []struct {
		nine  string
		digit int
		ok    bool
	}{
		{"944930555", 2, true},
		{"401023213", 7, true},
		{"000000000", 0, true}, // remainder 0 gives 11, written as 0
		{"94493055", 0, false},
		{"94493055x", 0, false},
	}
	for _, tt := range tests {
		d, ok := NHSCheckDigit(tt.nine)
		if d != tt.digit || ok != tt.ok {
			t.Errorf("NHSCheckDigit(%q) = %d, %v; want %d, %v", tt.nine, d, ok, tt.digit, tt.ok)
		}
	}
}

func TestNHSNumberDisplay(t *testing.T) {
	if got := NHSNumber("9434765919").Display(); got != "943 476 5919" {
		t.Errorf("Display = %q, want %q", got, "943 476 5919")
	}
	if got := NHSNumber("123").Display(); got != "123" {
		t.Errorf("Display of a short number = %q, want it unchanged", got)
	}
}

func TestRepeatedDigitNHSNumbersRefused(t *testing.T) {
	for d := '0'; d <= '9'; d++ {
		n := strings.Repeat(string(d), 10)
		if _, ok := NHSCheckDigit(n[:9]); !ok || n[9] != byte('0'+mustCheck(t, n[:9])) {
			t.Errorf("%s: expected to pass Modulus 11, which is why it needs its own rule", n)
		}
		if _, err := ParseNHSNumber(n); !errors.Is(err, ErrNHSNumberRepeated) {
			t.Errorf("ParseNHSNumber(%s) = %v, want ErrNHSNumberRepeated", n, err)
		}
		if _, complete, err := CheckNHSTyping(n); complete || !errors.Is(err, ErrNHSNumberRepeated) {
			t.Errorf("CheckNHSTyping(%s) = %v, %v", n, complete, err)
		}
	}
}

func mustCheck(t *testing.T, nine string) int {
	t.Helper()
	d, ok := NHSCheckDigit(nine)
	if !ok {
		t.Fatalf("%s has no check digit", nine)
	}
	return d
}
