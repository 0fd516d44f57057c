package careplan

import (
	"errors"
	"testing"
)

func detailsPerson() Patient {
	return Patient{NHSNumber: "9449305552", GivenName: "Siân", FamilyName: "O'Brien",
		Contact:  ContactDetails{Address: "4 Church Lane, Yeovil", Postcode: "BA20 1AA", Phone: "01935 100200"},
		Practice: Practice{Name: "Hendford Lodge", ODSCode: "L85001"}}
}

func TestCorrectDetailsChecksAsANominationAndSaysWhatChanged(t *testing.T) {
	p := detailsPerson()
	d := DetailsOf(p)
	d.Contact.Mobile = " 07700 900123 "
	d.Contact.Email = "sian@example"
	d.Practice.ODSCode = "85001"
	d.Practice.Name = " "
	d.Carers = []Carer{{Relationship: "daughter"}}
	_, err := p.CorrectDetails(d)
	for _, want := range []error{ErrEmail, ErrODSCode, ErrPracticeName, ErrCarerName} {
		if !errors.Is(err, want) {
			t.Errorf("bad details: %v, want %v", err, want)
		}
	}
	if p.Contact.Mobile != "" {
		t.Error("refused details changed the record")
	}
	d = DetailsOf(p)
	d.Contact.Mobile = " 07700 900123 "
	d.Needs.LargePrint = true
	d.Carers = []Carer{{Name: "Zoë D'Arcy", Relationship: "daughter"}, {}}
	changed, err := p.CorrectDetails(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := "mobile phone, communication needs, carers"; joinWords(changed) != want {
		t.Errorf("changed %q, want %q", joinWords(changed), want)
	}
	if p.Contact.Mobile != "07700 900123" || p.Contact.Phone != "01935 100200" || !p.Needs.LargePrint || len(p.Carers) != 1 {
		t.Errorf("record after correcting: %+v", p)
	}
	if _, err := p.CorrectDetails(DetailsOf(p)); !errors.Is(err, ErrNothingChanged) {
		t.Errorf("unchanged details: %v", err)
	}
}

func joinWords(ws []string) string {
	out := ""
	for i, w := range ws {
		if i > 0 {
			out += ", "
		}
		out += w
	}
	return out
}

func TestNHSNumberCorrectionIsGuarded(t *testing.T) {
	p := detailsPerson()
	cases := []struct {
		typed, again, reason string
		want                 error
	}{
		{"9449305553", "9449305553", "letter", ErrNHSNumberCheck},
		{"9449305552", "9449305552", "letter", ErrNHSUnchanged},
		{"4010232137", "4010232173", "letter", ErrNHSNotRetyped},
		{"4010232137", "4010232137", " ", ErrNHSReason},
	}
	for _, c := range cases {
		if _, err := p.CorrectNHSNumber(c.typed, c.again, c.reason); !errors.Is(err, c.want) {
			t.Errorf("%s/%s/%q: %v, want %v", c.typed, c.again, c.reason, err, c.want)
		}
		if p.NHSNumber != "9449305552" {
			t.Fatal("a refused correction changed the NHS number")
		}
	}
	old, err := p.CorrectNHSNumber("401 023 2137", "4010232137", "checked against the practice's letter")
	if err != nil || old != "9449305552" || p.NHSNumber != "4010232137" {
		t.Errorf("correction: %v, old %s, now %s", err, old, p.NHSNumber)
	}
}
