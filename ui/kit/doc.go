// Package kit holds the parts carehub's screens are built from, so each screen says only what
// is its own: the form dialog (fields with a problem under each, saved in the worker), the
// list-and-edit screen, date entry, the charts' shared drawing, the file chooser, and small
// labels, tables and layouts.
//
// kit imports Fyne and the care domain only. It knows no service and never calls fyne.Do:
// slow work goes through the Worker a screen hands it, so the app's one bridge to the UI
// goroutine stays in ui/async.go, and tests can hand in a worker that runs inline.
package kit
