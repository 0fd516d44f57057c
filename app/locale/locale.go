// Package locale steadies the process locale before Fyne reads it.
//
// Fyne's lang package reads the user's locale while it initialises and, on the plain C
// locales servers and CI machines use (LANG=C.UTF-8), logs three lines of "Error parsing user
// locale C" to standard error on every run. That breaks the command line's promise of one
// clear line on failure. Go initialises packages in import-path order as soon as their imports
// are ready, so this package (standard library only, imported first by main) runs before
// fyne.io/fyne/v2/lang and gives it a language it can parse.
package locale

import (
	"os"
	"strings"
)

// Fallback is the language carehub assumes when the system names none: UK English.
const Fallback = "en_GB"

func init() {
	if os.Getenv("LANGUAGE") == "" && plainC(effective(os.Getenv)) {
		// LANGUAGE is only consulted for message translation; LC_* are left alone so text
		// input keeps its encoding.
		os.Setenv("LANGUAGE", Fallback)
	}
}

// effective is the locale that decides message language: LC_ALL, then LC_MESSAGES, then LANG.
func effective(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// plainC reports whether a locale is the C or POSIX locale with an encoding attached
// ("C.UTF-8"), which names no language.
func plainC(loc string) bool {
	base, _, found := strings.Cut(loc, ".")
	return found && (base == "C" || base == "POSIX")
}
