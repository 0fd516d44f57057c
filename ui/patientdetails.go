package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// The patient summary's sections about the person: who they are, how to reach them, how they
// came to the hub and where they are on the pathway.

func contactSection(p careplan.Patient) fyne.CanvasObject {
	var f kit.Facts
	if p.PreferredName != "" {
		f.Add("Preferred name", p.PreferredName)
	}
	f.Add("Address", orNotRecorded(p.Contact.Address))
	f.Add("Postcode", orNotRecorded(p.Contact.Postcode))
	f.Add("Phone", orNotRecorded(p.Contact.Phone))
	f.Add("Email", orNotRecorded(p.Contact.Email))
	practice := orNotRecorded(p.Practice.Name)
	if p.Practice.ODSCode != "" {
		practice += " (ODS code " + p.Practice.ODSCode + ")"
	}
	f.Add("GP practice", practice)
	return kit.Section("Contact and practice", f.Grid())
}

// needsSection puts communication needs in bold warning colour: a letter in small print or a
// visit without an interpreter shuts the person out of their own plan.
func needsSection(n careplan.CommunicationNeeds) fyne.CanvasObject {
	var out []fyne.CanvasObject
	highlight := func(text string) {
		l := kit.Para(text)
		l.TextStyle.Bold = true
		l.Importance = widget.WarningImportance
		out = append(out, l)
	}
	if n.LargePrint {
		highlight("Needs large print")
	}
	if n.Interpreter != "" {
		highlight("Needs an interpreter: " + n.Interpreter)
	}
	if n.Other != "" {
		out = append(out, kit.Para(n.Other))
	}
	if len(out) == 0 {
		out = append(out, kit.Quiet("No communication needs recorded."))
	}
	return kit.Section("Communication needs", out...)
}

func carersSection(carers []careplan.Carer) fyne.CanvasObject {
	if len(carers) == 0 {
		return kit.Section("Carers", kit.Quiet("No carers recorded."))
	}
	var f kit.Facts
	for _, c := range carers {
		var about []string
		if c.Relationship != "" {
			about = append(about, c.Relationship)
		}
		if c.Phone != "" {
			about = append(about, c.Phone)
		}
		f.Add(c.Name, orNotRecorded(strings.Join(about, " · ")))
	}
	return kit.Section("Carers", f.Grid())
}

func conditionsSection(codes []string) fyne.CanvasObject {
	if len(codes) == 0 {
		return kit.Section("Long-term conditions", kit.Quiet("No long-term conditions recorded."))
	}
	var out []fyne.CanvasObject
	for _, c := range codes {
		out = append(out, kit.Para("• "+careplan.ConditionTerm(c)))
	}
	return kit.Section(fmt.Sprintf("Long-term conditions (%d)", len(codes)), out...)
}

func nominationSection(n careplan.Nomination) fyne.CanvasObject {
	var f kit.Facts
	f.Add("Nominated on", n.On.Display())
	practice := orNotRecorded(n.Practice.Name)
	if n.Practice.ODSCode != "" {
		practice += " (" + n.Practice.ODSCode + ")"
	}
	f.Add("By practice", practice)
	f.Add("Clinician", orNotRecorded(n.Clinician))
	f.Add("Reason", orNotRecorded(n.Reason))
	if n.Judgement != nil {
		f.Add("Clinical judgement", fmt.Sprintf("%s (decided by %s)", n.Judgement.Reason, orNotRecorded(n.Judgement.By)))
	}
	return kit.Section("Nomination", f.Grid())
}

