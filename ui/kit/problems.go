package kit

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NewProblemLabel is a field's inline problem, hidden until there is one.
func NewProblemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// SetProblem shows text in a problem label, or hides the label when text is empty.
func SetProblem(l *widget.Label, text string) {
	l.SetText(text)
	l.Hidden = text == ""
	l.Refresh()
}

// Problems is what is wrong with a form, in the user's words, by the label each problem is
// shown in: under its field, or the form's own for a problem that belongs to no one field.
type Problems map[*widget.Label]string

// When says a domain rule in words for its field: when err is, or wraps, rule, text goes under
// l. A field shows its first problem, so one found earlier (its date does not read) is kept
// rather than told over by a rule that could not be checked.
func (p Problems) When(err, rule error, l *widget.Label, text string) {
	if _, said := p[l]; said || !errors.Is(err, rule) {
		return
	}
	p[l] = text
}

// Settle keeps up with a form being put right: each problem still showing is updated to the
// one p gives it, or cleared when p has none, so a message goes as soon as its field is right.
// No new problem appears while someone is still typing; Save shows those.
func Settle(p Problems, labels ...*widget.Label) {
	for _, l := range labels {
		if l.Visible() {
			SetProblem(l, p[l])
		}
	}
}

// problemLabels are every problem label a form made, so showing a new set of problems also
// clears the ones put right.
type problemLabels struct {
	labels []*widget.Label
}

func (s *problemLabels) add() *widget.Label {
	l := NewProblemLabel()
	s.labels = append(s.labels, l)
	return l
}

// showing reports whether any problem is on show.
func (s *problemLabels) showing() bool {
	for _, l := range s.labels {
		if l.Visible() {
			return true
		}
	}
	return false
}

// show puts each problem in its label and hides the rest; it reports whether there were none.
func (s *problemLabels) show(p Problems) bool {
	for _, l := range s.labels {
		SetProblem(l, p[l])
	}
	return len(p) == 0
}
