package caseload

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinBase gives the plain letter for each letter from U+00C0 to U+017F (Latin-1 Supplement
// and Latin Extended-A), upper and lower case alike, one character per code point, so a key
// worker can type "sian" for Siân or "lukasz" for Łukasz. '.' marks a code point that is not a
// single letter: the ligatures are spelt out in fold, and × and ÷ are dropped.
const latinBase = "" +
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy.." + // U+00C0 À..ß
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy.y" + // U+00E0 à..ÿ
	"aaaaaaccccccccddddeeeeeeeeeegggg" + // U+0100 Ā..ğ
	"gggghhhhiiiiiiiiii..jjkkklllllll" + // U+0120 Ġ..Ŀ
	"lllnnnnnnnnnoooooo..rrrrrrssssss" + // U+0140 ŀ..ş
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs" //   U+0160 Š..ſ

// fold turns a name or a typed query word into the form search compares: lower case, accents
// folded to plain letters, apostrophes, hyphens, spaces and other punctuation dropped (so
// "obrien" finds O'Brien and "nibhriain" finds Ní Bhriain), digits kept for NHS numbers.
func fold(s string) string {
	if isPlain(s) {
		return s // already folded: the common case for typed queries
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r >= 0xC0 && r <= 0x17F:
			if c := latinBase[r-0xC0]; c != '.' {
				b.WriteByte(c)
				continue
			}
			switch r {
			case 'Æ', 'æ':
				b.WriteString("ae")
			case 'Þ', 'þ':
				b.WriteString("th")
			case 'ß':
				b.WriteString("ss")
			case 'Ĳ', 'ĳ':
				b.WriteString("ij")
			case 'Œ', 'œ':
				b.WriteString("oe")
			}
		case r < utf8.RuneSelf:
			// ASCII punctuation and spaces: dropped.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r)) // other scripts: matched as typed, in lower case
		}
		// Anything else (’ ‐ – and other punctuation or spacing) is dropped.
	}
	return b.String()
}

// isPlain reports whether s holds only lower-case ASCII letters and digits.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// tokens splits typed text into folded words. Neighbouring all-digit words are joined, so
// "943 476" is one run of digits and matches the NHS number 9434765919 as it is written on
// letters; words that fold to nothing ("'", "-") are left out.
func tokens(text string) []string {
	var out []string
	prevDigits := false
	for _, w := range strings.Fields(text) {
		f := fold(w)
		if f == "" {
			continue
		}
		digits := allDigits(f)
		if digits && prevDigits {
			out[len(out)-1] += f
			continue
		}
		out = append(out, f)
		prevDigits = digits
	}
	return out
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