// consentSection shows the latest decision for each consent the hub records; only the latest
// counts, so a withdrawal shows at once. A status that disagrees with the consent to join (a
// record saved before carehub checked it) is said first, for whoever opens the record to put
// right.
func consentSection(p careplan.Patient) fyne.CanvasObject {
	history := p.Consent
	var f kit.Facts
	if what := p.ConsentToPutRight(); what != "" {
		v := f.Add("To put right", what)
		v.TextStyle.Bold = true
		v.Importance = widget.DangerImportance
	}
	scopes := []struct {
		scope careplan.ConsentScope
		what  string
	}{
		{careplan.ConsentToJoin, "To join the hub"},
		{careplan.ConsentToShareCarers, "To share the plan with carers"},
		{careplan.ConsentToShareProfessionals, "To share the plan with professionals"},
	}
	for _, sc := range scopes {
		rec, ok := careplan.CurrentConsent(history, sc.scope)
		if !ok {
			f.Add(sc.what, "Not recorded").TextStyle.Italic = true
			continue
		}
		v := f.Add(sc.what, consentWords(rec))
		if rec.Decision != careplan.ConsentGiven {
			v.Importance = widget.WarningImportance
		}
	}
	// Who may see the plan now, in so many words: withdrawing a share consent must show here
	// at once, because whoever prints or shares the plan reads this.
	sharing := careplan.CurrentSharing(history)
	shared := "Nobody"
	if len(sharing.SharedWith) > 0 {
		shared = strings.Join(sharing.SharedWith, "; ")
	}
	v := f.Add("The plan is shared with", shared)
	v.TextStyle.Bold = true
	if len(sharing.NotSharedWith) > 0 {
		ns := f.Add("Not shared with", strings.Join(sharing.NotSharedWith, "; "))
		ns.TextStyle.Bold = true
		ns.Importance = widget.WarningImportance
	}
	return kit.Section("Consent", f.Grid())
}

// consentWords writes one decision: "Given on 3 Mar 2025 (verbal; recorded by Sam Green)".
func consentWords(r careplan.ConsentRecord) string {
	var verb string
	switch r.Decision {
	case careplan.ConsentGiven:
		verb = "Given"
	case careplan.ConsentWithdrawn:
		verb = "Withdrawn"
	case careplan.ConsentRefused:
		verb = "Refused"
	default:
		verb = string(r.Decision)
	}
	words := verb + " on " + r.On.Display()
	var about []string
	if r.How != "" {
		about = append(about, r.How)
	}
	if r.RecordedBy != "" {
		about = append(about, "recorded by "+r.RecordedBy)
	}
	if len(about) > 0 {
		words += " (" + strings.Join(about, "; ") + ")"
	}
	if r.Decision == careplan.ConsentGiven && len(r.Parties) > 0 {
		names := make([]string, len(r.Parties))
		for i, p := range r.Parties {
			names[i] = p.Name
			if p.Role != "" {
				names[i] += " (" + p.Role + ")"
			}
		}
		words += ", with " + strings.Join(names, ", ")
	}
	return words
}

func statusSection(p careplan.Patient) fyne.CanvasObject {
	now := kit.Para("Now: " + p.Status.Label())
	if died, ok := p.DateOfDeath(); ok { // the date of death, not the day the hub was told
		now.SetText(now.Text + " · date of death " + died.Display())
	}
	now.TextStyle.Bold = true
	if len(p.History) == 0 {
		return kit.Section("Status", now, kit.Quiet("No status changes recorded."))
	}
	rows := make([][]*widget.Label, len(p.History))
	for i, h := range p.History {
		move := h.To.Label()
		if h.From != "" {
			move = h.From.Label() + " → " + h.To.Label()
		}
		rows[i] = []*widget.Label{kit.Para(h.On.Display()), kit.Para(move), kit.Para(orNotRecorded(h.By)), kit.Para(h.Reason)}
	}
	return kit.Section("Status", now,
		kit.Table([]float32{1.2, 2, 1.5, 3}, []string{"Date", "Change", "By", "Reason"}, rows))
}

func teamSection(t careplan.CareTeam) fyne.CanvasObject {
	var f kit.Facts
	f.Add("Key worker", orNotRecorded(t.KeyWorker))
	f.Add("Care coordinator", orNotRecorded(t.Coordinator))
	return kit.Section("Care team", f.Grid())
}
