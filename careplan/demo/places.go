package demo

import "carehub/careplan"

// town is a Somerset town with its postcode districts, its GP practices, and the hub and social
// prescribing service that cover it.
type town struct {
	name      string
	districts []string // outward codes, e.g. "TA1"
	practices []careplan.Practice
	hub       string
	connector string // the local social prescribing / community connect service
}

// towns lists where synthetic people live. Practice names and ODS codes are SYNTHETIC: shaped
// like Somerset codes (L85 + 3 digits) but invented, and must not be read as real practices.
func towns() []town {
	const (
		south   = "South Somerset Symphony Hub"
		taunton = "Taunton Deane Hub"
		mendip  = "Mendip Hub"
	)
	return []town{
		{"Taunton", []string{"TA1", "TA2", "TA3"}, []careplan.Practice{
			{Name: "Tonedale Vale Surgery", ODSCode: "L85901"},
			{Name: "Quantock View Medical Centre", ODSCode: "L85902"},
			{Name: "Blackbrook Park Practice", ODSCode: "L85903"},
		}, taunton, "Somerset Community Connect (Taunton)"},
		{"Wellington", []string{"TA21"}, []careplan.Practice{
			{Name: "Wellington Monument Surgery", ODSCode: "L85911"},
		}, taunton, "Somerset Community Connect (Taunton)"},
		{"Bridgwater", []string{"TA5", "TA6", "TA7"}, []careplan.Practice{
			{Name: "Parrett Bank Surgery", ODSCode: "L85921"},
			{Name: "Blake Quay Medical Practice", ODSCode: "L85922"},
		}, taunton, "Somerset Community Connect (Sedgemoor)"},
		{"Yeovil", []string{"BA20", "BA21", "BA22"}, []careplan.Practice{
			{Name: "Hendford Hill Surgery", ODSCode: "L85931"},
			{Name: "Ninesprings Health Centre", ODSCode: "L85932"},
			{Name: "Westland Road Practice", ODSCode: "L85933"},
		}, south, "Somerset Community Connect (South Somerset)"},
		{"Chard", []string{"TA20"}, []careplan.Practice{
			{Name: "Snowdon Hill Surgery", ODSCode: "L85941"},
		}, south, "Somerset Community Connect (South Somerset)"},
		{"Crewkerne", []string{"TA18"}, []careplan.Practice{
			{Name: "Abbey Street Surgery", ODSCode: "L85951"},
		}, south, "Somerset Community Connect (South Somerset)"},
		{"Frome", []string{"BA11"}, []careplan.Practice{
			{Name: "Cheap Street Medical Practice", ODSCode: "L85961"},
			{Name: "Selwood Surgery", ODSCode: "L85962"},
		}, mendip, "Health Connections Mendip"},
		{"Wells", []string{"BA5"}, []careplan.Practice{
			{Name: "Bishop's Palace Surgery", ODSCode: "L85971"},
		}, mendip, "Health Connections Mendip"},
		{"Shepton Mallet", []string{"BA4"}, []careplan.Practice{
			{Name: "Collett Park Surgery", ODSCode: "L85981"},
		}, mendip, "Health Connections Mendip"},
		{"Glastonbury", []string{"BA6"}, []careplan.Practice{
			{Name: "Tor View Surgery", ODSCode: "L85991"},
		}, mendip, "Health Connections Mendip"},
		{"Street", []string{"BA16"}, []careplan.Practice{
			{Name: "Crispin Medical Centre", ODSCode: "L85992"},
		}, mendip, "Health Connections Mendip"},
	}
}

// streets are street names common across Somerset towns.
func streets() []string {
	return []string{
		"High Street", "Church Lane", "Station Road", "Priory Road", "Mill Lane", "Orchard Close",
		"Victoria Road", "The Paddock", "Queen Street", "Silver Street", "Fore Street",
		"Manor Road", "Cheddon Road", "Wessex Close", "Hawthorn Drive", "Quantock Road",
		"Mendip Avenue", "St John's Road", "Market Place", "Rectory Gardens", "Old Vicarage Lane",
	}
}
