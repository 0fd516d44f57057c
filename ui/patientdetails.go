package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// The patient summary's sections about the person: who they are, how to reach them, how they
// came to the hub and where they are on the pathway.

func contactSection(p careplan.Patient) fyne.CanvasObject {
	var f facts
	if p.PreferredName != "" {
		f.add("Preferred name", p.PreferredName)
	}
	f.add("Address", orNotRecorded(p.Contact.Address))
	f.add("Postcode", orNotRecorded(p.Contact.Postcode))
	f.add("Phone", orNotRecorded(p.Contact.Phone))
	f.add("Email", orNotRecorded(p.Contact.Email))
	practice := orNotRecorded(p.Practice.Name)
	if p.Practice.ODSCode != "" {
		practice += " (ODS code " + p.Practice.ODSCode + ")"
	}
	f.add("GP practice", practice)
	return section("Contact and practice", f.grid())
}

// needsSection puts communication needs in bold warning colour: a letter in small print or a
// visit without an interpreter shuts the person out of their own plan.
func needsSection(n careplan.CommunicationNeeds) fyne.CanvasObject {
	var out []fyne.CanvasObject
	highlight := func(text string) {
		l := para(text)
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
		out = append(out, para(n.Other))
	}
	if len(out) == 0 {
		out = append(out, quiet("No communication needs recorded."))
	}
	return section("Communication needs", out...)
}

func carersSection(carers []careplan.Carer) fyne.CanvasObject {
	if len(carers) == 0 {
		return section("Carers", quiet("No carers recorded."))
	}
	var f facts
	for _, c := range carers {
		var about []string
		if c.Relationship != "" {
			about = append(about, c.Relationship)
		}
		if c.Phone != "" {
			about = append(about, c.Phone)
		}
		f.add(c.Name, orNotRecorded(strings.Join(about, " · ")))
	}
	return section("Carers", f.grid())
}

func conditionsSection(codes []string) fyne.CanvasObject {
	if len(codes) == 0 {
		return section("Long-term conditions", quiet("No long-term conditions recorded."))
	}
	var out []fyne.CanvasObject
	for _, c := range codes {
		out = append(out, para("• "+careplan.ConditionTerm(c)))
	}
	return section(fmt.Sprintf("Long-term conditions (%d)", len(codes)), out...)
}

func nominationSection(n careplan.Nomination) fyne.CanvasObject {
	var f facts
	f.add("Nominated on", n.On.Display())
	practice := orNotRecorded(n.Practice.Name)
	if n.Practice.ODSCode != "" {
		practice += " (" + n.Practice.ODSCode + ")"
	}
	f.add("By practice", practice)
	f.add("Clinician", orNotRecorded(n.Clinician))
	f.add("Reason", orNotRecorded(n.Reason))
	if n.Judgement != nil {
		f.add("Clinical judgement", fmt.Sprintf("%s (decided by %s)", n.Judgement.Reason, orNotRecorded(n.Judgement.By)))
	}
	return section("Nomination", f.grid())
}

// consentSection shows the latest decision for each consent the hub records; only the latest
// counts, so a withdrawal shows at once.
func consentSection(history []careplan.ConsentRecord) fyne.CanvasObject {
	var f facts
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
			f.add(sc.what, "Not recorded").TextStyle.Italic = true
			continue
		}
		v := f.add(sc.what, consentWords(rec))
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
	v := f.add("The plan is shared with", shared)
	v.TextStyle.Bold = true
	if len(sharing.NotSharedWith) > 0 {
		ns := f.add("Not shared with", strings.Join(sharing.NotSharedWith, "; "))
		ns.TextStyle.Bold = true
		ns.Importance = widget.WarningImportance
	}
	return section("Consent", f.grid())
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
	now := para("Now: " + p.Status.Label())
	if died, ok := p.DateOfDeath(); ok { // the date of death, not the day the hub was told
		now.SetText(now.Text + " · date of death " + died.Display())
	}
	now.TextStyle.Bold = true
	if len(p.History) == 0 {
		return section("Status", now, quiet("No status changes recorded."))
	}
	rows := make([][]*widget.Label, len(p.History))
	for i, h := range p.History {
		move := h.To.Label()
		if h.From != "" {
			move = h.From.Label() + " → " + h.To.Label()
		}
		rows[i] = []*widget.Label{para(h.On.Display()), para(move), para(orNotRecorded(h.By)), para(h.Reason)}
	}
	return section("Status", now,
		table([]float32{1.2, 2, 1.5, 3}, []string{"Date", "Change", "By", "Reason"}, rows))
}

func teamSection(t careplan.CareTeam) fyne.CanvasObject {
	var f facts
	f.add("Key worker", orNotRecorded(t.KeyWorker))
	f.add("Care coordinator", orNotRecorded(t.Coordinator))
	return section("Care team", f.grid())
}
