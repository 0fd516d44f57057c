package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// relayout lays a screen out again after text or visibility changed inside it. The desktop
// driver notices size changes by itself; refreshing the screen's container makes every driver,
// the test one included, agree on the result.
func relayout(o fyne.CanvasObject) {
	if c, ok := o.(*fyne.Container); ok {
		c.Refresh()
	}
}

// columns lays objects side by side with widths in fixed proportions, so the caseload header
// and every row line up however long the names in them are. Columns listed in fixed get exactly
// that width and the rest share what is left.
type columns struct {
	weights []float32
	fixed   map[int]float32
}

var _ fyne.Layout = (*columns)(nil)

func (c *columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var total float32
	free := size.Width - pad*float32(len(objects)-1)
	for i := range objects {
		if w, ok := c.fixed[i]; ok {
			free -= w
			continue
		}
		total += c.weight(i)
	}
	free = fyne.Max(free, 0)
	x := float32(0)
	for i, o := range objects {
		w, ok := c.fixed[i]
		if !ok {
			w = free * c.weight(i) / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (c *columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
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

func (c *columns) weight(i int) float32 {
	if i < len(c.weights) {
		return c.weights[i]
	}
	return 1
}

// readingWidth centres its content at no more than a comfortable reading width, so a form or a
// message does not stretch across a wide screen.
type readingWidth struct {
	max float32
}

var _ fyne.Layout = (*readingWidth)(nil)

func (r *readingWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, r.max)
	for _, o := range objects {
		h := fyne.Min(size.Height, o.MinSize().Height)
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (r *readingWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		min = min.Max(o.MinSize())
	}
	return min
}
