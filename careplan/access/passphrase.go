package access

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The passphrase policy, decided here once: the first-run and account screens, the tablet
// set-up, and the store itself (creating a store, adding an account, resetting a passphrase)
// all ask CheckNewPassphrase, so no path can lock patient data behind "1". It applies to new
// passphrases only: a store or account made before it still opens with the one it has.

// The policy's numbers: at least MinPassphraseChars characters, or at least MinPassphraseWords
// words (a long passphrase of short words is as hard to guess, and easier to remember).
const (
	MinPassphraseChars = 10
	MinPassphraseWords = 3
)

// ErrWeakPassphrase is returned for a new passphrase that is too easy to guess.
var ErrWeakPassphrase = errors.New("a passphrase needs at least 10 characters, or three words or more")

// PassphraseRule says the policy to someone choosing a passphrase.
const PassphraseRule = "At least 10 characters, or three words or more."

// CheckNewPassphrase decides whether a passphrase may lock a store or an account. Characters
// are counted as letters, not bytes ("ŵŷ" is two); spaces at either end do not count. A word
// is a run of at least two letters or digits between spaces.
func CheckNewPassphrase(passphrase string) error {
	p := strings.TrimSpace(passphrase)
	if utf8.RuneCountInString(p) >= MinPassphraseChars || countWords(p) >= MinPassphraseWords {
		return nil
	}
	return ErrWeakPassphrase
}

// countWords counts the space-separated parts with two letters or digits or more.
func countWords(p string) int {
	n := 0
	for _, field := range strings.Fields(p) {
		alnum := 0
		for _, r := range field {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				alnum++
			}
		}
		if alnum >= 2 {
			n++
		}
	}
	return n
}
