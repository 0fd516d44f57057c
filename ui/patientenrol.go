package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan"
)

// enrolDialogs are the enrolment bar's buttons and the dialogs last opened from them over a
// patient's summary.
type enrolDialogs struct {
	consentButton, statusButton, teamButton, contactsButton, detailsButton *widget.Button

	details  *detailsDialog
	consent  *consentDialog
	status   *statusDialog
	team     *teamDialog
	contacts *contactsDialog
}

// showEnrolment fills the bar under the identity banner with the enrolment actions, when the
// app offers them: consent, status, care team and the contacts log.
func (s *patientScreen) showEnrolment(p careplan.Patient) {
	if s.enrol == nil {
		return
	}
	if s.enrolDlg == nil {
		s.enrolDlg = &enrolDialogs{}
	}
	consent := widget.NewButtonWithIcon("Consent…", theme.ConfirmIcon(), s.onConsent)
	status := widget.NewButtonWithIcon("Change status…", theme.MediaSkipNextIcon(), s.onStatus)
	team := widget.NewButtonWithIcon("Care team…", theme.AccountIcon(), s.onTeam)
	contacts := widget.NewButtonWithIcon("Contacts log…", theme.HistoryIcon(), s.onContacts)
	details := widget.NewButtonWithIcon("Edit details…", theme.DocumentCreateIcon(), s.onDetails)
	if len(careplan.NextStatuses(p.Status)) == 0 {
		status.Disable() // died is final
	}
	d := s.enrolDlg
	d.consentButton, d.statusButton, d.teamButton, d.contactsButton, d.detailsButton = consent, status, team, contacts, details
	s.enrolBar.Objects = []fyne.CanvasObject{consent, status, team, contacts, details}
	s.enrolOn = true
	s.enrolBar.Hidden = s.folded
	s.enrolBar.Refresh()
}

// enrolSaved reloads the summary after a change, so it shows the record as saved.
func (s *patientScreen) enrolSaved(p careplan.Patient) {
	if s.enrol.onChanged != nil {
		s.enrol.onChanged()
	}
	s.load(p.ID)
}

func (s *patientScreen) onConsent() {
	s.enrolDlg.consent = newConsentDialog(s.enrol, s.work, s.today, s.rec.patient, s.enrolSaved)
	s.enrolDlg.consent.form.Open(nil)
}

func (s *patientScreen) onStatus() {
	s.enrolDlg.status = newStatusDialog(s.enrol, s.work, s.today, s.rec.patient, s.enrolSaved)
	s.enrolDlg.status.form.Open(nil)
}

func (s *patientScreen) onTeam() {
	s.enrolDlg.team = newTeamDialog(s.enrol, s.work, s.rec.patient, s.enrolSaved)
	s.enrolDlg.team.open()
}

func (s *patientScreen) onContacts() {
	s.enrolDlg.contacts = newContactsDialog(s.enrol, s.work, s.today, s.rec.patient, s.enrolSaved)
	s.enrolDlg.contacts.open()
}

func (s *patientScreen) onDetails() {
	s.enrolDlg.details = newDetailsDialog(s.enrol, s.work, s.rec.patient, s.enrolSaved)
	s.enrolDlg.details.form.Open(nil)
}
