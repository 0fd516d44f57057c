// Package ui is carehub's desktop user interface: the unlock screen, the hub's caseload and
// the read-only patient summary.
//
// Each screen is one unexported struct holding its widgets and dependencies, with named
// handler methods. Screens read the hub's records through the Records interface defined here,
// so ui does not depend on the store. Slow work (opening the encrypted store, decrypting the
// caseload, loading demo data) runs off the UI goroutine and comes back through the small
// bridge in async.go, the only place that calls fyne.Do.
package ui
