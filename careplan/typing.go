package careplan

import (
	"errors"
	"fmt"
	"strings"
)

// CheckNHSTyping checks an NHS number while it is still being typed, so a form can say at once
// when it is wrong without complaining about a number that is merely unfinished. It returns the
// number when all ten digits are there and valid (complete), nothing while fewer than ten
// digits have been typed and nothing is wrong yet, and ParseNHSNumber's error as soon as
// something is: a letter, an eleventh digit, or a wrong check digit.
func CheckNHSTyping(typed string) (n NHSNumber, complete bool, err error) {
	digits := 0
	for _, r := range typed {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-':
		default:
			return "", false, fmt.Errorf("%q: %w", typed, ErrNHSNumberDigits)
		}
	}
	if digits < 10 {
		return "", false, nil
	}
	n, err = ParseNHSNumber(typed)
	return n, err == nil, err
}

// ErrODSCode is returned for text that is not a GP practice's ODS code.
var ErrODSCode = errors.New("a GP practice's ODS code is a letter and five digits, such as L85001")

// ParseODSCode reads a GP practice's Organisation Data Service code: one letter and five
// digits (L85001), in either case, with surrounding spaces ignored. It returns the code in
// capitals.
func ParseODSCode(s string) (string, error) {
	code := strings.ToUpper(strings.TrimSpace(s))
	if len(code) != 6 || code[0] < 'A' || code[0] > 'Z' {
		return "", fmt.Errorf("%q: %w", s, ErrODSCode)
	}
	for i := 1; i < 6; i++ {
		if code[i] < '0' || code[i] > '9' {
			return "", fmt.Errorf("%q: %w", s, ErrODSCode)
		}
	}
	return code, nil
}
