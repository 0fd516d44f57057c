package evaluation

import "carehub/careplan"

// ServiceUse is the hub's own contact with the people in scope during the period, from the
// contacts log: how many contacts and minutes, by kind, and per person per month. Hospital and
// GP use are not recorded in carehub, and the report says so rather than leave a gap that
// reads as none.
type ServiceUse struct {
	Recorded bool // false when no contact in the period is logged: the report says so
	Contacts int  // contacts in the period with people in scope
	Minutes  int
	ByKind   []KindUse // every kind, in careplan.ContactKinds order
	// ContactsPerPersonMonth and MinutesPerPersonMonth are over everyone in scope and the
	// months of the period (30.44 days each).
	ContactsPerPersonMonth float64
	MinutesPerPersonMonth  float64
}

// KindUse is one kind of contact's count and minutes.
type KindUse struct {
	Kind     careplan.ContactKind
	Contacts int
	Minutes  int
}

// serviceUse counts the contacts log of the people in scope, in the period.
func serviceUse(people []Person, f Filter) ServiceUse {
	var s ServiceUse
	index := map[careplan.ContactKind]int{}
	for i, k := range careplan.ContactKinds() {
		s.ByKind = append(s.ByKind, KindUse{Kind: k})
		index[k] = i
	}
	inScope := 0
	for _, p := range people {
		if !f.inScope(p.Entry) {
			continue
		}
		inScope++
		for _, c := range p.Contacts {
			if !f.inPeriod(c.On) {
				continue
			}
			s.Contacts++
			s.Minutes += c.Minutes
			if i, ok := index[c.Kind]; ok {
				s.ByKind[i].Contacts++
				s.ByKind[i].Minutes += c.Minutes
			}
		}
	}
	s.Recorded = s.Contacts > 0
	if months := f.months(); inScope > 0 && months > 0 {
		s.ContactsPerPersonMonth = float64(s.Contacts) / (float64(inScope) * months)
		s.MinutesPerPersonMonth = float64(s.Minutes) / (float64(inScope) * months)
	}
	return s
}

// months is the period's length in months of 30.44 days, both days included; 0 when the
// period is open-ended.
func (f Filter) months() float64 {
	if f.From.IsZero() || f.To.IsZero() {
		return 0
	}
	return float64(f.From.DaysUntil(f.To)+1) / 30.44
}
