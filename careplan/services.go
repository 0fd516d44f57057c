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
	// Withdrawn marks a service the hub no longer signposts to (it closed, or stopped taking
	// referrals). It stays in the directory, as staff who leave stay on the staff list, so the
	// hub can see what it once offered; plans that link it keep their own copy.
	Withdrawn bool `json:"withdrawn,omitempty"`
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

// OfferedServices returns the services a plan may link to now: the directory without the
// withdrawn ones, in the order given.
func OfferedServices(all []Service) []Service {
	out := make([]Service, 0, len(all))
	for _, s := range all {
		if !s.Withdrawn {
			out = append(out, s)
		}
	}
	return out
}
