package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestAxisScaleFallsOnRoundNumbers(t *testing.T) {
	tests := []struct{ most, top, step int }{
		{0, 4, 1}, {3, 3, 1}, {5, 5, 1}, {6, 6, 2}, {23, 25, 5}, {480, 500, 100}, {30000, 30000, 10000}, {60001, 60005, 12001},
	}
	for _, tt := range tests {
		top, step := AxisScale(tt.most)
		if top != tt.top || step != tt.step {
			t.Errorf("AxisScale(%d) = %d, %d; want %d, %d", tt.most, top, step, tt.top, tt.step)
		}
		if top < tt.most || top%step != 0 {
			t.Errorf("AxisScale(%d): top %d does not cover it in whole steps of %d", tt.most, top, step)
		}
	}
}

func TestPlaceByAnchor(t *testing.T) {
	test.NewTempApp(t)
	text := ChartText("128", true)
	s := text.MinSize()
	Place(text, 100, 50, 0.5, 1) // centred over a bar whose top is at 50
	if got := text.Position(); got != fyne.NewPos(100-s.Width/2, 50-s.Height) || text.Size() != s {
		t.Errorf("placed at %v size %v, want centred over (100, 50) at %v", got, text.Size(), s)
	}
	p := PlotArea{X: 40, Y: 10, W: 200, H: 100}
	line, label := Gridline(), TickLabel("50")
	p.PlaceTick(line, label, p.YOf(50, 100))
	if line.Position1 != fyne.NewPos(40, 60) || line.Position2 != fyne.NewPos(240, 60) {
		t.Errorf("gridline from %v to %v, want across the plot at 60", line.Position1, line.Position2)
	}
	if right := label.Position().X + label.Size().Width; right != 40-ChartPad {
		t.Errorf("tick label ends at %v, want beside the axis at %v", right, 40-ChartPad)
	}
}

func TestAppendObjectsKeepsDrawingOrder(t *testing.T) {
	lines := []*canvas.Line{Gridline(), Gridline()}
	texts := []*canvas.Text{ChartText("a", false)}
	got := AppendObjects(AppendObjects(nil, lines...), texts...)
	if len(got) != 3 || got[0] != lines[0] || got[1] != lines[1] || got[2] != texts[0] {
		t.Errorf("objects %v", got)
	}
}
