// Package access decides who may do what in carehub: the hub's user accounts, their roles and
// the rules a service checks before it reads or changes anything. It imports neither fyne nor
// bbolt, so the rules can be read (and tested) on their own.
//
// The roles, in plain words:
//   - a key worker reads the hub's caseload and edits the people on their own caseload (those
//     whose care team names them, by staff id, as key worker);
//   - a coordinator reads and edits everything clinical;
//   - a hub administrator manages user accounts and settings, and reads the caseload (to set
//     up tablets) but edits nothing clinical;
//   - a patient sees only their own plan, on the tablet the hub gives them.
package access
