package pam

import (
	"errors"
	"testing"
)

func TestParseScore(t *testing.T) {
	tests := []struct {
		in   string
		want Score
		err  bool
	}{
		{"55.2", 552, false},
		{"67", 670, false},
		{"100.0", 1000, false},
		{"100", 1000, false},
		{"0", 0, false},
		{"0.0", 0, false},
		{" 47.0 ", 470, false},
		{"047.1", 471, false},
		{"100.1", 0, true},
		{"101", 0, true},
		{"-1", 0, true},
		{"-0.5", 0, true}, // was read as 0.5 before the sign was refused
		{"+55.2", 0, true},
		{"55.25", 0, true},
		{"55.", 0, true},
		{".5", 0, true},
		{"55,2", 0, true}, // a decimal comma is not guessed at
		{"5 5", 0, true},
		{"abc", 0, true},
		{"", 0, true},
		{"1844674407370955162", 0, true}, // overflowed into 0.4 before the length check
	}
	for _, tt := range tests {
		got, err := ParseScore(tt.in)
		if tt.err {
			if !errors.Is(err, ErrScore) {
				t.Errorf("ParseScore(%q) = %v, %v; want ErrScore", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseScore(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestScoreString(t *testing.T) {
	tests := []struct {
		s    Score
		want string
	}{
		{552, "55.2"}, {670, "67.0"}, {0, "0.0"}, {1000, "100.0"}, {5, "0.5"}, {-29, "-2.9"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("Score(%d).String() = %q, want %q", int(tt.s), got, tt.want)
		}
	}
	if got := Score(552).Points(); got != 55.2 {
		t.Errorf("Points = %v", got)
	}
}
