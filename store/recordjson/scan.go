package recordjson

// decoder reads one compact JSON value, as encoding/json's Marshal writes it, from buf. Its
// methods report false for anything they are not sure of; the generated decoders then stop
// at once and Decode refuses the whole body.
type decoder struct {
	buf []byte
	pos int
}

// open consumes c ('{' or '[') when it is next.
func (d *decoder) open(c byte) bool {
	if d.pos < len(d.buf) && d.buf[d.pos] == c {
		d.pos++
		return true
	}
	return false
}

// close consumes c ('}' or ']') when it is next; an object or array then ends.
func (d *decoder) close(c byte) bool { return d.open(c) }

// comma consumes the ',' between members or elements.
func (d *decoder) comma() bool { return d.open(',') }

// null consumes a JSON null when it is next.
func (d *decoder) null() bool {
	if len(d.buf)-d.pos >= 4 && string(d.buf[d.pos:d.pos+4]) == "null" {
		d.pos += 4
		return true
	}
	return false
}

// key reads an object member's name and the ':' after it. A name with an escape or a byte
// outside printable ASCII is refused rather than unescaped: no domain field is named so, so
// it could only be a field this package does not know.
func (d *decoder) key() ([]byte, bool) {
	b := d.buf
	i := d.pos
	if i >= len(b) || b[i] != '"' {
		return nil, false
	}
	i++
	start := i
	for i < len(b) && plain[b[i]] {
		i++
	}
	if i+1 >= len(b) || b[i] != '"' || b[i+1] != ':' {
		return nil, false
	}
	d.pos = i + 2
	return b[start:i], true
}

// boolean reads true or false.
func (d *decoder) boolean(out *bool) bool {
	rest := d.buf[d.pos:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		*out = true
		d.pos += 4
	case len(rest) >= 5 && string(rest[:5]) == "false":
		*out = false
		d.pos += 5
	default:
		return false
	}
	return true
}

// maxDigits is the most digits integer reads: any 18-digit number fits an int64, so no
// overflow check is needed on the way; a longer one is refused.
const maxDigits = 18

// integer reads a whole number that fits in a signed integer of bits bits, as
// strconv.ParseInt (which encoding/json uses) would read it. A fraction, an exponent, a
// leading zero or more than 18 digits is refused.
func (d *decoder) integer(bits int) (int64, bool) {
	b := d.buf
	i := d.pos
	neg := i < len(b) && b[i] == '-'
	if neg {
		i++
	}
	start := i
	var n int64
	for i < len(b) && isDigit(b[i]) {
		if i-start == maxDigits {
			return 0, false
		}
		n = n*10 + int64(b[i]-'0')
		i++
	}
	if i == start || b[start] == '0' && i-start > 1 {
		return 0, false
	}
	if i < len(b) && (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
		return 0, false
	}
	if neg {
		n = -n
	}
	if bits < 64 && n<<(64-bits)>>(64-bits) != n {
		return 0, false
	}
	d.pos = i
	return n, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// plain marks the bytes a JSON string may hold as they are, with nothing to check: printable
// ASCII other than '"' and '\'. Anything else sends a string to the careful path.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()
