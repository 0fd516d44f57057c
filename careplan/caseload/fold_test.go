package caseload

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Siân", "sian"},
		{"Zoë", "zoe"},
		{"O'Brien", "obrien"},
		{"O’Brien", "obrien"}, // typographic apostrophe, as pasted from a letter
		{"D'Arcy", "darcy"},
		{"Ní Bhriain", "nibhriain"},
		{"Smith-Jones", "smithjones"},
		{"Łukasz Wiśniewski", "lukaszwisniewski"},
		{"Gonçalves", "goncalves"},
		{"Øyvind Müller", "oyvindmuller"},
		{"Åsa", "asa"},
		{"Æthelred", "aethelred"},
		{"Straße", "strasse"},
		{"ŒUVRE", "oeuvre"},
		{"Þór", "thor"},
		{"943 476 5919", "9434765919"},
		{"ΑΒΓ", "αβγ"}, // outside the table: lower-cased, kept
		{"", ""},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLatinBaseCoversItsRange guards the table: one plain letter or '.' per code point.
func TestLatinBaseCoversItsRange(t *testing.T) {
	if len(latinBase) != 0x180-0xC0 {
		t.Fatalf("latinBase has %d entries, want %d", len(latinBase), 0x180-0xC0)
	}
	for r := rune(0xC0); r < 0x180; r++ {
		f := fold(string(r))
		if r == '×' || r == '÷' {
			if f != "" {
				t.Errorf("fold(%q) = %q, want it dropped", r, f)
			}
			continue
		}
		if f == "" || !isPlain(f) || utf8.RuneCountInString(f) > 2 {
			t.Errorf("fold(%q) = %q", r, f)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"smith j", []string{"smith", "j"}},
		{"  O'Bri  ", []string{"obri"}},
		{"943 476", []string{"943476"}},
		{"999 12 smith 34", []string{"99912", "smith", "34"}},
		{"943-476", []string{"943476"}},
		{"' -", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
