package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestColumnsShareTheWidthByWeight(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := canvas.NewRectangle(nil), canvas.NewRectangle(nil), canvas.NewRectangle(nil)
	cols := &Columns{Weights: []float32{1, 3}, Fixed: map[int]float32{2: 50}}
	pad := theme.Padding()
	cols.Layout([]fyne.CanvasObject{a, b, c}, fyne.NewSize(450+2*pad, 30))
	if a.Size().Width != 100 || b.Size().Width != 300 || c.Size().Width != 50 {
		t.Errorf("widths %v %v %v, want 100 300 50", a.Size().Width, b.Size().Width, c.Size().Width)
	}
	if b.Position().X != 100+pad || c.Position().X != 400+2*pad {
		t.Errorf("columns start at %v and %v", b.Position().X, c.Position().X)
	}
}

func TestReadingWidthCentresNoWiderThanMax(t *testing.T) {
	test.NewTempApp(t)
	text := canvas.NewRectangle(nil)
	text.SetMinSize(fyne.NewSize(10, 20))
	(&ReadingWidth{Max: 300}).Layout([]fyne.CanvasObject{text}, fyne.NewSize(1000, 100))
	if text.Size().Width != 300 || text.Position() != fyne.NewPos(350, 40) {
		t.Errorf("placed at %v size %v, want 300 wide in the middle", text.Position(), text.Size())
	}
}
