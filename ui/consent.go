package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
	"carehub/ui/kit"
)

// consentScopes are the consents the dialog records, in the order offered, with their words.
func consentScopes() []struct {
	scope careplan.ConsentScope
	what  string
} {
	return []struct {
		scope careplan.ConsentScope
		what  string
	}{
		{careplan.ConsentToJoin, "To join the hub"},
		{careplan.ConsentToShareCarers, "To share the plan with carers"},
		{careplan.ConsentToShareProfessionals, "To share the plan with professionals"},
	}
}

// consentDecisions are the decisions offered, with their words.
func consentDecisions() []careplan.ConsentDecision {
	return []careplan.ConsentDecision{careplan.ConsentGiven, careplan.ConsentRefused, careplan.ConsentWithdrawn}
}

// partyRow is one person a share consent covers: name, role and organisation.
type partyRow struct {
	name, role, org *kit.Entry
}

// consentDialog records one consent decision. Consent to share names everyone it covers, each
// with role and organisation; a withdrawal takes effect as soon as it is saved. Nothing is ever
// removed: the history keeps every decision.
type consentDialog struct {
	tools   *enrolTools
	today   careplan.Date
	patient careplan.Patient
	onSaved func(careplan.Patient)
	form    *kit.Form

	scope           *widget.Select
	scopeProblem    *widget.Label
	decision        *widget.Select
	decisionProblem *widget.Label
	on              *kit.Entry
	onProblem       *widget.Label
	how             *kit.Entry
	by              *kit.Entry
	byProblem       *widget.Label
	parties         []partyRow
	partyList       *fyne.Container
	partiesProblem  *widget.Label
	partyBlock      *fyne.Container // shown for a share consent that is given
	addParty        *widget.Button
	move            *widget.Check // the status change the decision calls for, in the same save
	moveTo          careplan.Status
}

func newConsentDialog(tools *enrolTools, work worker, today careplan.Date, p careplan.Patient, onSaved func(careplan.Patient)) *consentDialog {
	d := &consentDialog{tools: tools, today: today, patient: p, onSaved: onSaved}
	d.form = kit.NewForm(tools.w, kit.WorkerFunc(work.run), kit.FormSpec{Title: whoseTitle("Consent", p),
		Save: "Save decision", Failed: "The decision could not be saved"}, d.onSave)
	var scopes []string
	for _, sc := range consentScopes() {
		scopes = append(scopes, sc.what)
	}
	d.scope = kit.NewSelect(scopes, "Choose what the consent is for", d.onChoice)
	d.scopeProblem = d.form.NewProblemLabel()
	var decisions []string
	for _, dec := range consentDecisions() {
		decisions = append(decisions, decisionWords(dec))
	}
	d.decision = kit.NewSelect(decisions, "Choose what the person decided", d.onChoice)
	d.decisionProblem = d.form.NewProblemLabel()
	d.on = kit.DateEntry(today)
	d.onProblem = d.form.NewProblemLabel()
	d.how = kit.NewEntry("e.g. verbal, written, by phone")
	d.by = kit.NewEntry("Your name")
	d.by.SetText(tools.me)
	d.byProblem = d.form.NewProblemLabel()
	d.partyList = container.NewVBox()
	d.partiesProblem = d.form.NewProblemLabel()
	d.addParty = widget.NewButtonWithIcon("Add another person", theme.ContentAddIcon(), d.onAddParty)
	d.onAddParty()
	d.partyBlock = container.NewVBox(
		kit.Quiet("Name everyone the plan may be shared with, with their role and organisation."),
		d.partyList, container.NewHBox(d.addParty), d.partiesProblem)
	d.partyBlock.Hide()
	d.move = widget.NewCheck("", nil)
	d.move.Hide()
	d.form.SetContent(
		kit.Grid(
			kit.Field{Name: "Consent", Widget: d.scope, Problem: d.scopeProblem},
			kit.Field{Name: "Decision", Widget: d.decision, Problem: d.decisionProblem},
			kit.Field{Name: "Date", Widget: d.on, Problem: d.onProblem},
			kit.Field{Name: "How given", Widget: d.how},
			kit.Field{Name: "Recorded by", Widget: d.by, Problem: d.byProblem}),
		d.partyBlock, d.move)
	return d
}

// decisionWords is a decision as offered: "Given", "Refused", "Withdrawn".
func decisionWords(d careplan.ConsentDecision) string {
	s := string(d)
	return strings.ToUpper(s[:1]) + s[1:]
}

