package caseload

import (
	"slices"

	"carehub/careplan"
)

// Order is how the caseload list is sorted.
type Order int

// The caseload's orders. The index is already in name order, so OrderName costs nothing.
const (
	OrderName        Order = iota // family name, given name, NHS number
	OrderReview                   // soonest review first; no review date last
	OrderLastContact              // longest without contact first; never contacted first of all
)

// Orders lists the orders in the order the caseload offers them.
func Orders() []Order { return []Order{OrderName, OrderReview, OrderLastContact} }

// Label names the order for staff.
func (o Order) Label() string {
	switch o {
	case OrderReview:
		return "By review date"
	case OrderLastContact:
		return "By last contact"
	}
	return "By name"
}

// Sort puts positions from Search into the order o, in place. Ties keep name order, so the
// list never shuffles people with the same date.
func (ix *Index) Sort(positions []int, o Order) {
	switch o {
	case OrderReview:
		slices.SortStableFunc(positions, func(a, b int) int {
			return compareDates(ix.entries[a].ReviewDate, ix.entries[b].ReviewDate, true)
		})
	case OrderLastContact:
		slices.SortStableFunc(positions, func(a, b int) int {
			return compareDates(ix.entries[a].LastContact, ix.entries[b].LastContact, false)
		})
	default:
		slices.Sort(positions)
	}
}

// compareDates orders two dates earliest first; a missing date goes last when zeroLast, else
// first.
func compareDates(a, b careplan.Date, zeroLast bool) int {
	if a.IsZero() || b.IsZero() {
		switch {
		case a.IsZero() == b.IsZero():
			return 0
		case a.IsZero() == zeroLast:
			return 1
		}
		return -1
	}
	return a.Time().Compare(b.Time())
}
