package ui

import "carehub/careplan/access"

// AuditLog reads the audit for coordinators and administrators. There is deliberately no way
// to change or remove an entry.
type AuditLog interface {
	// Audit returns the entries that pass the filter, newest first.
	Audit(f access.AuditFilter) ([]access.AuditRow, error)
	// ExportCSV writes the entries that pass the filter to path as CSV, atomically.
	ExportCSV(f access.AuditFilter, path string) (rows int, err error)
}
