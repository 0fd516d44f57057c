package careplan

import (
	"errors"
	"fmt"
	"strings"
)

// Details are what can be put right about a person after nomination: how they like to be
// called, how to reach them, their GP practice, their carers and their communication needs.
// Name, date of birth and the nomination are what the hub was sent and stay as sent; the NHS
// number has its own, guarded correction (CorrectNHSNumber).
type Details struct {
	PreferredName string
	Contact       ContactDetails
	Practice      Practice
	Needs         CommunicationNeeds
	Carers        []Carer
}

// Why details cannot be saved as given.
var (
	ErrPracticeName   = errors.New("write the name of the person's GP practice")
	ErrEmail          = errors.New("an email address is written like name@example.org")
	ErrCarerName      = errors.New("each carer needs a name")
	ErrNHSUnchanged   = errors.New("the new NHS number is the one already recorded")
	ErrNHSReason      = errors.New("say why the NHS number is being corrected, and how it was checked")
	ErrNHSNotRetyped  = errors.New("type the new NHS number a second time, the same")
	ErrNothingChanged = errors.New("nothing has been changed")
)

// DetailsOf is a person's details as they stand, for a form to start from.
func DetailsOf(p Patient) Details {
	return Details{PreferredName: p.PreferredName, Contact: p.Contact, Practice: p.Practice,
		Needs: p.Needs, Carers: append([]Carer(nil), p.Carers...)}
}

// tidy trims every field, writes the postcode and ODS code in capitals, and drops carers left
// entirely blank (a row a form added and nobody filled).
func (d Details) tidy() Details {
	t := strings.TrimSpace
	d.PreferredName = t(d.PreferredName)
	d.Contact = ContactDetails{Address: t(d.Contact.Address), Postcode: strings.ToUpper(t(d.Contact.Postcode)),
		Phone: t(d.Contact.Phone), Mobile: t(d.Contact.Mobile), Email: t(d.Contact.Email)}
	d.Practice = Practice{Name: t(d.Practice.Name), ODSCode: strings.ToUpper(t(d.Practice.ODSCode))}
	d.Needs.Interpreter, d.Needs.Other = t(d.Needs.Interpreter), t(d.Needs.Other)
	var carers []Carer
	for _, c := range d.Carers {
		c = Carer{Name: t(c.Name), Relationship: t(c.Relationship), Phone: t(c.Phone)}
		if c != (Carer{}) {
			carers = append(carers, c)
		}
	}
	d.Carers = carers
	return d
}

// Validate checks details as a nomination is checked: a practice with a name and a proper ODS
// code; and an email address that could be one, and a name for every carer.
func (d Details) Validate() error {
	d = d.tidy()
	var errs []error
	if d.Practice.Name == "" {
		errs = append(errs, ErrPracticeName)
	}
	if _, err := ParseODSCode(d.Practice.ODSCode); err != nil {
		errs = append(errs, err)
	}
	if e := d.Contact.Email; e != "" && !plausibleEmail(e) {
		errs = append(errs, ErrEmail)
	}
	for _, c := range d.Carers {
		if c.Name == "" {
			errs = append(errs, ErrCarerName)
			break
		}
	}
	return errors.Join(errs...)
}

// plausibleEmail accepts one @ with something either side and a dot in the domain: enough to
// catch a phone number or a name typed into the wrong box, without refusing real addresses.
func plausibleEmail(e string) bool {
	local, domain, ok := strings.Cut(e, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(e, " ,;") &&
		!strings.Contains(domain, "@") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// CorrectDetails puts right the person's details after checking them (Validate), and says in
// words what changed ("address", "mobile phone"), for the audit and the screen. Nothing changes
// unless every check passes; details exactly as they were are ErrNothingChanged.
func (p *Patient) CorrectDetails(d Details) (changed []string, err error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	d = d.tidy()
	was := DetailsOf(*p)
	for _, f := range []struct {
		what string
		same bool
	}{
		{"preferred name", was.PreferredName == d.PreferredName},
		{"address", was.Contact.Address == d.Contact.Address && was.Contact.Postcode == d.Contact.Postcode},
		{"home phone", was.Contact.Phone == d.Contact.Phone},
		{"mobile phone", was.Contact.Mobile == d.Contact.Mobile},
		{"email", was.Contact.Email == d.Contact.Email},
		{"GP practice", was.Practice == d.Practice},
		{"communication needs", was.Needs == d.Needs},
		{"carers", sameCarers(was.Carers, d.Carers)},
	} {
		if !f.same {
			changed = append(changed, f.what)
		}
	}
	if len(changed) == 0 {
		return nil, ErrNothingChanged
	}
	p.PreferredName, p.Contact, p.Practice, p.Needs, p.Carers = d.PreferredName, d.Contact, d.Practice, d.Needs, d.Carers
	return changed, nil
}

func sameCarers(a, b []Carer) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// CorrectNHSNumber replaces a mistyped NHS number. It is guarded because a wrong number joins
// one person's record to another's care: the new number must pass the Modulus 11 check, be
// typed twice the same, differ from the old one, and come with why and how it was checked.
// The store still refuses a number another person holds.
func (p *Patient) CorrectNHSNumber(typed, retyped, reason string) (NHSNumber, error) {
	var errs []error
	n, err := ParseNHSNumber(typed)
	if err != nil {
		errs = append(errs, err)
	} else if n == p.NHSNumber {
		errs = append(errs, ErrNHSUnchanged)
	}
	if again, err2 := ParseNHSNumber(retyped); err == nil && (err2 != nil || again != n) {
		errs = append(errs, ErrNHSNotRetyped)
	}
	if strings.TrimSpace(reason) == "" {
		errs = append(errs, ErrNHSReason)
	}
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}
	old := p.NHSNumber
	p.NHSNumber = n
	return old, nil
}

// NHSCorrectionNote is the audit's words for a corrected NHS number: never the numbers
// themselves, which the audit must not hold in its details.
func NHSCorrectionNote(reason string) string {
	return fmt.Sprintf("NHS number corrected: %s", strings.TrimSpace(reason))
}
