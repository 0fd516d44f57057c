package printout

import (
	"fmt"

	"carehub/careplan"
	"carehub/pam"
)

// Band tints for the PAM chart: light enough that black labels and the line stay clear.
const (
	band1 rgb = 0xf3f3f3
	band2 rgb = 0xe4ecf6
	band3 rgb = 0xf3f3f3
	band4 rgb = 0xe4ecf6
)

// patientPAMs is the person's own PAM history, oldest first: pam.History, which leaves out
// every Carer PAM (it measures the carer rather than the person).
func patientPAMs(all []pam.Assessment) []pam.Assessment { return pam.History(all) }

// pamSection shows the person's PAM scores over time as a small chart and one sentence.
// carehub records scores from the licensed tool; nothing here computes a score.
func (s *sheet) pamSection(c Copy) {
	h := patientPAMs(c.Assessments)
	intro := s.wrapLines("PAM (Patient Activation Measure) shows how much you know about your health, "+
		"and how confident you feel looking after it. Scores go from 0 to 100, in four levels.",
		false, s.st.body, s.width, black)
	if len(h) == 0 {
		s.heading("My PAM over time", s.firstLines())
		s.paragraph("No PAM recorded yet.")
		return
	}
	// The heading, the words that explain the chart and the chart itself go together.
	s.heading("My PAM over time", s.height(intro)+s.st.gap/2+s.chartHeight())
	s.flow(intro)
	s.y += s.st.gap / 2
	s.chart(h)
	s.paragraph(pamSummary(h) + atAgreement(c.Plan))
}

// atAgreement says the PAM level the plan was agreed at, which is what the plan was tailored
// to (not the latest score, which may have come later), or "" when none was recorded.
func atAgreement(p careplan.Plan) string {
	a := p.Agreement
	if a == nil || !pam.Level(a.PAMLevel).Valid() {
		return ""
	}
	l := pam.Level(a.PAMLevel)
	return fmt.Sprintf("\nWhen this plan was agreed on %s, your PAM was %s (%s).", a.On.Display(), l, l.PlainWords())
}

// pamSummary is the chart in one plain sentence.
func pamSummary(h []pam.Assessment) string {
	last := h[len(h)-1]
	level := fmt.Sprintf("%s, %s", last.Level, last.Level.PlainWords()) // the person's copy: neutral words
	if len(h) == 1 {
		return fmt.Sprintf("Your score was %s (%s). This is your first PAM score.", last.Score, level)
	}
	ch := pam.Between(h[0], last)
	diff := "the same as your first"
	switch {
	case ch.Points > 0:
		diff = fmt.Sprintf("%s points higher than your first", ch.Points)
	case ch.Points < 0:
		diff = fmt.Sprintf("%s points lower than your first", -ch.Points)
	}
	return fmt.Sprintf("Your latest score was %s (%s), %s.", last.Score, level, diff)
}

// chart draws the scores on a 0-100 axis over the four level bands, shaded and labelled.
func (s *sheet) chart(h []pam.Assessment) {
	st := s.st
	lh := st.lineH(st.small)
	s.ensure(s.chartHeight())

	axisW := s.p.width("100", false, st.small) + 2
	bandW := s.p.width("Level 4", true, st.small) + 3
	x0, w := s.left+axisW, s.width-axisW-bandW
	y0, ph := s.y+lh, st.chartH
	yOf := func(points float64) float64 { return y0 + ph*(1-points/100) }

	bands := pam.Bands()
	tints := []rgb{band1, band2, band3, band4}
	for i, b := range bands {
		upper := 100.0
		if i+1 < len(bands) {
			upper = bands[i+1].From.Points()
		}
		top, bot := yOf(upper), yOf(b.From.Points())
		s.rect(x0, top, w, bot-top, tints[i%len(tints)], true, black, 0)
		label := line{text: b.Level.String(), bold: true, size: st.small, colour: black}
		s.text(x0+w+2, (top+bot)/2-lh/2, label)
	}
	s.rect(x0, y0, w, ph, white, false, ruleGrey, 0.2)
	for v := 0; v <= 100; v += 25 {
		t := line{text: fmt.Sprint(v), size: st.small, colour: black}
		s.text(x0-1.5-s.p.width(t.text, false, t.size), yOf(float64(v))-lh/2, t)
	}

	r := 1.3
	if st.large {
		r = 2.2
	}
	xs := pointXs(len(h), x0, w, s.p.width("00 Mmm 0000", false, st.small)/2+1)
	for i := 1; i < len(h); i++ {
		s.rule(xs[i-1], yOf(h[i-1].Score.Points()), xs[i], yOf(h[i].Score.Points()), nhsBlue, r/2)
	}
	scoreRight, dateRight := x0-1000.0, x0-1000.0
	for i, a := range h {
		x, y := xs[i], yOf(a.Score.Points())
		s.add(op{kind: opCircle, x: x, y: y, w: r, fill: nhsBlue})
		// Labels that would overlap the one before are left out; the sentence under the
		// chart gives the first and latest scores in words anyway.
		score := line{text: a.Score.String(), bold: true, size: st.small, colour: black}
		if sw := s.p.width(score.text, true, score.size); x-sw/2 > scoreRight+1 || i == len(h)-1 {
			s.text(x-sw/2, max(s.y, y-r-lh), score)
			scoreRight = x + sw/2
		}
		date := line{text: a.TakenOn.Time().Format("Jan 2006"), size: st.small, colour: black}
		if dw := s.p.width(date.text, false, date.size); x-dw/2 > dateRight+2 {
			s.text(x-dw/2, y0+ph+0.5, date)
			dateRight = x + dw/2
		}
	}
	s.y = y0 + ph + lh + st.gap
}

// chartHeight is the chart's height with its labels above and below.
func (s *sheet) chartHeight() float64 {
	return 2*s.st.lineH(s.st.small) + s.st.chartH + s.st.gap
}

// pointXs spreads n points across the plot, inset so their labels stay inside it.
func pointXs(n int, x0, w, inset float64) []float64 {
	xs := make([]float64, n)
	if n == 1 {
		xs[0] = x0 + w/2
		return xs
	}
	step := (w - 2*inset) / float64(n-1)
	for i := range xs {
		xs[i] = x0 + inset + step*float64(i)
	}
	return xs
}
