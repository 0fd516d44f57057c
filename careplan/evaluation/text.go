package evaluation

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"carehub/careplan"
	"carehub/pam"
)

// WriteText writes the report as plain text, the way the command line prints it: the scope,
// then activation, loneliness, wellbeing, frailty and service use, each with its counts beside
// its percentages and means. A figure with no one behind it says so instead of showing 0.
func (r Report) WriteText(w io.Writer) error {
	p := &printer{w: w}
	r.writeScope(p)
	r.Enrolment.write(p, r.Filter)
	r.Activation.write(p)
	r.Loneliness.write(p)
	r.Wellbeing.write(p)
	r.Frailty.write(p)
	r.ServiceUse.write(p)
	return p.err
}

// printer writes lines and keeps the first error, so the sections read as plain prose.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

func (r Report) writeScope(p *printer) {
	f := r.Filter
	p.line("Evaluation report: %s to %s", dayOrOpen(f.From, "the first record"), dayOrOpen(f.To, "the latest record"))
	p.line("Practice: %s. Key worker: %s.", orAll(f.Practice), orAll(f.KeyWorker))
	p.line("People in scope: %d", r.InScope)
	p.line("People with any PAM in the period: %d", r.WithPAM)
	p.line("People with a first and a later PAM: %d", r.Activation.People)
}

// dayOrOpen writes a day of the period, or what an open end means.
func dayOrOpen(d careplan.Date, open string) string {
	if d.IsZero() {
		return open
	}
	return d.Display()
}

func orAll(name string) string {
	if strings.TrimSpace(name) == "" {
		return "all"
	}
	return name
}

// none is what a section says when no one has a first and a later measurement.
const none = "  No one in scope has a first and a later %s in the period."

func (e Enrolment) write(p *printer, f Filter) {
	p.line("")
	p.line("Enrolment (everyone who ever reached active, including people since discharged, withdrawn or died)")
	p.line("  Enrolled: %d, of whom %d are no longer active", e.Enrolled, e.SinceLeft)
	switch {
	case e.Target > 0:
		p.line("  Against the hub's target of %d: %s", e.Target, e.AgainstTarget())
	case !f.WholeHub():
		p.line("  The hub's target covers the whole hub, so it is not compared for one practice or key worker.")
	}
	p.line("  First became active in the period: %d", e.InPeriod)
}

func (a Activation) write(p *printer) {
	p.line("")
	p.line("Patient activation (PAM-13 and PAM-10; Carer PAM not included)")
	if a.People == 0 {
		p.line(none, "PAM")
		return
	}
	p.line("  Started at level 1 or 2 and moved to a higher level: %s", a.MovedUpFromLow)
	p.line("  Mean change, latest minus first: %+.1f points", a.MeanChangePoints)
	p.line("  Gain of %s points or more: %s", pam.MeaningfulGain, a.MeaningfulGain)
	p.line("  Of the people whose latest PAM was within 12 months of their first, gained 3 points or more: %s", a.MeaningfulGainWithinYear)
	p.line("  Level at first and latest PAM:")
	if p.err != nil {
		return
	}
	tw := tabwriter.NewWriter(p.w, 0, 4, 3, ' ', 0)
	fmt.Fprintf(tw, "    \tfirst\tlatest\n")
	for i := range 4 {
		fmt.Fprintf(tw, "    %s\t%s\t%s\n", pam.Level(i+1), a.FirstLevels[i], a.LatestLevels[i])
	}
	p.err = tw.Flush()
}

func (l Loneliness) write(p *printer) {
	p.line("")
	p.line("Loneliness (UCLA 3-item, total 3 to 9; higher is lonelier)")
	if l.People == 0 {
		p.line(none, "loneliness score")
		return
	}
	p.line("  People with a first and a later score: %d", l.People)
	p.line("  Mean total: first %.1f, latest %.1f", l.MeanFirst, l.MeanLatest)
	p.line("  Lonely (total 6 or more): first %s, latest %s", l.LonelyFirst, l.LonelyLatest)
}

func (w Wellbeing) write(p *printer) {
	p.line("")
	p.line("Wellbeing (ONS4, 0 to 10; each question on its own, never added up)")
	if w.People == 0 {
		p.line(none, "set of wellbeing answers")
		return
	}
	p.line("  People with a first and a later set of answers: %d", w.People)
	p.line("  Life satisfaction: first %.1f, latest %.1f", w.First.LifeSatisfaction, w.Latest.LifeSatisfaction)
	p.line("  Worthwhile: first %.1f, latest %.1f", w.First.Worthwhile, w.Latest.Worthwhile)
	p.line("  Happy yesterday: first %.1f, latest %.1f", w.First.Happy, w.Latest.Happy)
	p.line("  Anxious yesterday (lower is better): first %.1f, latest %.1f", w.First.Anxious, w.Latest.Anxious)
}

func (f Frailty) write(p *printer) {
	p.line("")
	p.line("Frailty (Clinical Frailty Scale 1 to 9; higher is frailer)")
	if f.People == 0 {
		p.line(none, "frailty score")
		return
	}
	p.line("  People with a first and a later score: %d", f.People)
	p.line("  Mean score: first %.1f, latest %.1f", f.MeanFirst, f.MeanLatest)
}

func (s ServiceUse) write(p *printer) {
	p.line("")
	p.line("Service use (the hub's own contacts log; hospital and GP use are not recorded in carehub)")
	if !s.Recorded {
		p.line("  No contacts logged in the period")
		return
	}
	p.line("  %d contacts, %d minutes: %.1f contacts and %.0f minutes per person per month", s.Contacts, s.Minutes,
		s.ContactsPerPersonMonth, s.MinutesPerPersonMonth)
	for _, k := range s.ByKind {
		if k.Contacts > 0 {
			p.line("  %s: %d contacts, %d minutes", k.Kind.Label(), k.Contacts, k.Minutes)
		}
	}
}
