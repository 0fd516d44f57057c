package fhir

import (
	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// ObservationResource is FHIR Observation (UK Core): a PAM result or an outcome measure.
type ObservationResource struct {
	Base
	Status            string            `json:"status"`
	Category          []CodeableConcept `json:"category"`
	Code              CodeableConcept   `json:"code"`
	Subject           *Reference        `json:"subject"`
	EffectiveDateTime string            `json:"effectiveDateTime,omitempty"`
	Performer         []Reference       `json:"performer,omitempty"`
	ValueQuantity     *Quantity         `json:"valueQuantity,omitempty"`
	ValueInteger      *int              `json:"valueInteger,omitempty"`
	Method            *CodeableConcept  `json:"method,omitempty"`
	Note              []Annotation      `json:"note,omitempty"`
	Component         []Component       `json:"component,omitempty"`
}

// Component is one part of a multi-part result: the PAM level, one UCLA or ONS4 answer.
type Component struct {
	Code         CodeableConcept  `json:"code"`
	ValueInteger *int             `json:"valueInteger,omitempty"`
	ValueConcept *CodeableConcept `json:"valueCodeableConcept,omitempty"`
}

// observation starts an Observation for a measure taken on a day. A record marked entered in
// error is still sent, with status entered-in-error and the reason as a note, so a receiver
// that took it from an earlier export withdraws it; its values stay as they were recorded.
func observation(patientID, id string, on careplan.Date, by string, inError string) *ObservationResource {
	r := &ObservationResource{
		Base:              base("Observation", recordID(patientID, "observation", id), ProfileObservation),
		Status:            "final",
		Category:          []CodeableConcept{coded(systemObsCat, "survey", "Survey")},
		Subject:           ref("Patient", patientID),
		EffectiveDateTime: on.String(),
	}
	if p := named(by); p != nil {
		r.Performer = []Reference{*p}
	}
	if inError != "" {
		r.Status = "entered-in-error"
		r.Note = []Annotation{{Text: "Entered in error: " + inError}}
	}
	return r
}

// MapPAM maps one PAM result: the score (0-100, one decimal) as the value and the level as
// reported as a component, in one Observation, so score and level cannot be separated. The
// codes are UNVERIFIED (Codes). A Carer PAM is about the carer, not the patient, and is not
// exported: ok is false.
func MapPAM(patientID string, a pam.Assessment, c Codes) (r *ObservationResource, ok bool) {
	if a.Instrument == pam.CarerPAM {
		return nil, false
	}
	r = observation(patientID, a.ID, a.TakenOn, a.RecordedBy, inErrorReason(a.InError != nil, reasonPAM(a)))
	r.Code = pamScoreCode(a.Instrument, c)
	r.ValueQuantity = &Quantity{Value: a.Score.Points(), Unit: "score", System: SystemUCUM, Code: "{score}"}
	r.Method = &CodeableConcept{Text: string(a.Instrument)}
	if a.Source != "" {
		r.Note = append(r.Note, Annotation{Text: "Source: " + a.Source})
	}
	r.Component = []Component{{
		Code:         snomed(c.PAMLevel, "Patient Activation Measure level"),
		ValueInteger: intp(int(a.Level)),
	}}
	return r, true
}

// pamScoreCode is the concept of a PAM score. The SNOMED CT concept carehub has is a PAM-13
// score, so only a PAM-13 result carries it; a PAM-10 result gets carehub's own code (no
// national code for a PAM-10 score was found), never the PAM-13 concept.
func pamScoreCode(in pam.Instrument, c Codes) CodeableConcept {
	if in == pam.PAM10 {
		return concept(Code{c.CodeSystemBase + "measure", "pam-10-score", "Patient Activation Measure (PAM-10) score"},
			"Patient Activation Measure (PAM-10) score")
	}
	return snomed(c.PAMScore, "Patient Activation Measure (PAM-13) score")
}

func reasonPAM(a pam.Assessment) string {
	if a.InError == nil {
		return ""
	}
	return a.InError.Reason
}

// inErrorReason keeps a blank reason from hiding the mark.
func inErrorReason(marked bool, reason string) string {
	if !marked {
		return ""
	}
	if reason == "" {
		return "no reason given"
	}
	return reason
}

// MapOutcome maps one outcome record: frailty as the CFS score (SNOMED CT 763264000);
// loneliness as the UCLA 3-item total with each answer and the ONS direct question as
// components; wellbeing as the four ONS4 answers as components and no total (ONS reports
// them separately). ok is false for a record that holds no measure.
func MapOutcome(patientID string, o outcomes.Record, c Codes) (*ObservationResource, bool) {
	reason := ""
	if o.InError != nil {
		reason = inErrorReason(true, o.InError.Reason)
	}
	r := observation(patientID, o.ID, o.TakenOn, o.RecordedBy, reason)
	switch {
	case o.Frailty != nil:
		r.Code = snomed(c.CFS, "Clinical Frailty Scale score")
		r.ValueInteger = intp(o.Frailty.Score)
	case o.Loneliness != nil:
		l := o.Loneliness
		r.Code = concept(c.Loneliness, "Loneliness, UCLA 3-item scale total (3-9)")
		r.ValueInteger = intp(l.Total())
		r.Component = []Component{
			answer("UCLA: how often do you feel that you lack companionship?", l.LackCompanionship),
			answer("UCLA: how often do you feel left out?", l.LeftOut),
			{Code: concept(c.Isolated, "UCLA: how often do you feel isolated from others?"), ValueInteger: intp(l.Isolated)},
		}
		if l.HowOften != "" {
			r.Component = append(r.Component, Component{
				Code:         CodeableConcept{Text: "ONS: how often do you feel lonely?"},
				ValueConcept: &CodeableConcept{Text: l.HowOften.Label()},
			})
		}
	case o.Wellbeing != nil:
		w := o.Wellbeing
		r.Code = concept(c.Wellbeing, "ONS4 personal wellbeing")
		r.Component = []Component{
			answer("ONS4: life satisfaction (0-10)", w.LifeSatisfaction),
			answer("ONS4: things done in life are worthwhile (0-10)", w.Worthwhile),
			answer("ONS4: happiness yesterday (0-10)", w.Happy),
			answer("ONS4: anxiety yesterday (0-10)", w.Anxious),
		}
	default:
		return nil, false
	}
	return r, true
}

func answer(question string, value int) Component {
	return Component{Code: CodeableConcept{Text: question}, ValueInteger: intp(value)}
}
