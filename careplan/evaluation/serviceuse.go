package evaluation

// ServiceUse is contacts and minutes per person per month in the period, from the hub's
// contacts log.
//
// The contacts log is not recorded yet (issue 3), so Recorded is always false for now and the
// report says "contacts log not yet recorded" rather than showing a number nobody measured.
// When the log exists: give Person its contacts, fill this in serviceUse, and WriteText and the
// CSV will show it.
type ServiceUse struct {
	Recorded bool // false until the contacts log exists
	// ContactsPerPersonMonth and MinutesPerPersonMonth are averaged over people in scope and
	// the months of the period they were on the hub. Zero while Recorded is false.
	ContactsPerPersonMonth float64
	MinutesPerPersonMonth  float64
}

// serviceUse is the hook for the contacts log. It reports nothing measured until issue 3
// records contacts.
func serviceUse([]Person, Filter) ServiceUse { return ServiceUse{} }
