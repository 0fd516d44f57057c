// Package assets holds what carehub embeds in its binary: the icon and the font the printed
// plan needs.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is carehub's application icon: a house holding a heart.
func Icon() fyne.Resource {
	return fyne.NewStaticResource("icon.png", iconPNG)
}
