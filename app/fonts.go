package app

import (
	"fyne.io/fyne/v2/theme"

	"carehub/careplan/printout"
)

// PlanFonts are the fonts printed plans use: Fyne's bundled Noto Sans, which covers the
// accented letters in UK names and needs no extra dependency.
func PlanFonts() printout.Fonts {
	return printout.Fonts{
		Regular: theme.DefaultTextFont().Content(),
		Bold:    theme.DefaultTextBoldFont().Content(),
	}
}
