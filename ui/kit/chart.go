package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// Drawing is one chart's own drawing: what it draws and where. Chart does the rest of what
// Fyne asks of a chart widget and its renderer.
type Drawing interface {
	// Build makes the chart's canvas objects afresh, from its figures and the current theme,
	// in the order they are drawn (later over earlier).
	Build() []fyne.CanvasObject
	// Layout places the objects Build made for a chart of size.
	Layout(size fyne.Size)
	// MinSize is the smallest size the chart can be read at.
	MinSize() fyne.Size
}

// Chart is the widget part every chart shares. A chart type embeds it and, when made, calls
// ExtendChart with itself and its drawing, as Fyne's own widgets call ExtendBaseWidget; the
// chart then draws its drawing's objects, built once per set of figures and laid out at
// whatever size it is given, and built afresh on Refresh (a theme change, new figures).
type Chart struct {
	widget.BaseWidget
	self    fyne.Widget
	drawing Drawing
}

var _ fyne.Widget = (*Chart)(nil)

// ExtendChart makes self, the chart that embeds c, a widget that draws d.
func (c *Chart) ExtendChart(self fyne.Widget, d Drawing) {
	c.self, c.drawing = self, d
	c.ExtendBaseWidget(self)
}

// CreateRenderer is called by Fyne to draw the chart.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{chart: c.self, drawing: c.drawing, objects: c.drawing.Build()}
}

type chartRenderer struct {
	chart   fyne.Widget
	drawing Drawing
	objects []fyne.CanvasObject
}

var _ fyne.WidgetRenderer = (*chartRenderer)(nil)

// Layout places the drawing's objects for size.
func (r *chartRenderer) Layout(size fyne.Size) { r.drawing.Layout(size) }

// MinSize is the drawing's.
func (r *chartRenderer) MinSize() fyne.Size { return r.drawing.MinSize() }

// Refresh builds the objects afresh, so a theme change or new figures are drawn.
func (r *chartRenderer) Refresh() {
	r.objects = r.drawing.Build()
	r.drawing.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Objects are the chart's canvas objects, in drawing order.
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy has nothing to release.
func (r *chartRenderer) Destroy() {}
