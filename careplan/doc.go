// Package careplan is carehub's care domain: the people a complex-care hub looks after, how
// they come to the hub (nomination, eligibility, consent, status), who looks after them (the
// care team) and the personalised care and support plan they own.
//
// It is pure Go: no user interface, no database, no files. A clinician should be able to read
// it, and every rule in it is table-tested.
package careplan
