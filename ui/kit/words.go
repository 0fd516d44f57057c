package kit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence starts a message, such as an error's, with a capital, to show it on its own.
func Sentence(msg string) string {
	if msg == "" {
		return msg
	}
	r, n := utf8.DecodeRuneInString(msg)
	return string(unicode.ToUpper(r)) + msg[n:]
}

// OneLine is an error as the person reads it: its own message, first line only.
func OneLine(err error) string {
	text, _, _ := strings.Cut(err.Error(), "\n")
	return text
}
