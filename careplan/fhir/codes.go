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
	systemHumanLang   = "https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage"
	systemNHSVerified = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland"
)

// UK Core extensions carehub fills.
const (
	ExtensionNHSCommunication   = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication"
	ExtensionNHSNumberVerified  = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus"
	nhsNumberNotTraced          = "02"
	nhsNumberNotTracedDisplay   = "Number present but not traced"
	interpreterRequiredExtURL   = "interpreterRequired"
	communicationLanguageExtURL = "language"
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

// Code is one concept in one code system, with its display term.
type Code struct {
	System, Code, Display string
}

// Codes are the concept codes that are not settled facts, and carehub's own URLs. They are
// data, so a hub that checks a code against the NHS terminology server can correct it without
// a code change. An empty code is left out and the concept is sent as text only.
// docs/fhir-mapping.md says where each was checked.
type Codes struct {
	PAMScore   string // SNOMED CT, UK extension: PAM-13 score (UNVERIFIED)
	PAMLevel   string // SNOMED CT, UK extension: PAM level observable entity (UNVERIFIED)
	CFS        string // SNOMED CT: Clinical Frailty Scale score
	Loneliness Code   // the UCLA three-item loneliness scale (LOINC panel)
	Isolated   Code   // its third item, "how often do you feel isolated from others" (LOINC)
	Wellbeing  Code   // ONS4 personal wellbeing: no LOINC or SNOMED CT code found, carehub's own

	// ExtensionBase is where carehub's own extensions (review date, importance, confidence)
	// are defined. It is not a published StructureDefinition; receivers read the values by URL.
	ExtensionBase string
	// CodeSystemBase is where carehub's own code systems are named: concepts no national code
	// system has (a PAM-10 score, ONS4, which consent a Consent is).
	CodeSystemBase string
	// IdentifierSystem names carehub's own record ids as business identifiers, so a server
	// finds a resource carehub sent before (conditional updates, searches) whatever id it gave.
	IdentifierSystem string
}

// DefaultCodes returns the codes from shared/domain.md and those checked for issue 20.
func DefaultCodes() Codes {
	return Codes{
		PAMScore:         "925431000000109", // UNVERIFIED (domain.md)
		PAMLevel:         "962851000000103", // UNVERIFIED (domain.md)
		CFS:              "763264000",
		Loneliness:       Code{SystemLOINC, "106418-7", "Three-Item Loneliness scale [Three-Item Loneliness Scale]"},
		Isolated:         Code{SystemLOINC, "66867-3", "How often do you feel isolated from others"},
		Wellbeing:        Code{carehubCodeSystem, "ons4-personal-wellbeing", "ONS4 personal wellbeing (four questions)"},
		ExtensionBase:    "https://carehub.example/fhir/StructureDefinition/",
		CodeSystemBase:   "https://carehub.example/fhir/CodeSystem/",
		IdentifierSystem: "https://carehub.example/fhir/Id/record",
	}
}

// carehubCodeSystem is the default CodeSystemBase's code system for measures, for Codes
// defaults that must be constants.
const carehubCodeSystem = "https://carehub.example/fhir/CodeSystem/measure"

// snomed returns a CodeableConcept with a SNOMED CT coding when code is set, and the words
// always, so a receiver that cannot resolve the code still reads what was meant.
func snomed(code, text string) CodeableConcept {
	cc := CodeableConcept{Text: text}
	if code != "" {
		cc.Coding = []Coding{{System: SystemSNOMED, Code: code}}
	}
	return cc
}

// concept is c as a CodeableConcept with text, or the text alone when c has no code.
func concept(c Code, text string) CodeableConcept {
	cc := CodeableConcept{Text: text}
	if c.Code != "" && c.System != "" {
		cc.Coding = []Coding{{System: c.System, Code: c.Code, Display: c.Display}}
	}
	return cc
}

// coded is a one-coding CodeableConcept with its display as text.
func coded(system, code, display string) CodeableConcept {
	return CodeableConcept{Coding: []Coding{{System: system, Code: code, Display: display}}, Text: display}
}
