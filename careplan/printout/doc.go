// Package printout draws the patient's own copy of their personalised care and support plan
// as an A4 PDF: the copy a coordinator prints for the person to keep at home.
//
// Page 1 always carries what matters in a crisis (the green, amber and red contingency plan and
// who to call). Every page carries the person's name, NHS number and date of birth, because a
// page that has come loose from its plan must still say whose it is.
//
// The package is pure: it writes to an io.Writer, takes the font bytes from its caller and
// touches no files, windows or databases. Layout is done first into a list of drawing
// operations per page, so the number of pages is known before anything is drawn and every
// footer can say "Page x of y" for its own person, even in a batch.
package printout
