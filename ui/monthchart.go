package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"carehub/careplan/caseload"
	"carehub/ui/kit"
)

// monthChart draws nominations per month as vertical bars, oldest on the left, with the count
// over each bar and the month under it.
type monthChart struct {
	kit.Chart
	months []caseload.MonthCount
}

var _ fyne.Widget = (*monthChart)(nil)

func newMonthChart(months []caseload.MonthCount) *monthChart {
	c := &monthChart{months: months}
	c.ExtendChart(c, &monthDrawing{chart: c})
	return c
}

// monthDrawing holds a bar, its count and its month's name for each month.
type monthDrawing struct {
	chart  *monthChart
	bars   []*canvas.Rectangle
	counts []*canvas.Text
	names  []*canvas.Text
	axis   *canvas.Line
	top    int
}

var _ kit.Drawing = (*monthDrawing)(nil)

// Build makes a bar per month, with its count and its name, over the axis.
func (d *monthDrawing) Build() []fyne.CanvasObject {
	most := 0
	for _, m := range d.chart.months {
		most = max(most, m.Nominated)
	}
	d.top, _ = kit.AxisScale(most)
	d.bars, d.counts, d.names = nil, nil, nil
	var objects []fyne.CanvasObject
	for _, m := range d.chart.months {
		b := canvas.NewRectangle(kit.BarColour())
		n := kit.ChartText(thousands(m.Nominated), false)
		name := kit.ChartText(m.Month.Format("Jan"), false)
		if m.Month.Month() == 1 {
			name.Text = m.Month.Format("Jan 06") // the year turns: say which
		}
		d.bars, d.counts, d.names = append(d.bars, b), append(d.counts, n), append(d.names, name)
		objects = append(objects, b, n, name)
	}
	d.axis = kit.AxisLine()
	return append(objects, d.axis)
}

// Layout spreads the months evenly across the width.
func (d *monthDrawing) Layout(size fyne.Size) {
	textH := fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{}).Height
	p := kit.PlotArea{X: kit.ChartPad, Y: textH + kit.ChartPad, W: fyne.Max(size.Width-2*kit.ChartPad, 10)}
	p.H = fyne.Max(size.Height-p.Y-textH-2*kit.ChartPad, 10)
	n := max(len(d.bars), 1)
	slot := p.W / float32(n)
	barW := slot * 0.6
	for i, m := range d.chart.months {
		h := p.H * float32(m.Nominated) / float32(max(d.top, 1))
		x := p.X + slot*float32(i) + (slot-barW)/2
		d.bars[i].Move(fyne.NewPos(x, p.Bottom()-h))
		d.bars[i].Resize(fyne.NewSize(barW, h))
		kit.Place(d.counts[i], x+barW/2, p.Bottom()-h, 0.5, 1)
		kit.Place(d.names[i], x+barW/2, p.Bottom()+kit.ChartPad/2, 0.5, 0)
	}
	d.axis.Position1, d.axis.Position2 = fyne.NewPos(p.X, p.Bottom()), fyne.NewPos(p.X+p.W, p.Bottom())
}

// MinSize leaves room for twelve months' labels.
func (d *monthDrawing) MinSize() fyne.Size { return fyne.NewSize(480, 180) }
