package careplan

import (
	"errors"
	"strings"
)

// Service is an entry in the hub's directory of community groups and services, for
// signposting: social prescribing, lunch clubs, support groups. A plan links the person to a
// service with a Signpost, which copies these details so the agreed plan stays as it was
// printed even if the directory changes.
type Service struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Offers  string `json:"offers,omitempty"` // what it offers, in a line
	Area    string `json:"area,omitempty"`
	Contact string `json:"contact,omitempty"`
}

// ErrServiceName is returned for a directory entry without a name.
var ErrServiceName = errors.New("a service needs a name")

// Validate checks the service has a name.
func (s Service) Validate() error {
	if strings.TrimSpace(s.Name) == "" {
		return ErrServiceName
	}
	return nil
}

// Signpost links the person to this service for the given goals.
func (s Service) Signpost(goalIDs ...string) Signpost {
	return Signpost{Name: s.Name, Offers: s.Offers, Area: s.Area, Contact: s.Contact, GoalIDs: goalIDs}
}