func (d *consentDialog) onAddParty() {
	r := partyRow{name: kit.NewTextEntry(), role: kit.NewTextEntry(), org: kit.NewTextEntry()}
	r.name.SetPlaceHolder("Name")
	r.role.SetPlaceHolder("Role, e.g. daughter, GP")
	r.org.SetPlaceHolder("Organisation, e.g. family")
	d.parties = append(d.parties, r)
	d.partyList.Add(container.NewGridWithColumns(3, r.name, r.role, r.org))
	d.form.Relayout()
}

// onChoice shows the people a share consent covers, and only when one is being given.
func (d *consentDialog) onChoice(string) {
	if d.partyBlock == nil {
		return
	}
	sc, dec := d.chosen()
	d.partyBlock.Hidden = sc == careplan.ConsentToJoin || sc == "" || dec != careplan.ConsentGiven
	d.partyBlock.Refresh()
	d.offerMove(careplan.StatusMoveForConsent(d.patient.Status, careplan.ConsentRecord{Scope: sc, Decision: dec}))
	d.form.Relayout()
}

// offerMove offers, ticked, the status change a consent to join decision calls for, so consent
// and status are recorded together: consent given moves a contacted person to consented, a
// refusal to declined, and a withdrawal closes the record as withdrew.
func (d *consentDialog) offerMove(to careplan.Status, ok bool) {
	if d.move == nil {
		return
	}
	d.moveTo = to
	if !ok {
		d.move.Hide()
		return
	}
	text := "Also change their status from " + d.patient.Status.Label() + " to " + to.Label()
	if to == careplan.StatusWithdrew {
		text = "Also close their record: status Withdrew (they no longer want the hub's support)"
	}
	d.move.Text = text
	d.move.SetChecked(true)
	d.move.Show()
	d.move.Refresh()
}

func (d *consentDialog) chosen() (careplan.ConsentScope, careplan.ConsentDecision) {
	var sc careplan.ConsentScope
	var dec careplan.ConsentDecision
	if i := d.scope.SelectedIndex(); i >= 0 {
		sc = consentScopes()[i].scope
	}
	if i := d.decision.SelectedIndex(); i >= 0 {
		dec = consentDecisions()[i]
	}
	return sc, dec
}

// read builds the decision, with each problem next to its field. The rules are careplan's
// (ValidateConsent); the dialog says them in words.
func (d *consentDialog) read() (careplan.ConsentRecord, bool) {
	sc, dec := d.chosen()
	c := careplan.ConsentRecord{Scope: sc, Decision: dec, How: strings.TrimSpace(d.how.Text), RecordedBy: strings.TrimSpace(d.by.Text)}
	problems := kit.Problems{}
	c.On = problems.ReadDate(d.on.Text, "date of the decision", d.onProblem)
	if sc != careplan.ConsentToJoin && dec == careplan.ConsentGiven {
		for _, r := range d.parties {
			party := careplan.SharedWith{Name: strings.TrimSpace(r.name.Text), Role: strings.TrimSpace(r.role.Text), Organisation: strings.TrimSpace(r.org.Text)}
			if party != (careplan.SharedWith{}) {
				c.Parties = append(c.Parties, party)
			}
		}
	}
	err := careplan.ValidateConsent(d.patient.Consent, c, d.today)
	problems.When(err, careplan.ErrConsentScope, d.scopeProblem, "Choose what the consent is for.")
	problems.When(err, careplan.ErrNothingToWithdraw, d.decisionProblem, "This consent has not been given, so there is nothing to withdraw.")
	problems.When(err, careplan.ErrConsentDecision, d.decisionProblem, "Choose what the person decided.")
	problems.When(err, careplan.ErrConsentInFuture, d.onProblem, "The date cannot be in the future.")
	problems.When(err, careplan.ErrConsentRecordedBy, d.byProblem, "Say who is recording the decision.")
	problems.When(err, careplan.ErrConsentParties, d.partiesProblem, "Name at least one person, and give each their role and organisation.")
	return c, d.form.Show(problems)
}

// onSave records the decision in the worker; a withdrawal takes effect once it is saved.
func (d *consentDialog) onSave() {
	c, ok := d.read()
	if !ok {
		return
	}
	id, move := d.patient.ID, d.move.Visible() && d.move.Checked
	kit.SubmitResult(d.form, func() (careplan.Patient, error) { return d.tools.enrol.RecordConsentAndMove(id, c, move) }, d.onSaved)
}
