package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// funnelStage is one bar of the funnel: a stage of the pathway and how many reached it.
type funnelStage struct {
	label string
	count int
	exit  bool // discharged and declined are exits, drawn muted so the funnel itself stands out
}

// funnelChart draws the enrolment funnel as horizontal bars, one per stage, with the count at
// the end of each bar and a line at the hub's target, so how far the hub is from its target
// reads at a glance.
type funnelChart struct {
	widget.BaseWidget
	stages []funnelStage
	target int
}

var _ fyne.Widget = (*funnelChart)(nil)

func newFunnelChart(stages []funnelStage, target int) *funnelChart {
	c := &funnelChart{stages: stages, target: target}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is called by Fyne to draw the chart.
func (c *funnelChart) CreateRenderer() fyne.WidgetRenderer {
	r := &funnelRenderer{chart: c}
	r.build()
	return r
}

type funnelRenderer struct {
	chart   *funnelChart
	labels  []*canvas.Text
	bars    []*canvas.Rectangle
	counts  []*canvas.Text
	target  *canvas.Line
	tlabel  *canvas.Text
	top     int
	objects []fyne.CanvasObject
}

func (r *funnelRenderer) build() {
	c := r.chart
	most := c.target
	for _, s := range c.stages {
		most = max(most, s.count)
	}
	r.top, _ = axisScale(most)
	r.labels, r.bars, r.counts, r.objects = nil, nil, nil, nil
	for _, s := range c.stages {
		l := chartText(s.label, true)
		l.Alignment = fyne.TextAlignTrailing
		colour := latestBarColour()
		if s.exit {
			colour = firstBarColour()
		}
		b := canvas.NewRectangle(colour)
		n := chartText(thousands(s.count), false)
		r.labels, r.bars, r.counts = append(r.labels, l), append(r.bars, b), append(r.counts, n)
		r.objects = append(r.objects, l, b, n)
	}
	r.target = canvas.NewLine(theme.Color(theme.ColorNameError))
	r.target.StrokeWidth = 2
	r.tlabel = chartText(fmt.Sprintf("Target %s", thousands(c.target)), true)
	r.tlabel.Color = theme.Color(theme.ColorNameError)
	r.objects = append(r.objects, r.target, r.tlabel)
}

// Layout puts stage names on the left and a bar per stage to their right, scaled so the
// longest bar or the target fits.
func (r *funnelRenderer) Layout(size fyne.Size) {
	labelW := float32(0)
	for _, l := range r.labels {
		labelW = fyne.Max(labelW, l.MinSize().Width)
	}
	countW := fyne.MeasureText(thousands(r.top), theme.TextSize(), fyne.TextStyle{}).Width
	tH := r.tlabel.MinSize().Height
	p := plotArea{x: labelW + 2*chartPad, y: tH + chartPad, w: fyne.Max(size.Width-labelW-countW-4*chartPad, 10)}
	p.h = fyne.Max(size.Height-p.y, 10)
	row := p.h / float32(max(len(r.labels), 1))
	barH := row * 0.7
	xOf := func(v int) float32 { return p.x + p.w*float32(v)/float32(max(r.top, 1)) }
	for i, s := range r.chart.stages {
		y := p.y + row*float32(i)
		ls := r.labels[i].MinSize()
		r.labels[i].Move(fyne.NewPos(p.x-chartPad-ls.Width, y+(barH-ls.Height)/2))
		r.labels[i].Resize(ls)
		end := xOf(s.count)
		r.bars[i].Move(fyne.NewPos(p.x, y))
		r.bars[i].Resize(fyne.NewSize(end-p.x, barH))
		cs := r.counts[i].MinSize()
		r.counts[i].Move(fyne.NewPos(end+chartPad/2, y+(barH-cs.Height)/2))
		r.counts[i].Resize(cs)
	}
	tx := xOf(r.chart.target)
	r.target.Position1, r.target.Position2 = fyne.NewPos(tx, p.y-chartPad/2), fyne.NewPos(tx, p.y+p.h)
	ts := r.tlabel.MinSize()
	r.tlabel.Move(fyne.NewPos(fyne.Max(tx-ts.Width/2, 0), 0))
	r.tlabel.Resize(ts)
}

// MinSize leaves each stage a readable row.
func (r *funnelRenderer) MinSize() fyne.Size {
	return fyne.NewSize(420, float32(len(r.chart.stages))*(theme.TextSize()*2.2)+theme.TextSize()*2)
}

// Refresh rebuilds the objects for new figures or a new theme.
func (r *funnelRenderer) Refresh() {
	r.build()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Objects are the chart's canvas objects.
func (r *funnelRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy has nothing to release.
func (r *funnelRenderer) Destroy() {}
