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

// pamChart draws a person's PAM scores over time on a 0-100 scale, over the four level bands
// of the published cut points. Only assessments that count are drawn: one entered in error
// must not look like a real change.
type pamChart struct {
	kit.Chart
	history []pam.Assessment // the assessments that count, oldest first
}

var _ fyne.Widget = (*pamChart)(nil)

func newPAMChart(history []pam.Assessment) *pamChart {
	c := &pamChart{history: history}
	c.ExtendChart(c, &pamDrawing{chart: c})
	return c
}

// pamDrawing holds the chart's canvas objects, made once per set of points and placed by
// Layout at whatever size the chart is given.
type pamDrawing struct {
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
}

var _ kit.Drawing = (*pamDrawing)(nil)

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

// Build makes the bands, the grid, the axes and a point per assessment, joined by lines.
func (d *pamDrawing) Build() []fyne.CanvasObject {
	fg := theme.Color(theme.ColorNameForeground)
	d.bands, d.bandLabels = nil, nil
	for _, b := range pam.Bands() {
		d.bands = append(d.bands, canvas.NewRectangle(bandColour(b.Level)))
		d.bandLabels = append(d.bandLabels, kit.ChartText(bandLabel(b), true))
	}
	d.grid, d.ticks = nil, nil
	for _, s := range chartTicks() {
		d.grid = append(d.grid, kit.Gridline())
		d.ticks = append(d.ticks, kit.TickLabel(fmt.Sprintf("%d", int(s.Points()))))
	}
	d.axis = [2]*canvas.Line{kit.AxisLine(), kit.AxisLine()}
	h := d.chart.history
	d.lines, d.dots, d.scores, d.dates = nil, nil, nil, nil
	for i, a := range h {
		if i > 0 {
			line := canvas.NewLine(fg)
			line.StrokeWidth = kit.ChartLineWidth
			d.lines = append(d.lines, line)
		}
		dot := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
		dot.StrokeColor = fg
		dot.StrokeWidth = 2
		d.dots = append(d.dots, dot)
		d.scores = append(d.scores, kit.ChartText(a.Score.String(), true))
		date := kit.ChartText(a.TakenOn.Display(), false)
		date.Alignment = fyne.TextAlignCenter
		d.dates = append(d.dates, date)
	}
	d.empty = kit.ChartText("No PAM that counts yet, so nothing to draw.", false)
	d.empty.Hidden = len(h) > 0

	objects := kit.AppendObjects(nil, d.bands...)
	objects = kit.AppendObjects(objects, d.grid...)
	objects = append(objects, d.axis[0], d.axis[1])
	objects = kit.AppendObjects(objects, d.ticks...)
	objects = kit.AppendObjects(objects, d.bandLabels...)
	objects = kit.AppendObjects(objects, d.lines...)
	objects = kit.AppendObjects(objects, d.dots...)
	objects = kit.AppendObjects(objects, d.scores...)
	objects = kit.AppendObjects(objects, d.dates...)
	return append(objects, d.empty)
}

// yOf is the height a score is drawn at.
func yOf(p kit.PlotArea, s pam.Score) float32 { return p.YOf(float32(s), 1000) }

func (d *pamDrawing) plot(size fyne.Size) kit.PlotArea {
	tick := fyne.MeasureText("100", theme.TextSize(), fyne.TextStyle{})
	var label float32
	for _, b := range pam.Bands() {
		label = fyne.Max(label, fyne.MeasureText(bandLabel(b), theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	left := tick.Width + 2*kit.ChartPad
	top := tick.Height/2 + kit.ChartPad
	bottom := tick.Height + 2*kit.ChartPad
	right := label + 2*kit.ChartPad
	return kit.PlotArea{X: left, Y: top, W: fyne.Max(size.Width-left-right, 10), H: fyne.Max(size.Height-top-bottom, 10)}
}

// Layout places everything for size.
func (d *pamDrawing) Layout(size fyne.Size) {
	p := d.plot(size)
	for i, b := range pam.Bands() {
		top, bottom := yOf(p, b.To), yOf(p, b.From)
		if b.Level == pam.Level4 {
			top = p.Y
		}
		d.bands[i].Move(fyne.NewPos(p.X, top))
		d.bands[i].Resize(fyne.NewSize(p.W, bottom-top))
		kit.Place(d.bandLabels[i], p.X+p.W+kit.ChartPad, (top+bottom)/2, 0, 0.5)
	}
	for i, s := range chartTicks() {
		p.PlaceTick(d.grid[i], d.ticks[i], yOf(p, s))
	}
	d.axis[0].Position1, d.axis[0].Position2 = fyne.NewPos(p.X, p.Y), fyne.NewPos(p.X, p.Bottom())
	d.axis[1].Position1, d.axis[1].Position2 = fyne.NewPos(p.X, p.Bottom()), fyne.NewPos(p.X+p.W, p.Bottom())
	kit.Place(d.empty, p.X+p.W/2, p.Y+p.H/2, 0.5, 1)
	d.layoutPoints(p)
}

// layoutPoints places each assessment by its date, so a long gap between two PAMs looks long.
// A date label that would overlap the one before it is hidden; the table lists every date.
func (d *pamDrawing) layoutPoints(p kit.PlotArea) {
	h := d.chart.history
	if len(h) == 0 {
		return
	}
	inset := fyne.Min(p.W/4, fyne.MeasureText("28 Aug 2025", theme.TextSize(), fyne.TextStyle{}).Width/2+kit.ChartPad)
	first, last := h[0].TakenOn.Time(), h[len(h)-1].TakenOn.Time()
	span := last.Sub(first).Hours()
	var prev fyne.Position
	shownRight := float32(-1)
	for i, a := range h {
		x := p.X + p.W/2
		if span > 0 {
			x = p.X + inset + (p.W-2*inset)*float32(a.TakenOn.Time().Sub(first).Hours()/span)
		}
		pos := fyne.NewPos(x, yOf(p, a.Score))
		d.dots[i].Move(pos.SubtractXY(kit.ChartDotRadius, kit.ChartDotRadius))
		d.dots[i].Resize(fyne.NewSquareSize(2 * kit.ChartDotRadius))
		if i > 0 {
			d.lines[i-1].Position1, d.lines[i-1].Position2 = prev, pos
		}
		prev = pos

		// The score sits over its point, or under it when there is no room above.
		if above := pos.Y - kit.ChartDotRadius; above-d.scores[i].MinSize().Height >= p.Y {
			kit.Place(d.scores[i], x, above, 0.5, 1)
		} else {
			kit.Place(d.scores[i], x, pos.Y+kit.ChartDotRadius, 0.5, 0)
		}

		date := d.dates[i]
		left := x - date.MinSize().Width/2
		date.Hidden = left < shownRight+kit.ChartPad
		if !date.Hidden {
			shownRight = left + date.MinSize().Width
		}
		kit.Place(date, x, p.Bottom()+kit.ChartPad/2, 0.5, 0)
	}
}

// MinSize leaves room for the bands to be told apart and the labels to be read.
func (d *pamDrawing) MinSize() fyne.Size { return fyne.NewSize(560, 320) }
