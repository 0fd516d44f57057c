package kit

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// longForm is a form taller than its window, with a text box in the middle of it.
func longForm(t *testing.T, box *Entry) (fyne.Window, *container.Scroll) {
	t.Helper()
	test.NewTempApp(t)
	rows := container.NewVBox()
	for i := 0; i < 25; i++ {
		rows.Add(widget.NewLabel(fmt.Sprintf("Field %d", i+1)))
	}
	rows.Add(box)
	for i := 25; i < 50; i++ {
		rows.Add(widget.NewLabel(fmt.Sprintf("Field %d", i+1)))
	}
	page := container.NewVScroll(rows)
	w := test.NewTempWindow(t, page)
	w.Resize(fyne.NewSize(500, 400))
	// Bring the box into view, as someone scrolling down the form would.
	page.ScrollToOffset(fyne.NewPos(0, box.Position().Y-100))
	return w, page
}

// wheelOver turns the mouse wheel over the middle of o, as the driver delivers it.
func wheelOver(w fyne.Window, o fyne.CanvasObject, dy float32) {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	test.Scroll(w.Canvas(), at, 0, dy)
}

func TestWheelOverAShortTextBoxScrollsThePage(t *testing.T) {
	box := NewTextBox()
	box.SetText("Lives alone; son visits on Sundays.")
	w, page := longForm(t, box)
	before := page.Offset.Y
	wheelOver(w, box, -40)
	if page.Offset.Y <= before {
		t.Fatalf("the wheel over the text box left the page at %.0f (was %.0f)", page.Offset.Y, before)
	}
	after := page.Offset.Y
	wheelOver(w, box, 40)
	if page.Offset.Y >= after {
		t.Errorf("the wheel turned up over the text box left the page at %.0f", page.Offset.Y)
	}
}

func TestWheelOverALongTextBoxScrollsItsTextFirst(t *testing.T) {
	box := NewTextBox()
	box.SetMinRowsVisible(3)
	var lines []string
	for i := 0; i < 20; i++ {
		lines = append(lines, fmt.Sprintf("Line %d of a long note", i+1))
	}
	box.SetText(strings.Join(lines, "\n"))
	w, page := longForm(t, box)
	start := page.Offset.Y
	wheelOver(w, box, -40)
	if page.Offset.Y != start {
		t.Errorf("the page moved (%.0f → %.0f) while the box's own text could still scroll", start, page.Offset.Y)
	}
	for i := 0; i < 40; i++ { // to the end of the note, then on down the page
		wheelOver(w, box, -40)
	}
	if page.Offset.Y <= start {
		t.Errorf("at the end of the box's text the wheel did not go on to scroll the page (%.0f)", page.Offset.Y)
	}
}

func TestWheelOverATextBoxInADialogScrollsTheDialog(t *testing.T) {
	w := testWindow(t)
	box := NewTextBox()
	rows := container.NewVBox()
	for i := 0; i < 30; i++ {
		rows.Add(widget.NewLabel(fmt.Sprintf("Question %d", i+1)))
	}
	rows.Add(box)
	page := container.NewVScroll(rows)
	page.SetMinSize(fyne.NewSize(400, 300))
	pop := widget.NewModalPopUp(page, w.Canvas())
	pop.Show()
	page.ScrollToOffset(fyne.NewPos(0, box.Position().Y-100))
	if got := PageScroll(box); got != page {
		t.Fatalf("PageScroll found %v, want the dialog's scroller", got)
	}
	before := page.Offset.Y
	wheelOver(w, box, 40)
	if page.Offset.Y >= before {
		t.Errorf("the wheel over the box in a dialog left its page at %.0f (was %.0f)", page.Offset.Y, before)
	}
}
