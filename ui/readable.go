package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Fyne's default colours give some text too little contrast for WCAG 2.1 AA (4.5:1): in the
// light theme the red of a problem message (3.7:1), the orange of a warning (2.2:1), the green
// of "Valid NHS number" (1.5:1), the grey of a field's hint (3.2:1) and the blue of a tab or a
// link (4.47:1); in the dark theme the blue. readableColor gives carehub's own for those,
// checked by TestThemeTextContrastMeetsWCAGAA (docs/accessibility.md).

// readableColor is carehub's colour for n in variant v, when it has its own. The coloured
// fills carry Fyne's white text in the light theme and near-black text in the dark one, so the
// same colour serves as text on the page and as a background to text.
func readableColor(n fyne.ThemeColorName, v fyne.ThemeVariant) (color.Color, bool) {
	if v == theme.VariantDark {
		switch n {
		case theme.ColorNamePrimary, theme.ColorNameHyperlink:
			return color.NRGBA{R: 0x64, G: 0xb5, B: 0xf6, A: 0xff}, true // light blue
		case theme.ColorNameForegroundOnPrimary:
			return color.NRGBA{R: 0x11, G: 0x11, B: 0x11, A: 0xff}, true
		}
		return nil, false
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}, true // blue
	case theme.ColorNameError:
		return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}, true // red
	case theme.ColorNameWarning:
		return color.NRGBA{R: 0xa3, G: 0x4e, B: 0x00, A: 0xff}, true // dark orange
	case theme.ColorNameSuccess:
		return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}, true // green
	case theme.ColorNamePlaceHolder:
		return color.NRGBA{R: 0x5f, G: 0x5f, B: 0x5f, A: 0xff}, true // grey
	}
	return nil, false
}

// Color is the theme's colour, or carehub's more readable one.
func (t scaledTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := readableColor(n, v); ok {
		return c
	}
	return t.Theme.Color(n, v)
}
