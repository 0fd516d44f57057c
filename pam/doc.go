// Package pam records Patient Activation Measure assessments and works out what they mean for
// a person and a cohort: levels, change, and when the next one is due.
//
// PAM is licensed (Insignia Health, a Phreesia company). carehub records the score and level
// that the licensed tool produced. It never shows PAM's questions and never computes a score;
// the published cut points are used only to cross-check the level that was reported.
package pam
