package careplan

// TabletEligible reports whether a person may be given a tablet holding their own plan: they have
// agreed to join (their latest decision on joining is "given") and are consented or active. A
// tablet for someone who has declined, withdrawn, been discharged or died would carry their
// record out of the hub without a reason to.
func TabletEligible(p Patient) bool {
	if !HasConsent(p.Consent, ConsentToJoin) {
		return false
	}
	return p.Status == StatusConsented || p.Status == StatusActive
}
