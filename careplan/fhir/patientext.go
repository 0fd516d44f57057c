package fhir

import (
	"strings"

	"carehub/careplan"
)

// Identifiers returns the Patient's identifiers: the NHS number, and carehub's own id.
func (r *PatientResource) Identifiers() []Identifier { return r.Identifier }

// humanLanguages are the UK Core HumanLanguage codes of the languages interpreters are most
// often booked for on the hub. A language not here is sent as words only, never a guessed code.
var humanLanguages = map[string]Code{
	"arabic":                {systemHumanLang, "ar", "Arabic"},
	"bengali":               {systemHumanLang, "bn", "Bengali"},
	"british sign language": {systemHumanLang, "q4", "British Sign Language"},
	"bulgarian":             {systemHumanLang, "bg", "Bulgarian"},
	"french":                {systemHumanLang, "fr", "French"},
	"german":                {systemHumanLang, "de", "German"},
	"gujarati":              {systemHumanLang, "gu", "Gujarati"},
	"italian":               {systemHumanLang, "it", "Italian"},
	"lithuanian":            {systemHumanLang, "lt", "Lithuanian"},
	"panjabi":               {systemHumanLang, "pa", "Panjabi"},
	"punjabi":               {systemHumanLang, "pa", "Panjabi"},
	"polish":                {systemHumanLang, "pl", "Polish"},
	"portuguese":            {systemHumanLang, "pt", "Portuguese"},
	"romanian":              {systemHumanLang, "ro", "Romanian"},
	"russian":               {systemHumanLang, "ru", "Russian"},
	"somali":                {systemHumanLang, "so", "Somali"},
	"spanish":               {systemHumanLang, "es", "Spanish"},
	"turkish":               {systemHumanLang, "tr", "Turkish"},
	"urdu":                  {systemHumanLang, "ur", "Urdu"},
	"welsh":                 {systemHumanLang, "cy", "Welsh"},
}

// communication is the interpreter need as UK Core's NHSCommunication extension: the language,
// coded where carehub knows the code, and interpreterRequired true (carehub records a language
// only when an interpreter is needed).
func communication(needs careplan.CommunicationNeeds) []Extension {
	lang := strings.TrimSpace(needs.Interpreter)
	if lang == "" {
		return nil
	}
	cc := concept(humanLanguages[strings.ToLower(lang)], lang)
	return []Extension{{URL: ExtensionNHSCommunication, Extension: []Extension{
		{URL: communicationLanguageExtURL, ValueCodeableConcept: &cc},
		{URL: interpreterRequiredExtURL, ValueBoolean: boolp(true)},
	}}}
}

// nhsNumberStatus is the NHS number verification status carehub can honestly give: "present
// but not traced". carehub checks the Modulus 11 check digit when a number is saved, which
// catches typing slips but is not a trace against the Personal Demographics Service, so it
// never claims "present and verified".
func nhsNumberStatus() []Extension {
	cc := coded(systemNHSVerified, nhsNumberNotTraced, nhsNumberNotTracedDisplay)
	return []Extension{{URL: ExtensionNHSNumberVerified, ValueCodeableConcept: &cc}}
}

// isMobile reports whether a UK phone number is a mobile: 07 nationally, +44 7 or 0044 7
// internationally (ignoring spaces, dashes and brackets).
func isMobile(phone string) bool {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '+' {
			return r
		}
		return -1
	}, phone)
	for _, prefix := range []string{"07", "+447", "00447"} {
		if strings.HasPrefix(digits, prefix) {
			return true
		}
	}
	return false
}
