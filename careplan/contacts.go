package careplan

import (
	"errors"
	"strings"
)

// ContactKind is how the hub was in touch with the person.
type ContactKind string

// The kinds of contact the evaluation counts as service use.
const (
	ContactHomeVisit ContactKind = "home visit"
	ContactPhone     ContactKind = "phone"
	ContactClinic    ContactKind = "clinic"
	ContactMDT       ContactKind = "MDT discussion"
	ContactOther     ContactKind = "other"
)

// ContactKinds lists every kind of contact, in the order forms offer them.
func ContactKinds() []ContactKind {
	return []ContactKind{ContactHomeVisit, ContactPhone, ContactClinic, ContactMDT, ContactOther}
}

// Label is the kind as shown to staff: "Home visit".
func (k ContactKind) Label() string {
	s := string(k)
	if s == "" || k == ContactMDT {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Contact is one contact with the person: the service-utilisation record the evaluation needs.
// Contacts are only ever appended; a wrong one is corrected by a note on a new one.
type Contact struct {
	ID        string      `json:"id"`
	PatientID string      `json:"patientId"`
	Kind      ContactKind `json:"kind"`
	On        Date        `json:"on"`
	By        string      `json:"by"`
	Minutes   int         `json:"minutes"`
	Note      string      `json:"note,omitempty"`
}

// MaxContactMinutes caps one contact's length: a day's work, so a slip (600 for 60) is caught.
const MaxContactMinutes = 8 * 60

// MaxContactNote is how long a contact's note may be: the log is a summary, not case notes.
const MaxContactNote = 500

// Sentinel errors for a contact, one per field, so a form can put each next to its field.
var (
	ErrContactKind     = errors.New("choose how the contact was made")
	ErrContactDate     = errors.New("the contact date is needed")
	ErrContactInFuture = errors.New("the contact date is in the future")
	ErrContactBy       = errors.New("say who made the contact")
	ErrContactMinutes  = errors.New("the minutes must be from 1 to 480")
	ErrContactNote     = errors.New("the note is longer than 500 characters")
)

// Validate checks a contact against today.
func (c Contact) Validate(today Date) error {
	var errs []error
	if !validContactKind(c.Kind) {
		errs = append(errs, ErrContactKind)
	}
	switch {
	case c.On.IsZero():
		errs = append(errs, ErrContactDate)
	case c.On.After(today):
		errs = append(errs, ErrContactInFuture)
	}
	if strings.TrimSpace(c.By) == "" {
		errs = append(errs, ErrContactBy)
	}
	if c.Minutes < 1 || c.Minutes > MaxContactMinutes {
		errs = append(errs, ErrContactMinutes)
	}
	if len([]rune(c.Note)) > MaxContactNote {
		errs = append(errs, ErrContactNote)
	}
	return errors.Join(errs...)
}

func validContactKind(k ContactKind) bool {
	for _, v := range ContactKinds() {
		if v == k {
			return true
		}
	}
	return false
}

// LatestContact returns the day of the most recent contact, or the zero Date when there is none.
func LatestContact(all []Contact) Date {
	var last Date
	for _, c := range all {
		if c.On.After(last) {
			last = c.On
		}
	}
	return last
}
