package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/caseload"
)

// monthChart draws nominations per month as vertical bars, oldest on the left, with the count
// over each bar and the month under it.
type monthChart struct {
	widget.BaseWidget
	months []caseload.MonthCount
}

var _ fyne.Widget = (*monthChart)(nil)

func newMonthChart(months []caseload.MonthCount) *monthChart {
	c := &monthChart{months: months}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is called by Fyne to draw the chart.
func (c *monthChart) CreateRenderer() fyne.WidgetRenderer {
	r := &monthRenderer{chart: c}
	r.build()
	return r
}

type monthRenderer struct {
	chart   *monthChart
	bars    []*canvas.Rectangle
	counts  []*canvas.Text
	names   []*canvas.Text
	axis    *canvas.Line
	top     int
	objects []fyne.CanvasObject
}

func (r *monthRenderer) build() {
	most := 0
	for _, m := range r.chart.months {
		most = max(most, m.Nominated)
	}
	r.top, _ = axisScale(most)
	r.bars, r.counts, r.names, r.objects = nil, nil, nil, nil
	for _, m := range r.chart.months {
		b := canvas.NewRectangle(latestBarColour())
		n := chartText(thousands(m.Nominated), false)
		name := chartText(m.Month.Format("Jan"), false)
		if m.Month.Month() == 1 {
			name.Text = m.Month.Format("Jan 06") // the year turns: say which
		}
		r.bars, r.counts, r.names = append(r.bars, b), append(r.counts, n), append(r.names, name)
		r.objects = append(r.objects, b, n, name)
	}
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameForeground))
	r.axis.StrokeWidth = 2
	r.objects = append(r.objects, r.axis)
}

// Layout spreads the months evenly across the width.
func (r *monthRenderer) Layout(size fyne.Size) {
	textH := fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{}).Height
	p := plotArea{x: chartPad, y: textH + chartPad, w: fyne.Max(size.Width-2*chartPad, 10)}
	p.h = fyne.Max(size.Height-p.y-textH-2*chartPad, 10)
	n := max(len(r.bars), 1)
	slot := p.w / float32(n)
	barW := slot * 0.6
	for i, m := range r.chart.months {
		h := p.h * float32(m.Nominated) / float32(max(r.top, 1))
		x := p.x + slot*float32(i) + (slot-barW)/2
		r.bars[i].Move(fyne.NewPos(x, p.y+p.h-h))
		r.bars[i].Resize(fyne.NewSize(barW, h))
		cs := r.counts[i].MinSize()
		r.counts[i].Move(fyne.NewPos(x+(barW-cs.Width)/2, p.y+p.h-h-cs.Height))
		r.counts[i].Resize(cs)
		ns := r.names[i].MinSize()
		r.names[i].Move(fyne.NewPos(x+(barW-ns.Width)/2, p.y+p.h+chartPad/2))
		r.names[i].Resize(ns)
	}
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(p.x, p.y+p.h), fyne.NewPos(p.x+p.w, p.y+p.h)
}

// MinSize leaves room for twelve months' labels.
func (r *monthRenderer) MinSize() fyne.Size { return fyne.NewSize(480, 180) }

// Refresh rebuilds the objects for new figures or a new theme.
func (r *monthRenderer) Refresh() {
	r.build()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Objects are the chart's canvas objects.
func (r *monthRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy has nothing to release.
func (r *monthRenderer) Destroy() {}
