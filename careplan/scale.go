package careplan

import (
	"strconv"
	"strings"
)

// ParseScale reads an importance or confidence score typed by the key worker: a whole number
// from 0 to 10, spaces around it allowed. Anything else is ErrScale.
func ParseScale(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 10 {
		return 0, ErrScale
	}
	return n, nil
}
