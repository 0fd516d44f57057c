package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"carehub/ui/kit"
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
	kit.Chart
	stages []funnelStage
	target int
}

var _ fyne.Widget = (*funnelChart)(nil)

func newFunnelChart(stages []funnelStage, target int) *funnelChart {
	c := &funnelChart{stages: stages, target: target}
	c.ExtendChart(c, &funnelDrawing{chart: c})
	return c
}

// funnelDrawing holds a name, a bar and a count for each stage, and the target line.
type funnelDrawing struct {
	chart  *funnelChart
	labels []*canvas.Text
	bars   []*canvas.Rectangle
	counts []*canvas.Text
	target *canvas.Line
	tlabel *canvas.Text
	top    int
}

var _ kit.Drawing = (*funnelDrawing)(nil)

// Build makes a bar per stage with its name and count, and the target line with its words.
func (d *funnelDrawing) Build() []fyne.CanvasObject {
	c := d.chart
	most := c.target
	for _, s := range c.stages {
		most = max(most, s.count)
	}
	d.top, _ = kit.AxisScale(most)
	d.labels, d.bars, d.counts = nil, nil, nil
	var objects []fyne.CanvasObject
	for _, s := range c.stages {
		l := kit.ChartText(s.label, true)
		l.Alignment = fyne.TextAlignTrailing
		colour := kit.BarColour()
		if s.exit {
			colour = kit.MutedBarColour()
		}
		b := canvas.NewRectangle(colour)
		n := kit.ChartText(thousands(s.count), false)
		d.labels, d.bars, d.counts = append(d.labels, l), append(d.bars, b), append(d.counts, n)
		objects = append(objects, l, b, n)
	}
	d.target = canvas.NewLine(theme.Color(theme.ColorNameError))
	d.target.StrokeWidth = 2
	d.tlabel = kit.ChartText(fmt.Sprintf("Target %s", thousands(c.target)), true)
	d.tlabel.Color = theme.Color(theme.ColorNameError)
	return append(objects, d.target, d.tlabel)
}

// Layout puts stage names on the left and a bar per stage to their right, scaled so the
// longest bar or the target fits.
func (d *funnelDrawing) Layout(size fyne.Size) {
	pad := float32(kit.ChartPad)
	labelW := float32(0)
	for _, l := range d.labels {
		labelW = fyne.Max(labelW, l.MinSize().Width)
	}
	countW := fyne.MeasureText(thousands(d.top), theme.TextSize(), fyne.TextStyle{}).Width
	tH := d.tlabel.MinSize().Height
	p := kit.PlotArea{X: labelW + 2*pad, Y: tH + pad, W: fyne.Max(size.Width-labelW-countW-4*pad, 10)}
	p.H = fyne.Max(size.Height-p.Y, 10)
	row := p.H / float32(max(len(d.labels), 1))
	barH := row * 0.7
	top := float32(max(d.top, 1))
	for i, s := range d.chart.stages {
		y := p.Y + row*float32(i)
		kit.Place(d.labels[i], p.X-pad, y+barH/2, 1, 0.5)
		end := p.XOf(float32(s.count), top)
		d.bars[i].Move(fyne.NewPos(p.X, y))
		d.bars[i].Resize(fyne.NewSize(end-p.X, barH))
		kit.Place(d.counts[i], end+pad/2, y+barH/2, 0, 0.5)
	}
	tx := p.XOf(float32(d.chart.target), top)
	d.target.Position1, d.target.Position2 = fyne.NewPos(tx, p.Y-pad/2), fyne.NewPos(tx, p.Bottom())
	kit.Place(d.tlabel, fyne.Max(tx-d.tlabel.MinSize().Width/2, 0), 0, 0, 0)
}

// MinSize leaves each stage a readable row.
func (d *funnelDrawing) MinSize() fyne.Size {
	return fyne.NewSize(420, float32(len(d.chart.stages))*(theme.TextSize()*2.2)+theme.TextSize()*2)
}
