// Package ui is carehub's desktop user interface: the unlock screen, the hub's caseload, a
// person's summary and plan, and the hub's tools, and a patient's own tablet view.
//
// Each screen is one unexported struct holding its widgets and dependencies, with named
// handler methods. Screens call the use cases through small interfaces declared here (Records,
// Plans, Outcomes, Printing, Sync, ...) over domain types, so ui imports neither the store nor
// the services (package app/service implements them; package app wires them into Config). What
// a person sees follows their role; every service checks the same role again. Slow work
// (opening the encrypted store, decrypting the caseload, loading demo data) runs off the UI
// goroutine and comes back through the small bridge in async.go, the only place that calls
// fyne.Do.
package ui
