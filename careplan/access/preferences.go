package access

import "errors"

// Preferences are one person's own settings, kept with their account so they follow them to
// any laptop that holds the hub's store.
type Preferences struct {
	TextSize TextSize `json:"textSize,omitempty"` // "" is normal
	Theme    Theme    `json:"theme,omitempty"`    // "" follows the computer's own setting
}

// TextSize is how large the app's words are.
type TextSize string

// The text sizes on offer.
const (
	TextNormal TextSize = "normal"
	TextLarge  TextSize = "large"
	TextLarger TextSize = "larger"
)

// TextSizes lists the sizes, smallest first.
func TextSizes() []TextSize { return []TextSize{TextNormal, TextLarge, TextLarger} }

// Scale is the multiple of the normal text size.
func (t TextSize) Scale() float32 {
	switch t {
	case TextLarge:
		return 1.25
	case TextLarger:
		return 1.5
	}
	return 1
}

// Theme is light or dark.
type Theme string

// The themes on offer; ThemeSystem follows the computer.
const (
	ThemeSystem Theme = "system"
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// Themes lists the themes.
func Themes() []Theme { return []Theme{ThemeSystem, ThemeLight, ThemeDark} }

// ErrPreference reports a setting that is not one on offer.
var ErrPreference = errors.New("that setting is not one carehub offers")

// Validate checks the preferences are ones on offer.
func (p Preferences) Validate() error {
	okSize := p.TextSize == ""
	for _, s := range TextSizes() {
		okSize = okSize || p.TextSize == s
	}
	okTheme := p.Theme == ""
	for _, t := range Themes() {
		okTheme = okTheme || p.Theme == t
	}
	if !okSize || !okTheme {
		return ErrPreference
	}
	return nil
}
