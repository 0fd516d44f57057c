package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// bars is a drawing that counts how often it is built.
type bars struct {
	builds int
	bar    *canvas.Rectangle
}

func (b *bars) Build() []fyne.CanvasObject {
	b.builds++
	b.bar = canvas.NewRectangle(BarColour())
	return []fyne.CanvasObject{b.bar}
}
func (b *bars) Layout(size fyne.Size) { b.bar.Resize(fyne.NewSize(size.Width/2, size.Height)) }
func (b *bars) MinSize() fyne.Size    { return fyne.NewSize(120, 80) }

type barChart struct {
	Chart
	drawing *bars
}

func TestChartRendererBuildsAfreshOnRefresh(t *testing.T) {
	test.NewTempApp(t)
	c := &barChart{drawing: &bars{}}
	c.ExtendChart(c, c.drawing)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(400, 300))
	if c.MinSize() != fyne.NewSize(120, 80) {
		t.Errorf("chart min size %v, want the drawing's", c.MinSize())
	}
	first := c.drawing.bar
	c.Refresh()
	if c.drawing.builds != 2 || c.drawing.bar == first {
		t.Fatalf("Refresh built %d times", c.drawing.builds)
	}
	if got := test.WidgetRenderer(c).Objects(); len(got) != 1 || got[0] != c.drawing.bar {
		t.Error("the renderer draws the old objects after a refresh")
	}
	if objs := test.LaidOutObjects(w.Content()); objs[0] != fyne.CanvasObject(c) {
		t.Errorf("the window holds %T, want the chart type that embeds Chart", objs[0])
	}
	if c.drawing.bar.Size().Width != c.Size().Width/2 {
		t.Errorf("after a refresh the bar is %v wide in a chart %v wide", c.drawing.bar.Size().Width, c.Size().Width)
	}
}
