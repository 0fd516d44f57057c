package ui

import "carehub/careplan/access"

// enrolScreens are the enrolment screens a session last opened, kept so tests can drive them.
type enrolScreens struct {
	nomination *nominationScreen
	dashboard  *dashboardScreen
	staff      *staffScreen
	services   *servicesScreen
}

// enrolTools gathers what the enrolment screens need.
func (s *session) enrolTools() *enrolTools {
	return &enrolTools{enrol: s.svc.Enrolment, w: s.w, onChanged: s.caseloadChanged, me: s.recorder(),
		correctsNHS: s.user.CorrectsNHSNumbers(), myStaffID: s.user.StaffID}
}

// recorder is the name every "recorded by" and "by" field starts with: the signed-in person's,
// so nobody retypes, or mistypes, their own name. The shared hub passphrase names nobody, so
// its forms start empty.
func (s *session) recorder() string {
	if s.user.Role == access.SharedHub {
		return ""
	}
	return s.user.Name
}

// addEnrolment puts the work queues, filters and enrolment buttons on the caseload screen.
func (s *session) addEnrolment() {
	q := addQueues(s.caseload, s.cfg.Today, s.openNomination, s.openDashboard, s.openStaff, s.openServices)
	// The services refuse what a role cannot do; hiding the buttons keeps the screen honest.
	if !s.user.Nominates() {
		q.nominate.Hide()
	}
	if !s.user.EditsHubClinical() {
		q.staff.Hide()
		if q.services != nil {
			q.services.Hide()
		}
	}
	if s.user.Has(access.KeyWorker) {
		q.startOnMine(s.svc.Records.MyCaseload())
	}
}

// caseloadChanged reloads the caseload after a person's record changed, so the list, the
// queues and the duplicate checks see the change. It runs in the worker, out of sight.
func (s *session) caseloadChanged() {
	if s.caseload != nil {
		s.caseload.load()
	}
}

// openNomination shows the nomination form, checking for duplicates against the caseload.
func (s *session) openNomination() {
	n := newNominationScreen(s.enrolTools(), s.work, s.cfg.Today(), s.caseload.index, s.openPatient, s.showCaseload)
	s.enrolled.nomination = n
	s.w.SetTitle("carehub — nominate a patient")
	s.w.SetContent(n.root)
	s.w.Canvas().Focus(n.practice)
}

// openDashboard shows the enrolment funnel for the whole hub.
func (s *session) openDashboard() {
	d := newDashboardScreen(s.enrolTools(), s.work, s.cfg.Today(), s.caseload.index, s.showCaseload)
	s.enrolled.dashboard = d
	s.w.SetTitle("carehub — hub dashboard")
	s.w.SetContent(d.root)
	d.load()
}

// openStaff shows the staff list for editing.
func (s *session) openStaff() {
	st := newStaffScreen(s.enrolTools(), s.work, s.showCaseload)
	s.enrolled.staff = st
	s.w.SetTitle("carehub — staff")
	s.w.SetContent(st.page.Root)
	st.page.Load()
}

// openServices shows the hub's directory of community services for editing.
func (s *session) openServices() {
	sc := newServicesScreen(s.svc.Plans, s.work, s.showCaseload)
	s.enrolled.services = sc
	s.w.SetTitle("carehub — community services")
	s.w.SetContent(sc.page.Root)
	sc.page.Load()
}
