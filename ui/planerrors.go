package ui

import "errors"

// Reasons the editor gives for not agreeing a plan yet, in words a key worker understands.
var (
	errAlreadyAgreed = errors.New("this version is already agreed: make a change to start a new draft")
	errStillSaving   = errors.New("the last change is still being saved: try again in a moment")
)
