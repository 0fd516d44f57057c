package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Text sizes the tablet offers, as multiples of the theme's own. The smallest is already
// larger than the desktop's, since the tablet is read at arm's length by people who may not
// see well.
func tabletTextScales() []float32 { return []float32{1.4, 1.8, 2.3} }

// scaledTheme is a theme whose text (and the padding and icons that go with it) is scale times
// the base theme's.
type scaledTheme struct {
	fyne.Theme
	scale float32
}

var _ fyne.Theme = scaledTheme{}

// Size scales text, padding and icons together, so bigger words still fit their buttons.
func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 {
	base := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon, theme.SizeNamePadding,
		theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return base * t.scale
	}
	return base
}
