package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// caseloadColumns is the width each caseload column gets, shared by the header and every row.
// The NHS number and date of birth are how staff tell two people apart, so they always get the
// width their longest form needs and are never cut short (wrong-patient hazard); the name, key
// worker and review columns share the rest in proportion.
func caseloadColumns() *kit.Columns {
	return &kit.Columns{
		Weights: []float32{3, 1.6, 2, 1.3, 2, 2.2},
		Fixed: map[int]float32{
			1: textColumnWidth("999 999 9999", "NHS number"),
			2: textColumnWidth("30 Sep 1938 (100)", "Date of birth (age)"),
			// The status and the review are never cut either: "overd…" hid that a review
			// was overdue on a small screen.
			3: textColumnWidth(statusLabels()...),
			5: textColumnWidth("30 Sep 2026 · overdue", "no review date"),
		},
	}
}

// statusLabels are every status as the caseload writes it, and the column's title.
func statusLabels() []string {
	out := []string{"Status"}
	for _, st := range careplan.Statuses() {
		out = append(out, st.Label())
	}
	return out
}

// textColumnWidth is the width a label needs to show the widest of the given texts in full,
// bold or not.
func textColumnWidth(texts ...string) float32 {
	var w float32
	for _, t := range texts {
		m := fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{Bold: true})
		w = fyne.Max(w, m.Width)
	}
	return w + 2*theme.InnerPadding() + 2
}

// caseloadRow shows one person on the caseload. The list makes only as many rows as fit on
// screen and reuses them as it scrolls, so a row holds labels, never a person.
type caseloadRow struct {
	widget.BaseWidget

	name      *widget.Label
	nhsNumber *widget.Label
	born      *widget.Label
	status    *widget.Label
	keyWorker *widget.Label
	review    *widget.Label
}

var _ fyne.Widget = (*caseloadRow)(nil)

func newCaseloadRow() *caseloadRow {
	r := &caseloadRow{
		name:      rowLabel(),
		nhsNumber: rowLabel(),
		born:      rowLabel(),
		status:    rowLabel(),
		keyWorker: rowLabel(),
		review:    rowLabel(),
	}
	r.name.TextStyle.Bold = true
	r.ExtendBaseWidget(r)
	return r
}

// rowLabel is a label that ends in an ellipsis rather than pushing the next column along.
func rowLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// CreateRenderer lays the row's labels out in the caseload's columns.
func (r *caseloadRow) CreateRenderer() fyne.WidgetRenderer {
	c := container.New(caseloadColumns(),
		r.name, r.nhsNumber, r.born, r.status, r.keyWorker, r.review)
	return widget.NewSimpleRenderer(c)
}

// show fills the row with one caseload entry as it stands on the given day.
func (r *caseloadRow) show(e careplan.CaseloadEntry, today careplan.Date) {
	r.name.SetText(e.SortName())
	r.nhsNumber.SetText(e.NHSNumber.Display())
	r.born.SetText(bornWithAge(e.DateOfBirth, today))
	r.status.SetText(e.Status.Label())
	// Missing values are in italics, not greyed out, so they stay readable.
	r.keyWorker.TextStyle.Italic = e.KeyWorker == ""
	r.keyWorker.SetText(e.KeyWorker)
	if e.KeyWorker == "" {
		r.keyWorker.SetText("no key worker")
	}
	text, overdue := reviewText(e, today)
	r.review.TextStyle.Italic = e.ReviewDate.IsZero()
	r.review.TextStyle.Bold = overdue
	r.review.Importance = widget.MediumImportance
	if overdue {
		r.review.Importance = widget.DangerImportance
	}
	r.review.SetText(text)
}

// reviewText writes when a person's plan is next reviewed, and whether it is overdue by
// careplan.ReviewOverdue (which only counts while the hub works with the person under a plan).
func reviewText(e careplan.CaseloadEntry, today careplan.Date) (text string, overdue bool) {
	switch {
	case e.ReviewDate.IsZero():
		return "no review date", false
	case careplan.ReviewOverdue(e.ReviewDate, e.Status, today):
		return e.ReviewDate.Display() + " · overdue", true
	default:
		return e.ReviewDate.Display(), false
	}
}

// caseloadHeader names the caseload's columns, in the same layout as the rows.
func caseloadHeader() fyne.CanvasObject {
	titles := []string{"Name", "NHS number", "Date of birth (age)", "Status", "Key worker", "Review"}
	labels := make([]fyne.CanvasObject, len(titles))
	for i, t := range titles {
		l := rowLabel()
		l.SetText(t)
		l.TextStyle.Bold = true
		labels[i] = l
	}
	return container.New(caseloadColumns(), labels...)
}
