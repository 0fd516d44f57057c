package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The parts of a chart's drawing that every chart draws the same way.

// Chart sizes, chosen for readers with poor eyesight: thick lines, large points, labels at the
// theme's body text size.
const (
	ChartLineWidth = 3 // a line joining points
	ChartDotRadius = 7 // a point
	ChartPad       = 8 // the space between a chart's parts
)

// AppendObjects appends a drawing's parts of one kind (its gridlines, its labels) to objects,
// so Build can list everything in drawing order, a line a kind.
func AppendObjects[T fyne.CanvasObject](objects []fyne.CanvasObject, parts ...T) []fyne.CanvasObject {
	for _, p := range parts {
		objects = append(objects, p)
	}
	return objects
}

// ChartText is a chart's label, in the theme's foreground colour at body text size.
func ChartText(text string, bold bool) *canvas.Text {
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.TextSize()
	t.TextStyle.Bold = bold
	return t
}

// Gridline is a faint line across a chart at one of its ticks.
func Gridline() *canvas.Line {
	l := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	l.StrokeWidth = 1
	return l
}

// TickLabel is a tick's value, set right-aligned to stand beside the axis.
func TickLabel(text string) *canvas.Text {
	t := ChartText(text, false)
	t.Alignment = fyne.TextAlignTrailing
	return t
}

// AxisLine is an axis: a firm line in the foreground colour.
func AxisLine() *canvas.Line {
	l := canvas.NewLine(theme.Color(theme.ColorNameForeground))
	l.StrokeWidth = 2
	return l
}

// BarColour is a bar's colour: the theme's primary, so the figure that matters most stands out.
func BarColour() color.Color { return theme.Color(theme.ColorNamePrimary) }

// MutedBarColour is a bar that matters less (a first PAM beside the latest, an exit from the
// funnel): the foreground, faint, so the two differ in lightness as well as hue for readers
// who cannot tell colours apart.
func MutedBarColour() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameForeground).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x70}
}

// AxisScale picks a top for an axis counting people and a tick step, in whole people, so ticks
// fall on round numbers.
func AxisScale(most int) (top, step int) {
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

// PlotArea is where a chart draws its figures, inside the margins left for its labels.
type PlotArea struct {
	X, Y, W, H float32
}

// YOf is the height v is drawn at on an axis running from 0 at the bottom to top.
func (p PlotArea) YOf(v, top float32) float32 { return p.Y + p.H - p.H*v/top }

// XOf is where v is drawn along an axis running from 0 at the left to top.
func (p PlotArea) XOf(v, top float32) float32 { return p.X + p.W*v/top }

// Bottom is the height of the plot's bottom edge, where the x axis runs.
func (p PlotArea) Bottom() float32 { return p.Y + p.H }

// PlaceTick lays a gridline across the plot at height y, with its tick label left of the axis.
func (p PlotArea) PlaceTick(line *canvas.Line, label *canvas.Text, y float32) {
	line.Position1, line.Position2 = fyne.NewPos(p.X, y), fyne.NewPos(p.X+p.W, y)
	Place(label, p.X-ChartPad, y, 1, 0.5)
}

// Place puts o at its own smallest size with its anchor point at (x, y). The anchor is a
// fraction of o's width and height: 0, 0 its top left, 0.5, 0.5 its centre, 1, 1 its bottom
// right; so a count centred over a bar is Place(count, barCentre, barTop, 0.5, 1).
func Place(o fyne.CanvasObject, x, y, anchorX, anchorY float32) {
	s := o.MinSize()
	o.Move(fyne.NewPos(x-anchorX*s.Width, y-anchorY*s.Height))
	o.Resize(s)
}
