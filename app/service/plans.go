package service

import (
	"carehub/careplan"
	"carehub/careplan/demo"
	"carehub/careplan/myplan"
	"carehub/pam"
	"carehub/store"
)

// Plans gives the desktop's Care plan tab the person's plan versions, the templates and
// the services directory, and agrees versions with the person's latest PAM level from the
// store, so the screens need neither a clock nor the PAM rules.
type Plans struct{ base }

// Plans returns every version of a person's plan, oldest first.
func (p *Plans) Plans(patientID string) ([]careplan.Plan, error) {
	st, err := p.store()
	if err != nil {
		return nil, err
	}
	if err := readAudited(st, store.KindPlan, patientID, "plans read"); err != nil {
		return nil, err
	}
	return st.Plans(patientID)
}

// SavePlan saves a draft; the store refuses to overwrite an agreed version.
func (p *Plans) SavePlan(plan *careplan.Plan) error {
	st, err := p.store()
	if err != nil {
		return err
	}
	if err := mayEditPatient(st, plan.PatientID); err != nil {
		return err
	}
	return st.SavePlan(plan)
}

// AgreePlan locks the draft as agreed by whom on the day given, with the person's own latest
// PAM level (0 when none counts; never a Carer PAM), and saves it. The plan must meet the
// agreement rules (careplan.ReadyToAgree) on today's date. On failure plan is left as it was.
func (p *Plans) AgreePlan(plan *careplan.Plan, by string, on careplan.Date) error {
	st, err := p.store()
	if err != nil {
		return err
	}
	if err := mayEditPatient(st, plan.PatientID); err != nil {
		return err
	}
	at := p.now()
	today := careplan.DateOf(at)
	if err := careplan.ReadyToAgree(*plan, on, today); err != nil {
		return err
	}
	assessments, err := st.Assessments(plan.PatientID)
	if err != nil {
		return err
	}
	level := 0
	if latest, ok := pam.Latest(assessments); ok {
		level = int(latest.Level)
	}
	if today != on {
		at = on.Time() // agreed on an earlier day, recorded now
	}
	agreed := plan.Clone()
	if err := agreed.Agree(by, at, today, level); err != nil {
		return err
	}
	if err := st.SavePlan(&agreed); err != nil {
		return err
	}
	*plan = agreed
	return nil
}

// Templates returns carehub's built-in templates, then the hub's own.
func (p *Plans) Templates() ([]careplan.Template, error) {
	st, err := p.store()
	if err != nil {
		return nil, err
	}
	own, err := st.Templates()
	if err != nil {
		return nil, err
	}
	return append(careplan.BuiltInTemplates(), own...), nil
}

// SaveTemplate saves a plan's structure as one of the hub's templates.
func (p *Plans) SaveTemplate(t *careplan.Template) error {
	st, err := p.store()
	if err != nil {
		return err
	}
	if err := mayEditHub(st); err != nil {
		return err
	}
	return st.SaveTemplate(t)
}

// Services returns the hub's directory of community services.
func (p *Plans) Services() ([]careplan.Service, error) {
	st, err := p.store()
	if err != nil {
		return nil, err
	}
	return st.Services()
}

// SaveService adds a service to the hub's directory, or updates one (with an id), as when
// it is edited or withdrawn.
func (p *Plans) SaveService(svc *careplan.Service) error {
	st, err := p.store()
	if err != nil {
		return err
	}
	if err := mayEditHub(st); err != nil {
		return err
	}
	return st.SaveService(svc)
}

// loadDemoServices fills the demo hub's directory of community services, so the plan editor
// has services to signpost to.
func loadDemoServices(st *store.Store) error {
	for _, svc := range demo.Services() {
		if err := st.SaveService(&svc); err != nil {
			return err
		}
	}
	return nil
}

// CheckIns returns the goal check-ins that have come in from the person's tablet, oldest
// first, to whoever may open their record. The store does not audit this read: the summary
// shows check-ins only after reading the person's record, which is audited as a view, as
// their plans and PAMs are read without an entry of their own.
func (p *Plans) CheckIns(patientID string) ([]myplan.CheckIn, error) {
	st, err := p.store()
	if err != nil {
		return nil, err
	}
	if err := readAudited(st, "", patientID, "goal check-ins read"); err != nil {
		return nil, err
	}
	return st.CheckIns(patientID)
}
