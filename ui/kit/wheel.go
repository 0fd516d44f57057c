package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives the mouse wheel to the innermost scrollable thing under the pointer, and every
// multi-line Entry has a scroller of its own: over a text box in a long form the wheel did
// nothing, even when the box's text had nowhere to scroll. A multi-line Entry therefore
// carries a wheel over itself, last among its parts so that it is found first: it scrolls the
// box while the box's text has further to go, and otherwise the page the box sits in.

// wheel lies over a multi-line Entry and takes its mouse-wheel events.
type wheel struct {
	widget.BaseWidget
	entry *Entry
	parts fyne.WidgetRenderer // the entry's own renderer, which holds its scroller
}

var _ fyne.Scrollable = (*wheel)(nil)

func newWheel(e *Entry, parts fyne.WidgetRenderer) *wheel {
	w := &wheel{entry: e, parts: parts}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer draws nothing: the wheel is only there to be found under the pointer.
func (w *wheel) CreateRenderer() fyne.WidgetRenderer { return emptyRenderer{} }

// Scrolled scrolls the box's own text while it can move that way, else the page around it.
func (w *wheel) Scrolled(ev *fyne.ScrollEvent) {
	if own := w.ownScroll(); own != nil && canScroll(own, ev.Scrolled.DY) {
		own.Scrolled(ev)
		return
	}
	if page := PageScroll(w.entry); page != nil {
		page.Scrolled(ev)
	}
}

// ownScroll is the entry's own scroller, or nil when its text does not scroll.
func (w *wheel) ownScroll() *container.Scroll {
	for _, o := range w.parts.Objects() {
		if s, ok := o.(*container.Scroll); ok && s.Content != nil && s.Visible() {
			return s
		}
	}
	return nil
}

// canScroll reports whether s can move its content in the wheel's direction: dy > 0 is the
// wheel turned up (towards the top), dy < 0 down.
func canScroll(s *container.Scroll, dy float32) bool {
	room := s.Content.MinSize().Height - s.Size().Height
	switch {
	case room <= 0:
		return false
	case dy > 0:
		return s.Offset.Y > 0
	case dy < 0:
		return s.Offset.Y < room
	}
	return false
}

// PageScroll is the innermost scroll container holding o on its window (or the dialog it is
// in), or nil when o is not in one.
func PageScroll(o fyne.CanvasObject) *container.Scroll {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return nil
	}
	roots := []fyne.CanvasObject{c.Content()}
	if top := c.Overlays().Top(); top != nil {
		roots = append([]fyne.CanvasObject{top}, roots...)
	}
	for _, root := range roots {
		if found, s := scrollAround(root, o, nil); found {
			return s
		}
	}
	return nil
}

// scrollAround looks for target under from, keeping the innermost scroll container passed on
// the way down.
func scrollAround(from, target fyne.CanvasObject, in *container.Scroll) (bool, *container.Scroll) {
	if from == nil || !from.Visible() {
		return false, nil
	}
	if from == target {
		return true, in
	}
	if s, ok := from.(*container.Scroll); ok && s.Direction != container.ScrollNone && s.Direction != container.ScrollHorizontalOnly {
		in = s
	}
	for _, child := range children(from) {
		if found, s := scrollAround(child, target, in); found {
			return true, s
		}
	}
	return false, nil
}

// children are the objects carehub's screens nest inside o: containers, scrollers, tabs,
// splits, cards, pop-ups and dialogs. Other widgets draw their own parts and hold no fields.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{v.Content}
	case *container.AppTabs:
		if item := v.Selected(); item != nil {
			return []fyne.CanvasObject{item.Content}
		}
	case *container.DocTabs:
		if item := v.Selected(); item != nil {
			return []fyne.CanvasObject{item.Content}
		}
	case *container.Split:
		return []fyne.CanvasObject{v.Leading, v.Trailing}
	case *widget.Card:
		return []fyne.CanvasObject{v.Content}
	case *widget.PopUp:
		return []fyne.CanvasObject{v.Content}
	case *widget.Form:
		out := make([]fyne.CanvasObject, 0, len(v.Items))
		for _, it := range v.Items {
			out = append(out, it.Widget)
		}
		return out
	}
	return nil
}

// wheelRenderer is a multi-line Entry's renderer with the wheel laid over it.
type wheelRenderer struct {
	fyne.WidgetRenderer
	wheel *wheel
	objs  []fyne.CanvasObject // the entry's own objects then the wheel, rebuilt when they change
}

// Layout lays the entry out and the wheel over the whole of it.
func (r *wheelRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.wheel.Move(fyne.NewPos(0, 0))
	r.wheel.Resize(size)
}

// Objects are the entry's own, then the wheel, so the wheel is found first under the pointer.
func (r *wheelRenderer) Objects() []fyne.CanvasObject {
	own := r.WidgetRenderer.Objects()
	if !r.current(own) {
		// A copy: appending to the entry's own slice could write into its spare capacity.
		r.objs = append(append(make([]fyne.CanvasObject, 0, len(own)+1), own...), r.wheel)
	}
	return r.objs
}

// current reports whether objs still holds the entry's own objects (it swaps its scroller for
// its text when wrapping is turned off).
func (r *wheelRenderer) current(own []fyne.CanvasObject) bool {
	if len(r.objs) != len(own)+1 {
		return false
	}
	for i, o := range own {
		if r.objs[i] != o {
			return false
		}
	}
	return true
}

// emptyRenderer draws nothing.
type emptyRenderer struct{}

func (emptyRenderer) Destroy()                     {}
func (emptyRenderer) Layout(fyne.Size)             {}
func (emptyRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (emptyRenderer) Objects() []fyne.CanvasObject { return nil }
func (emptyRenderer) Refresh()                     {}
