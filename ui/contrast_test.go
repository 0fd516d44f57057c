package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan/access"
)

// wcagAA is the least contrast WCAG 2.1 AA allows normal-sized text against its background.
const wcagAA = 4.5

// relativeLuminance is WCAG 2.1's relative luminance of an sRGB colour, over an opaque
// background bg when c is see-through.
func relativeLuminance(c, bg color.Color) float64 {
	r, g, b, a := c.RGBA()
	br, bgG, bb, _ := bg.RGBA()
	mix := func(fg, back uint32) float64 {
		alpha := float64(a) / 0xffff
		// RGBA is alpha-premultiplied: fg already holds fg×alpha.
		return (float64(fg) + float64(back)*(1-alpha)) / 0xffff
	}
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(mix(r, br)) + 0.7152*lin(mix(g, bgG)) + 0.0722*lin(mix(b, bb))
}

// contrast is WCAG's contrast ratio of text colour fg on bg (bg itself drawn over base).
func contrast(fg, bg, base color.Color) float64 {
	opaqueBG := flatten(bg, base)
	l1, l2 := relativeLuminance(fg, opaqueBG), relativeLuminance(opaqueBG, opaqueBG)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

// flatten draws c over an opaque base.
func flatten(c, base color.Color) color.Color {
	r, g, b, a := c.RGBA()
	br, bg, bb, _ := base.RGBA()
	k := 1 - float64(a)/0xffff
	return color.RGBA64{R: uint16(float64(r) + float64(br)*k), G: uint16(float64(g) + float64(bg)*k), B: uint16(float64(b) + float64(bb)*k), A: 0xffff}
}

// textPairs are the text colours carehub draws and what they are drawn on.
func textPairs() [][2]fyne.ThemeColorName {
	return [][2]fyne.ThemeColorName{
		{theme.ColorNameForeground, theme.ColorNameBackground},
		{theme.ColorNameForeground, theme.ColorNameInputBackground},
		{theme.ColorNameForeground, theme.ColorNameButton},
		{theme.ColorNameForeground, theme.ColorNameHeaderBackground},
		{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground},
		{theme.ColorNameError, theme.ColorNameBackground},
		{theme.ColorNameWarning, theme.ColorNameBackground},
		{theme.ColorNameSuccess, theme.ColorNameBackground},
		{theme.ColorNamePrimary, theme.ColorNameBackground},
		{theme.ColorNameHyperlink, theme.ColorNameBackground},
		{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
		{theme.ColorNameForegroundOnError, theme.ColorNameError},
		{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
		{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
	}
}

func TestContrastMatchesWCAGExamples(t *testing.T) {
	black, white := color.Black, color.White
	grey := color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff} // the lightest grey with 4.5:1 on white
	for _, c := range []struct {
		fg, bg color.Color
		want   float64
	}{{black, white, 21}, {white, white, 1}, {grey, white, 4.54}} {
		if got := contrast(c.fg, c.bg, white); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast %v on %v = %.2f, want %.2f", c.fg, c.bg, got, c.want)
		}
	}
}

// TestThemeTextContrastMeetsWCAGAA computes the contrast of every text colour carehub draws,
// in both the light and the dark theme a person may choose, against what it is drawn on.
func TestThemeTextContrastMeetsWCAGAA(t *testing.T) {
	test.NewTempApp(t)
	for _, variant := range []access.Theme{access.ThemeLight, access.ThemeDark} {
		th := userTheme{scaledTheme: scaledTheme{Theme: theme.DefaultTheme(), scale: 1}, variant: variant}
		base := th.Color(theme.ColorNameBackground, 0)
		for _, p := range textPairs() {
			fg, bg := th.Color(p[0], 0), th.Color(p[1], 0)
			if got := contrast(fg, bg, base); got < wcagAA {
				t.Errorf("%s theme: %s on %s is %.2f:1, want at least %.1f:1", variant, p[0], p[1], got, wcagAA)
			}
		}
	}
}
