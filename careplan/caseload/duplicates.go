package caseload

import "carehub/careplan"

// The nomination form's duplicate checks run against the caseload in memory, so they answer as
// the NHS number or the name is typed. The store refuses a second patient with the same NHS
// number whatever the form does (store.ErrDuplicateNHS); these checks make the form open the
// existing record instead, before anyone types the rest.

// ByNHS returns the person with this NHS number, if they are on the caseload.
func (ix *Index) ByNHS(n careplan.NHSNumber) (careplan.CaseloadEntry, bool) {
	for i := range ix.entries {
		if ix.entries[i].NHSNumber == n {
			return ix.entries[i], true
		}
	}
	return careplan.CaseloadEntry{}, false
}

// Lookalikes returns the people with the same given and family name (ignoring case, accents
// and punctuation) and date of birth but a different NHS number: possibly the same person
// under a mistyped or changed number, which a human must check.
func (ix *Index) Lookalikes(given, family string, born careplan.Date, nhs careplan.NHSNumber) []careplan.CaseloadEntry {
	g, f := fold(given), fold(family)
	if g == "" || f == "" || born.IsZero() {
		return nil
	}
	var out []careplan.CaseloadEntry
	for i := range ix.entries {
		e := &ix.entries[i]
		if e.DateOfBirth == born && e.NHSNumber != nhs && fold(e.FamilyName) == f && fold(e.GivenName) == g {
			out = append(out, *e)
		}
	}
	return out
}
