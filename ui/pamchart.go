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

// Chart sizes, chosen for readers with poor eyesight: thick lines, large points, labels at the
// theme's body text size.
const (
	chartLineWidth = 3
	chartDotRadius = 7
	chartPad       = 8
)

// pamChart draws a person's PAM scores over time on a 0-100 scale, over the four level bands
// of the published cut points. Only assessments that count are drawn: one entered in error
// must not look like a real change.
type pamChart struct {
	widget.BaseWidget
	history []pam.Assessment // the assessments that count, oldest first
}

var _ fyne.Widget = (*pamChart)(nil)

func newPAMChart(history []pam.Assessment) *pamChart {
	c := &pamChart{history: history}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is called by Fyne to draw the chart.
func (c *pamChart) CreateRenderer() fyne.WidgetRenderer {
	r := &pamChartRenderer{chart: c}
	r.build()
	return r
}

// pamChartRenderer holds the chart's canvas objects, made once per set of points and placed by
// Layout at whatever size the chart is given.
type pamChartRenderer struct {
	chart *pamChart

	bands      []*canvas.Rectangle
	bandLabels []*canvas.Text
	grid       []*canvas.Line
	ticks      []*canvas.Text
	axis       [2]*canvas.Line // y then x
	lines      []*canvas.Line
	dots       []*canvas.Circle
	scores     []*canvas.Text
	dates      []*canvas.Text
	empty      *canvas.Text
	objects    []fyne.CanvasObject
}

// chartTicks are the scores marked on the y axis.
func chartTicks() []pam.Score { return []pam.Score{0, 200, 400, 600, 800, 1000} }

// bandColour shades a level's band. The colours come from the theme so the chart follows
// light and dark; they are kept faint so the line over them stays the strongest thing drawn.
func bandColour(l pam.Level) color.Color {
	names := map[pam.Level]fyne.ThemeColorName{
		pam.Level1: theme.ColorNameError, pam.Level2: theme.ColorNameWarning,
		pam.Level3: theme.ColorNameSuccess, pam.Level4: theme.ColorNamePrimary,
	}
	r, g, b, _ := theme.Color(names[l]).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
}

// bandLabel names a band with its range: "Level 2 · 47.1-55.1", "Level 1 · up to 47.0".
func bandLabel(b pam.Band) string {
	switch b.Level {
	case pam.Level1:
		return fmt.Sprintf("%s · up to %s", b.Level, b.To)
	case pam.Level4:
		return fmt.Sprintf("%s · %s and over", b.Level, b.From)
	}
	return fmt.Sprintf("%s · %s-%s", b.Level, b.From, b.To)
}

func chartText(text string, bold bool) *canvas.Text {
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.TextSize()
	t.TextStyle.Bold = bold
	return t
}

func (r *pamChartRenderer) build() {
	fg := theme.Color(theme.ColorNameForeground)
	r.bands, r.bandLabels = nil, nil
	for _, b := range pam.Bands() {
		r.bands = append(r.bands, canvas.NewRectangle(bandColour(b.Level)))
		r.bandLabels = append(r.bandLabels, chartText(bandLabel(b), true))
	}
	r.grid, r.ticks = nil, nil
	for _, s := range chartTicks() {
		line := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		line.StrokeWidth = 1
		r.grid = append(r.grid, line)
		t := chartText(fmt.Sprintf("%d", int(s.Points())), false)
		t.Alignment = fyne.TextAlignTrailing
		r.ticks = append(r.ticks, t)
	}
	for i := range r.axis {
		r.axis[i] = canvas.NewLine(fg)
		r.axis[i].StrokeWidth = 2
	}
	h := r.chart.history
	r.lines, r.dots, r.scores, r.dates = nil, nil, nil, nil
	for i, a := range h {
		if i > 0 {
			line := canvas.NewLine(fg)
			line.StrokeWidth = chartLineWidth
			r.lines = append(r.lines, line)
		}
		dot := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
		dot.StrokeColor = fg
		dot.StrokeWidth = 2
		r.dots = append(r.dots, dot)
		r.scores = append(r.scores, chartText(a.Score.String(), true))
		d := chartText(a.TakenOn.Display(), false)
		d.Alignment = fyne.TextAlignCenter
		r.dates = append(r.dates, d)
	}
	r.empty = chartText("No PAM that counts yet, so nothing to draw.", false)
	r.empty.Hidden = len(h) > 0

	r.objects = nil
	for _, b := range r.bands {
		r.objects = append(r.objects, b)
	}
	for _, g := range r.grid {
		r.objects = append(r.objects, g)
	}
	r.objects = append(r.objects, r.axis[0], r.axis[1])
	for _, t := range r.ticks {
		r.objects = append(r.objects, t)
	}
	for _, t := range r.bandLabels {
		r.objects = append(r.objects, t)
	}
	for _, l := range r.lines {
		r.objects = append(r.objects, l)
	}
	for _, d := range r.dots {
		r.objects = append(r.objects, d)
	}
	for _, t := range r.scores {
		r.objects = append(r.objects, t)
	}
	for _, t := range r.dates {
		r.objects = append(r.objects, t)
	}
	r.objects = append(r.objects, r.empty)
}

// plotArea is where scores are drawn, inside the margins left for the axis labels.
type plotArea struct {
	x, y, w, h float32
}

func (p plotArea) yOf(s pam.Score) float32 {
	return p.y + p.h - p.h*float32(s)/1000
}

func (r *pamChartRenderer) plot(size fyne.Size) plotArea {
	tick := fyne.MeasureText("100", theme.TextSize(), fyne.TextStyle{})
	var label float32
	for _, b := range pam.Bands() {
		label = fyne.Max(label, fyne.MeasureText(bandLabel(b), theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	left := tick.Width + 2*chartPad
	top := tick.Height/2 + chartPad
	bottom := tick.Height + 2*chartPad
	right := label + 2*chartPad
	return plotArea{x: left, y: top, w: fyne.Max(size.Width-left-right, 10), h: fyne.Max(size.Height-top-bottom, 10)}
}

// Layout places everything for size.
func (r *pamChartRenderer) Layout(size fyne.Size) {
	p := r.plot(size)
	for i, b := range pam.Bands() {
		top, bottom := p.yOf(b.To), p.yOf(b.From)
		if b.Level == pam.Level4 {
			top = p.y
		}
		r.bands[i].Move(fyne.NewPos(p.x, top))
		r.bands[i].Resize(fyne.NewSize(p.w, bottom-top))
		l := r.bandLabels[i]
		ls := l.MinSize()
		l.Move(fyne.NewPos(p.x+p.w+chartPad, (top+bottom-ls.Height)/2))
		l.Resize(ls)
	}
	for i, s := range chartTicks() {
		y := p.yOf(s)
		r.grid[i].Position1 = fyne.NewPos(p.x, y)
		r.grid[i].Position2 = fyne.NewPos(p.x+p.w, y)
		t := r.ticks[i]
		ts := t.MinSize()
		t.Move(fyne.NewPos(p.x-chartPad-ts.Width, y-ts.Height/2))
		t.Resize(ts)
	}
	r.axis[0].Position1, r.axis[0].Position2 = fyne.NewPos(p.x, p.y), fyne.NewPos(p.x, p.y+p.h)
	r.axis[1].Position1, r.axis[1].Position2 = fyne.NewPos(p.x, p.y+p.h), fyne.NewPos(p.x+p.w, p.y+p.h)

	es := r.empty.MinSize()
	r.empty.Move(fyne.NewPos(p.x+(p.w-es.Width)/2, p.y+p.h/2-es.Height))
	r.empty.Resize(es)
	r.layoutPoints(p)
}

// layoutPoints places each assessment by its date, so a long gap between two PAMs looks long.
// A date label that would overlap the one before it is hidden; the table lists every date.
func (r *pamChartRenderer) layoutPoints(p plotArea) {
	h := r.chart.history
	if len(h) == 0 {
		return
	}
	inset := fyne.Min(p.w/4, fyne.MeasureText("28 Aug 2025", theme.TextSize(), fyne.TextStyle{}).Width/2+chartPad)
	first, last := h[0].TakenOn.Time(), h[len(h)-1].TakenOn.Time()
	span := last.Sub(first).Hours()
	var prev fyne.Position
	shownRight := float32(-1)
	for i, a := range h {
		x := p.x + p.w/2
		if span > 0 {
			x = p.x + inset + (p.w-2*inset)*float32(a.TakenOn.Time().Sub(first).Hours()/span)
		}
		pos := fyne.NewPos(x, p.yOf(a.Score))
		r.dots[i].Move(pos.SubtractXY(chartDotRadius, chartDotRadius))
		r.dots[i].Resize(fyne.NewSquareSize(2 * chartDotRadius))
		if i > 0 {
			r.lines[i-1].Position1, r.lines[i-1].Position2 = prev, pos
		}
		prev = pos

		s := r.scores[i]
		ss := s.MinSize()
		sy := pos.Y - chartDotRadius - ss.Height
		if sy < p.y {
			sy = pos.Y + chartDotRadius
		}
		s.Move(fyne.NewPos(x-ss.Width/2, sy))
		s.Resize(ss)

		d := r.dates[i]
		ds := d.MinSize()
		left := x - ds.Width/2
		d.Hidden = left < shownRight+chartPad
		if !d.Hidden {
			shownRight = left + ds.Width
		}
		d.Move(fyne.NewPos(left, p.y+p.h+chartPad/2))
		d.Resize(ds)
	}
}

// MinSize leaves room for the bands to be told apart and the labels to be read.
func (r *pamChartRenderer) MinSize() fyne.Size { return fyne.NewSize(560, 320) }

// Refresh rebuilds the objects, so a theme change or new points are drawn afresh.
func (r *pamChartRenderer) Refresh() {
	r.build()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Objects are the chart's canvas objects.
func (r *pamChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy has nothing to release.
func (r *pamChartRenderer) Destroy() {}
