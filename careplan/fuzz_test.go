package careplan

import "testing"

// Forms and imports hand these parsers whatever was typed or sent: they must never panic, and
// anything they accept must read back the same.

func FuzzParseNHSNumber(f *testing.F) {
	for _, s := range []string{"9449305552", "944 930 5552", "401-023-2137", "0000000060", "", "abc", "٩٤٤٩٣٠٥٥٥٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNHSNumber(s)
		if err != nil {
			return
		}
		if !n.Valid() || len(n) != 10 {
			t.Fatalf("accepted %q as %q, which is not valid", s, n)
		}
		for _, again := range []string{string(n), n.Display()} {
			if m, err := ParseNHSNumber(again); err != nil || m != n {
				t.Fatalf("%q → %q → %q, %v", s, again, m, err)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-03", "03/03/2026", "3/3/2026", "29/02/2024", "", "0000-01-01", "31/12/9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() {
			return // year 1, 1 January is the zero day; it writes as "" by design
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("%q → %v → %v, %v", s, d, again, err)
		}
		var un Date
		if err := un.UnmarshalText([]byte(d.String())); err != nil || un != d {
			t.Fatalf("%q: stored form %q reads back as %v, %v", s, d.String(), un, err)
		}
	})
}
