package careplan

import (
	"errors"
	"fmt"
	"strings"
)

// NHSNumber is a patient's 10-digit NHS number, held without spaces.
type NHSNumber string

// NHSNumberSystem is the FHIR identifier system for NHS numbers.
const NHSNumberSystem = "https://fhir.nhs.uk/Id/nhs-number"

// Sentinel errors for NHS numbers, so forms can say exactly what is wrong.
var (
	ErrNHSNumberLength   = errors.New("an NHS number has 10 digits")
	ErrNHSNumberDigits   = errors.New("an NHS number has only digits")
	ErrNHSNumberCheck    = errors.New("this NHS number's check digit is wrong: check it has been copied correctly")
	ErrNHSNumberRequired = errors.New("the NHS number is missing")
	// ErrNHSNumberRepeated: one digit ten times (0000000000, 9999999999) passes Modulus 11 for
	// every digit, but is a placeholder typed when the real number was not to hand, never a
	// person's number.
	ErrNHSNumberRepeated = errors.New("an NHS number of one digit repeated is a placeholder, not a real number: type the person's own")
)

// ParseNHSNumber reads an NHS number as staff write it ("943 476 5919", "943-476-5919") and
// checks it with the Modulus 11 rule, so a mistyped digit is caught before it reaches a record.
// One digit repeated ten times is refused even though it passes Modulus 11.
func ParseNHSNumber(s string) (NHSNumber, error) {
	clean := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if clean == "" {
		return "", ErrNHSNumberRequired
	}
	for _, r := range clean {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("%q: %w", s, ErrNHSNumberDigits)
		}
	}
	if len(clean) != 10 {
		return "", fmt.Errorf("%q has %d digits: %w", s, len(clean), ErrNHSNumberLength)
	}
	if strings.Count(clean, clean[:1]) == len(clean) {
		return "", fmt.Errorf("%q: %w", s, ErrNHSNumberRepeated)
	}
	check, ok := NHSCheckDigit(clean[:9])
	if !ok || byte('0'+check) != clean[9] {
		return "", fmt.Errorf("%q: %w", s, ErrNHSNumberCheck)
	}
	return NHSNumber(clean), nil
}

// NHSCheckDigit returns the Modulus 11 check digit for the first nine digits of an NHS number.
// ok is false when the nine digits can have no valid check digit (the remainder gives 10).
func NHSCheckDigit(nine string) (digit int, ok bool) {
	if len(nine) != 9 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		c := nine[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * (10 - i)
	}
	check := 11 - sum%11
	switch check {
	case 11:
		return 0, true
	case 10:
		return 0, false
	}
	return check, true
}

// Valid reports whether n is a well-formed NHS number with a correct check digit.
func (n NHSNumber) Valid() bool {
	_, err := ParseNHSNumber(string(n))
	return err == nil
}

// Display writes the number in the 3-3-4 grouping used on NHS letters: 943 476 5919.
func (n NHSNumber) Display() string {
	s := string(n)
	if len(s) != 10 {
		return s
	}
	return s[:3] + " " + s[3:6] + " " + s[6:]
}
