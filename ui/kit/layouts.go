package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Relayout lays a screen out again after text or visibility changed inside it. The desktop
// driver notices size changes by itself; refreshing the screen's container makes every driver,
// the test one included, agree on the result.
func Relayout(o fyne.CanvasObject) {
	if c, ok := o.(*fyne.Container); ok {
		c.Refresh()
	}
}

// Columns lays objects side by side with widths in fixed proportions, so a list's header and
// every row line up however long the names in them are. Columns listed in Fixed get exactly
// that width and the rest share what is left by Weights (1 for a column with none).
type Columns struct {
	Weights []float32
	Fixed   map[int]float32
}

var _ fyne.Layout = (*Columns)(nil)

// Layout places the objects side by side at their share of size's width.
func (c *Columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var total float32
	free := size.Width - pad*float32(len(objects)-1)
	for i := range objects {
		if w, ok := c.Fixed[i]; ok {
			free -= w
			continue
		}
		total += c.weight(i)
	}
	free = fyne.Max(free, 0)
	x := float32(0)
	for i, o := range objects {
		w, ok := c.Fixed[i]
		if !ok {
			w = free * c.weight(i) / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is the objects' widths side by side, as tall as the tallest.
func (c *Columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		min.Width += m.Width
		min.Height = fyne.Max(min.Height, m.Height)
	}
	if len(objects) > 1 {
		min.Width += theme.Padding() * float32(len(objects)-1)
	}
	return min
}

func (c *Columns) weight(i int) float32 {
	if i < len(c.Weights) {
		return c.Weights[i]
	}
	return 1
}

// ReadingWidth centres its content at no more than Max wide, a comfortable reading width, so
// a form or a message does not stretch across a wide screen.
type ReadingWidth struct {
	Max float32
}

var _ fyne.Layout = (*ReadingWidth)(nil)

// Layout centres each object at no more than Max wide.
func (r *ReadingWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, r.Max)
	for _, o := range objects {
		h := fyne.Min(size.Height, o.MinSize().Height)
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
	}
}

// MinSize is the largest of the objects' own.
func (r *ReadingWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		min = min.Max(o.MinSize())
	}
	return min
}
