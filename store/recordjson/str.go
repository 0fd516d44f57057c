package recordjson

import (
	"unicode/utf16"
	"unicode/utf8"
)

// str reads a JSON string. Most strings in a body are plain ASCII and are copied at once; one
// with an escape or other UTF-8 goes the careful way (strSlow).
func (d *decoder) str(out *string) bool {
	b := d.buf
	i := d.pos
	if i >= len(b) || b[i] != '"' {
		return false
	}
	i++
	start := i
	for i < len(b) && plain[b[i]] {
		i++
	}
	if i < len(b) && b[i] == '"' {
		*out = string(b[start:i])
		d.pos = i + 1
		return true
	}
	return d.strSlow(start, i, out)
}

// strSlow finishes a string whose plain ASCII run b[start:i] stopped at an escape, a control
// byte or a byte of a longer UTF-8 sequence. It unescapes as encoding/json does, but refuses
// invalid UTF-8 and lone surrogates, which encoding/json would replace with U+FFFD.
func (d *decoder) strSlow(start, i int, out *string) bool {
	b := d.buf
	w := make([]byte, 0, i-start+16)
	w = append(w, b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case plain[c]:
			w = append(w, c)
			i++
		case c == '"':
			*out = string(w)
			d.pos = i + 1
			return true
		case c == '\\':
			var ok bool
			if w, i, ok = unescape(b, i, w); !ok {
				return false
			}
		case c < utf8.RuneSelf: // a control byte: not allowed in a JSON string
			return false
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			w = append(w, b[i:i+size]...)
			i += size
		}
	}
	return false
}

// unescape appends the character the escape at b[i] ('\') stands for to w and returns the
// index after the escape.
func unescape(b []byte, i int, w []byte) ([]byte, int, bool) {
	if i+1 >= len(b) {
		return w, i, false
	}
	switch b[i+1] {
	case '"', '\\', '/':
		return append(w, b[i+1]), i + 2, true
	case 'b':
		return append(w, '\b'), i + 2, true
	case 'f':
		return append(w, '\f'), i + 2, true
	case 'n':
		return append(w, '\n'), i + 2, true
	case 'r':
		return append(w, '\r'), i + 2, true
	case 't':
		return append(w, '\t'), i + 2, true
	case 'u':
		return unescapeRune(b, i, w)
	}
	return w, i, false
}

// unescapeRune appends the character of a \uXXXX escape at b[i], or of a pair of them for a
// character beyond the Basic Multilingual Plane. A surrogate that is not half of a valid pair
// is refused: encoding/json turns it into U+FFFD, which this package leaves to it.
func unescapeRune(b []byte, i int, w []byte) ([]byte, int, bool) {
	r, ok := hex4(b, i)
	if !ok {
		return w, i, false
	}
	if !utf16.IsSurrogate(r) {
		return utf8.AppendRune(w, r), i + 6, true
	}
	low, ok := hex4(b, i+6)
	if !ok {
		return w, i, false
	}
	pair := utf16.DecodeRune(r, low)
	if pair == utf8.RuneError {
		return w, i, false
	}
	return utf8.AppendRune(w, pair), i + 12, true
}

// hex4 reads the four hex digits of a \uXXXX escape starting at b[i].
func hex4(b []byte, i int) (rune, bool) {
	if i+6 > len(b) || b[i] != '\\' || b[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range b[i+2 : i+6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
