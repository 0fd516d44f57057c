package printout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes text safe to set: line endings become \n, tabs become spaces, other control
// characters go, and characters outside the font's 16-bit range (emoji) become "?", which
// gofpdf could not otherwise encode.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r == '\r' || r == '\t' || r > 0xffff || (r != '\n' && unicode.IsControl(r)) || r == utf8.RuneError {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r):
		case r > 0xffff || r == utf8.RuneError:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wrap breaks text into lines no wider than width mm. Lines break at spaces; a word too long
// for a line of its own (a web address, a long drug name) is broken between letters so that
// nothing runs off the page. Newlines in the text start new lines; blank lines are kept.
func (p *printer) wrap(text string, bold bool, size, width float64) []string {
	return p.wrapIndent(text, bold, size, width, 0)
}

// wrapIndent is wrap with the first line shortened by first mm, to leave room for a label
// set in front of it.
func (p *printer) wrapIndent(text string, bold bool, size, width, first float64) []string {
	text = clean(text)
	max := int(width * 1000 / (size * ptMM))
	firstMax := int((width - first) * 1000 / (size * ptMM))
	space := p.units(" ", bold)
	var out []string
	lineMax := func() int {
		if len(out) == 0 {
			return firstMax
		}
		return max
	}
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		var cur strings.Builder
		curW := 0
		for _, w := range words {
			ww := p.units(w, bold)
			if cur.Len() > 0 && curW+space+ww <= lineMax() {
				cur.WriteByte(' ')
				cur.WriteString(w)
				curW += space + ww
				continue
			}
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
				curW = 0
			}
			if ww <= lineMax() {
				cur.WriteString(w)
				curW = ww
				continue
			}
			if len(out) == 0 && ww <= max {
				out = append(out, "") // leave the label's line to the label
				cur.WriteString(w)
				curW = ww
				continue
			}
			// The word alone is too wide: break it, and carry its last piece on.
			pieces := p.breakWord(w, bold, lineMax(), max)
			out = append(out, pieces[:len(pieces)-1]...)
			last := pieces[len(pieces)-1]
			cur.WriteString(last)
			curW = p.units(last, bold)
		}
		out = append(out, cur.String())
	}
	// Trailing blank lines only add space at the bottom of a block.
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// breakWord cuts one over-long word into pieces that fit: the first in first font units, the
// rest in max.
func (p *printer) breakWord(w string, bold bool, first, max int) []string {
	var pieces []string
	start, used := 0, 0
	limit := first
	for i, r := range w {
		rw := p.units(string(r), bold)
		if used+rw > limit && i > start {
			limit = max
			pieces = append(pieces, w[start:i])
			start, used = i, 0
		}
		used += rw
	}
	return append(pieces, w[start:])
}
