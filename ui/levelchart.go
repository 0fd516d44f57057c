package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"carehub/pam"
	"carehub/ui/kit"
)

// levelChart draws how many people were at each PAM level at their first and at their latest
// PAM in a report: two bars per level, with the count on each bar, so a move up the levels shows
// as the latest bars shifting right.
type levelChart struct {
	kit.Chart
	first, latest [4]int // people at levels 1-4
}

var _ fyne.Widget = (*levelChart)(nil)

func newLevelChart(first, latest [4]int) *levelChart {
	c := &levelChart{first: first, latest: latest}
	c.ExtendChart(c, &levelDrawing{chart: c})
	return c
}

// levelDrawing holds the bar chart's canvas objects and places them by Layout.
type levelDrawing struct {
	chart *levelChart

	grid      []*canvas.Line
	ticks     []*canvas.Text
	axis      *canvas.Line
	bars      [2][4]*canvas.Rectangle // first, latest
	counts    [2][4]*canvas.Text
	levels    [4]*canvas.Text
	swatches  [2]*canvas.Rectangle
	legend    [2]*canvas.Text
	tickEvery int
	top       int // the y axis runs from 0 to top
}

var _ kit.Drawing = (*levelDrawing)(nil)

// Build makes the grid, a pair of bars per level with their counts, and the legend.
func (d *levelDrawing) Build() []fyne.CanvasObject {
	c := d.chart
	most := 0
	for i := range 4 {
		most = max(most, c.first[i], c.latest[i])
	}
	d.top, d.tickEvery = kit.AxisScale(most)
	d.grid, d.ticks = nil, nil
	for v := 0; v <= d.top; v += d.tickEvery {
		d.grid = append(d.grid, kit.Gridline())
		d.ticks = append(d.ticks, kit.TickLabel(fmt.Sprint(v)))
	}
	d.axis = kit.AxisLine()
	// The first PAM muted, the latest the theme's primary, so the latest stands out.
	colours := [2]color.Color{kit.MutedBarColour(), kit.BarColour()}
	values := [2][4]int{c.first, c.latest}
	for k := range 2 {
		for i := range 4 {
			d.bars[k][i] = canvas.NewRectangle(colours[k])
			d.counts[k][i] = kit.ChartText(fmt.Sprint(values[k][i]), true)
		}
		d.swatches[k] = canvas.NewRectangle(colours[k])
	}
	d.legend = [2]*canvas.Text{kit.ChartText("First PAM", false), kit.ChartText("Latest PAM", false)}
	for i := range 4 {
		d.levels[i] = kit.ChartText(pam.Level(i+1).String(), true)
	}

	objects := kit.AppendObjects(nil, d.grid...)
	objects = kit.AppendObjects(objects, d.ticks...)
	objects = append(objects, d.axis)
	for k := range 2 {
		for i := range 4 {
			objects = append(objects, d.bars[k][i], d.counts[k][i])
		}
		objects = append(objects, d.swatches[k], d.legend[k])
	}
	return kit.AppendObjects(objects, d.levels[:]...)
}

// Layout places the legend across the top, the bars in four groups and the level names below.
func (d *levelDrawing) Layout(size fyne.Size) {
	pad := float32(kit.ChartPad)
	text := fyne.MeasureText("First PAM", theme.TextSize(), fyne.TextStyle{})
	tick := fyne.MeasureText(fmt.Sprint(d.top), theme.TextSize(), fyne.TextStyle{})
	legendH := text.Height + pad
	left := tick.Width + 2*pad
	top := legendH + text.Height + pad // room for the legend and a count over the tallest bar
	bottom := text.Height + 2*pad
	p := kit.PlotArea{X: left, Y: top, W: fyne.Max(size.Width-left-pad, 10), H: fyne.Max(size.Height-top-bottom, 10)}
	yOf := func(v int) float32 { return p.YOf(float32(v), float32(d.top)) }

	// The legend, right-aligned: a swatch then its words, for each series.
	x := size.Width - pad
	for k := 1; k >= 0; k-- {
		ls := d.legend[k].MinSize()
		x -= ls.Width
		kit.Place(d.legend[k], x, 0, 0, 0)
		x -= pad + text.Height
		d.swatches[k].Move(fyne.NewPos(x, (ls.Height-text.Height*0.8)/2))
		d.swatches[k].Resize(fyne.NewSquareSize(text.Height * 0.8))
		x -= 3 * pad
	}

	for i, v := 0, 0; v <= d.top; i, v = i+1, v+d.tickEvery {
		p.PlaceTick(d.grid[i], d.ticks[i], yOf(v))
	}
	d.axis.Position1, d.axis.Position2 = fyne.NewPos(p.X, p.Bottom()), fyne.NewPos(p.X+p.W, p.Bottom())

	group := p.W / 4
	bar := fyne.Min(group*0.3, 90)
	values := [2][4]int{d.chart.first, d.chart.latest}
	for i := range 4 {
		centre := p.X + group*(float32(i)+0.5)
		for k := range 2 {
			bx := centre - bar - pad/2
			if k == 1 {
				bx = centre + pad/2
			}
			y := yOf(values[k][i])
			d.bars[k][i].Move(fyne.NewPos(bx, y))
			d.bars[k][i].Resize(fyne.NewSize(bar, p.Bottom()-y))
			kit.Place(d.counts[k][i], bx+bar/2, y, 0.5, 1)
		}
		kit.Place(d.levels[i], centre, p.Bottom()+pad/2, 0.5, 0)
	}
}

// MinSize leaves room for four groups of bars and readable labels.
func (d *levelDrawing) MinSize() fyne.Size { return fyne.NewSize(520, 260) }
