package kit

import "fyne.io/fyne/v2"

// DialogWidth is wide enough for a form's longest choice and its inline problems.
const DialogWidth = 680

// FitDialog sizes a dialog to its content at width. It resizes twice because wrapped text
// knows its height only once it has been laid out at its width.
func FitDialog(d interface {
	Resize(fyne.Size)
	MinSize() fyne.Size
}, width float32) {
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
}
