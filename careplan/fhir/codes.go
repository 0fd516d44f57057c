package fhir

// Code systems and identifier systems. These are published, stable URLs.
const (
	SystemNHSNumber   = "https://fhir.nhs.uk/Id/nhs-number"
	SystemODS         = "https://fhir.nhs.uk/Id/ods-organization-code"
	SystemSNOMED      = "http://snomed.info/sct"
	SystemUCUM        = "http://unitsofmeasure.org"
	SystemLOINC       = "http://loinc.org"
	systemClinical    = "http://terminology.hl7.org/CodeSystem/condition-clinical"
	systemVerified    = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
	systemCondCat     = "http://terminology.hl7.org/CodeSystem/condition-category"
	systemObsCat      = "http://terminology.hl7.org/CodeSystem/observation-category"
	systemActCode     = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	systemConsentScp  = "http://terminology.hl7.org/CodeSystem/consentscope"
	systemParticipant = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
	systemAchievement = "http://terminology.hl7.org/CodeSystem/goal-achievement"
)

// UK Core profile URLs. Goal has none: UK Core profiles no Goal, so base R4 Goal is used.
// CarePlan and CareTeam are draft profiles in UK Core.
const (
	profileBase        = "https://fhir.hl7.org.uk/StructureDefinition/"
	ProfilePatient     = profileBase + "UKCore-Patient"
	ProfileCondition   = profileBase + "UKCore-Condition"
	ProfileCarePlan    = profileBase + "UKCore-CarePlan"
	ProfileCareTeam    = profileBase + "UKCore-CareTeam"
	ProfileConsent     = profileBase + "UKCore-Consent"
	ProfileObservation = profileBase + "UKCore-Observation"
	ProfileEncounter   = profileBase + "UKCore-Encounter"
)

// Codes are the concept codes that are not settled facts: shared/domain.md marks the PAM
// codes UNVERIFIED, and the extension URLs are carehub's own. They are data, so a hub that
// checks them against the NHS terminology server can correct them without a code change.
// An empty code is left out and the concept is sent as text only.
type Codes struct {
	PAMScore   string // SNOMED CT, UK extension: PAM-13 score (UNVERIFIED)
	PAMLevel   string // SNOMED CT, UK extension: PAM level observable entity (UNVERIFIED)
	CFS        string // SNOMED CT: Clinical Frailty Scale score
	Loneliness string // no verified code for the UCLA 3-item total: empty, text only
	Wellbeing  string // no verified code for ONS4: empty, text only

	// ExtensionBase is where carehub's own extensions (review date, importance, confidence)
	// are defined. It is not a published StructureDefinition; receivers read the values by URL.
	ExtensionBase string
}

// DefaultCodes returns the codes from shared/domain.md.
func DefaultCodes() Codes {
	return Codes{
		PAMScore:      "925431000000109", // UNVERIFIED (domain.md)
		PAMLevel:      "962851000000103", // UNVERIFIED (domain.md)
		CFS:           "763264000",
		ExtensionBase: "https://carehub.example/fhir/StructureDefinition/",
	}
}

// snomed returns a CodeableConcept with a SNOMED CT coding when code is set, and the words
// always, so a receiver that cannot resolve the code still reads what was meant.
func snomed(code, text string) CodeableConcept {
	cc := CodeableConcept{Text: text}
	if code != "" {
		cc.Coding = []Coding{{System: SystemSNOMED, Code: code}}
	}
	return cc
}

// coded is a one-coding CodeableConcept with its display as text.
func coded(system, code, display string) CodeableConcept {
	return CodeableConcept{Coding: []Coding{{System: system, Code: code, Display: display}}, Text: display}
}
