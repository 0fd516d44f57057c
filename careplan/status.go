package careplan

import (
	"errors"
	"fmt"
)

// Status is where a person is on the hub's pathway.
type Status string

// The pathway: nominated → contacted → consented → active → discharged, with declined, withdrew
// and died as exits. Withdrew is its own exit, apart from discharge: the person took back their
// consent to join, which the funnel and the evaluation count separately.
const (
	StatusNominated  Status = "nominated"
	StatusContacted  Status = "contacted"
	StatusConsented  Status = "consented"
	StatusActive     Status = "active"
	StatusDischarged Status = "discharged"
	StatusDeclined   Status = "declined"
	StatusDied       Status = "died"
	StatusWithdrew   Status = "withdrew"
)

// Statuses lists every status in pathway order.
func Statuses() []Status {
	return []Status{StatusNominated, StatusContacted, StatusConsented, StatusActive,
		StatusDischarged, StatusDeclined, StatusWithdrew, StatusDied}
}

// Label is the status as shown to staff.
func (s Status) Label() string {
	switch s {
	case StatusNominated:
		return "Nominated"
	case StatusContacted:
		return "Contacted"
	case StatusConsented:
		return "Consented"
	case StatusActive:
		return "Active"
	case StatusDischarged:
		return "Discharged"
	case StatusDeclined:
		return "Declined"
	case StatusDied:
		return "Died"
	case StatusWithdrew:
		return "Withdrew"
	}
	return string(s)
}

// Valid reports whether s is one of the pathway's statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses() {
		if v == s {
			return true
		}
	}
	return false
}

// Open reports whether the hub is still working with the person.
func (s Status) Open() bool {
	return s == StatusNominated || s == StatusContacted || s == StatusConsented || s == StatusActive
}

// ErrStatusMove is returned for a status change the pathway does not allow.
var ErrStatusMove = errors.New("that status change is not allowed")

// allowedMoves is the pathway as a table: from each status, where a person may go next.
// Discharged, declined and withdrawn people may be re-referred (back to nominated); died is final.
func allowedMoves(from Status) []Status {
	switch from {
	case StatusNominated:
		return []Status{StatusContacted, StatusDeclined, StatusDied}
	case StatusContacted:
		return []Status{StatusConsented, StatusDeclined, StatusDied}
	case StatusConsented:
		return []Status{StatusActive, StatusDeclined, StatusDischarged, StatusWithdrew, StatusDied}
	case StatusActive:
		return []Status{StatusDischarged, StatusWithdrew, StatusDied}
	case StatusDischarged, StatusDeclined, StatusWithdrew:
		return []Status{StatusNominated, StatusDied}
	}
	return nil
}

// CanMove reports whether the pathway allows a move from one status to another.
func CanMove(from, to Status) error {
	for _, s := range allowedMoves(from) {
		if s == to {
			return nil
		}
	}
	return fmt.Errorf("%s → %s: %w", from.Label(), to.Label(), ErrStatusMove)
}

// StatusChange is one dated step on the pathway, with who made it and why. On is the day the
// change was made; for a change to died that is the day the hub was told, and DiedOn, when
// known, is the date of death itself (often earlier: the hub hears from the practice later).
type StatusChange struct {
	From   Status `json:"from,omitempty"`
	To     Status `json:"to"`
	On     Date   `json:"on"`
	By     string `json:"by"`
	Reason string `json:"reason,omitempty"`
	DiedOn Date   `json:"diedOn,omitzero"` // to died only; zero when the date is not known (and not stored)
}
