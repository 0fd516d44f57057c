package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/pam"
)

// levelChart draws how many people were at each PAM level at their first and at their latest
// PAM in a report: two bars per level, with the count on each bar, so a move up the levels shows
// as the latest bars shifting right.
type levelChart struct {
	widget.BaseWidget
	first, latest [4]int // people at levels 1-4
}

var _ fyne.Widget = (*levelChart)(nil)

func newLevelChart(first, latest [4]int) *levelChart {
	c := &levelChart{first: first, latest: latest}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is called by Fyne to draw the chart.
func (c *levelChart) CreateRenderer() fyne.WidgetRenderer {
	r := &levelChartRenderer{chart: c}
	r.build()
	return r
}

// levelChartRenderer holds the bar chart's canvas objects and places them by Layout.
type levelChartRenderer struct {
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
	objects   []fyne.CanvasObject
}

// Bar colours: the first PAM a muted grey, the latest the theme's primary, so the latest stands
// out and the two differ in lightness as well as hue for readers who cannot tell colours apart.
func firstBarColour() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameForeground).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x70}
}

func latestBarColour() color.Color { return theme.Color(theme.ColorNamePrimary) }

// axisScale picks a top for the y axis and a tick step, in whole people, so ticks fall on
// round numbers.
func axisScale(most int) (top, step int) {
	if most <= 0 {
		return 4, 1
	}
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000} {
		if most <= s*5 {
			return (most + s - 1) / s * s, s
		}
	}
	step = (most + 4) / 5
	return step * 5, step
}

func (r *levelChartRenderer) build() {
	c := r.chart
	most := 0
	for i := range 4 {
		most = max(most, c.first[i], c.latest[i])
	}
	r.top, r.tickEvery = axisScale(most)
	r.grid, r.ticks = nil, nil
	for v := 0; v <= r.top; v += r.tickEvery {
		line := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		line.StrokeWidth = 1
		r.grid = append(r.grid, line)
		t := chartText(fmt.Sprint(v), false)
		t.Alignment = fyne.TextAlignTrailing
		r.ticks = append(r.ticks, t)
	}
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameForeground))
	r.axis.StrokeWidth = 2
	colours := [2]color.Color{firstBarColour(), latestBarColour()}
	values := [2][4]int{c.first, c.latest}
	for k := range 2 {
		for i := range 4 {
			r.bars[k][i] = canvas.NewRectangle(colours[k])
			r.counts[k][i] = chartText(fmt.Sprint(values[k][i]), true)
		}
		r.swatches[k] = canvas.NewRectangle(colours[k])
	}
	r.legend = [2]*canvas.Text{chartText("First PAM", false), chartText("Latest PAM", false)}
	for i := range 4 {
		r.levels[i] = chartText(pam.Level(i+1).String(), true)
	}

	r.objects = nil
	for _, g := range r.grid {
		r.objects = append(r.objects, g)
	}
	for _, t := range r.ticks {
		r.objects = append(r.objects, t)
	}
	r.objects = append(r.objects, r.axis)
	for k := range 2 {
		for i := range 4 {
			r.objects = append(r.objects, r.bars[k][i], r.counts[k][i])
		}
		r.objects = append(r.objects, r.swatches[k], r.legend[k])
	}
	for _, l := range r.levels {
		r.objects = append(r.objects, l)
	}
}

// Layout places the legend across the top, the bars in four groups and the level names below.
func (r *levelChartRenderer) Layout(size fyne.Size) {
	text := fyne.MeasureText("First PAM", theme.TextSize(), fyne.TextStyle{})
	tick := fyne.MeasureText(fmt.Sprint(r.top), theme.TextSize(), fyne.TextStyle{})
	legendH := text.Height + chartPad
	left := tick.Width + 2*chartPad
	top := legendH + text.Height + chartPad // room for the legend and a count over the tallest bar
	bottom := text.Height + 2*chartPad
	p := plotArea{x: left, y: top, w: fyne.Max(size.Width-left-chartPad, 10), h: fyne.Max(size.Height-top-bottom, 10)}
	yOf := func(v int) float32 { return p.y + p.h - p.h*float32(v)/float32(r.top) }

	// The legend, right-aligned: a swatch then its words, for each series.
	x := size.Width - chartPad
	for k := 1; k >= 0; k-- {
		ls := r.legend[k].MinSize()
		x -= ls.Width
		r.legend[k].Move(fyne.NewPos(x, 0))
		r.legend[k].Resize(ls)
		x -= chartPad + text.Height
		r.swatches[k].Move(fyne.NewPos(x, (ls.Height-text.Height*0.8)/2))
		r.swatches[k].Resize(fyne.NewSquareSize(text.Height * 0.8))
		x -= 3 * chartPad
	}

	for i, v := 0, 0; v <= r.top; i, v = i+1, v+r.tickEvery {
		y := yOf(v)
		r.grid[i].Position1, r.grid[i].Position2 = fyne.NewPos(p.x, y), fyne.NewPos(p.x+p.w, y)
		ts := r.ticks[i].MinSize()
		r.ticks[i].Move(fyne.NewPos(p.x-chartPad-ts.Width, y-ts.Height/2))
		r.ticks[i].Resize(ts)
	}
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(p.x, p.y+p.h), fyne.NewPos(p.x+p.w, p.y+p.h)

	group := p.w / 4
	bar := fyne.Min(group*0.3, 90)
	values := [2][4]int{r.chart.first, r.chart.latest}
	for i := range 4 {
		centre := p.x + group*(float32(i)+0.5)
		for k := range 2 {
			bx := centre - bar - chartPad/2
			if k == 1 {
				bx = centre + chartPad/2
			}
			y := yOf(values[k][i])
			r.bars[k][i].Move(fyne.NewPos(bx, y))
			r.bars[k][i].Resize(fyne.NewSize(bar, p.y+p.h-y))
			cs := r.counts[k][i].MinSize()
			r.counts[k][i].Move(fyne.NewPos(bx+(bar-cs.Width)/2, y-cs.Height))
			r.counts[k][i].Resize(cs)
		}
		ls := r.levels[i].MinSize()
		r.levels[i].Move(fyne.NewPos(centre-ls.Width/2, p.y+p.h+chartPad/2))
		r.levels[i].Resize(ls)
	}
}

// MinSize leaves room for four groups of bars and readable labels.
func (r *levelChartRenderer) MinSize() fyne.Size { return fyne.NewSize(520, 260) }

// Refresh rebuilds the objects, so a theme change or new figures are drawn afresh.
func (r *levelChartRenderer) Refresh() {
	r.build()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Objects are the chart's canvas objects.
func (r *levelChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy has nothing to release.
func (r *levelChartRenderer) Destroy() {}
