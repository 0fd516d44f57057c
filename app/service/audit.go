package service

import (
	"fmt"
	"io"

	"carehub/careplan/access"
	"carehub/store"
)

// AuditLog gives coordinators and administrators the audit log, read only: the store has no
// way to change or remove an entry, and neither has this service. Reading or exporting the
// audit is itself audited, since the rows name patients.
type AuditLog struct{ base }

// auditor returns the open store when the signed-in account may read the audit.
func (a *AuditLog) auditor() (*store.Store, error) {
	st, err := a.store()
	if err != nil {
		return nil, err
	}
	if !st.SignedIn().ViewsAudit() {
		return nil, fmt.Errorf("%w: only coordinators and administrators read the audit", access.ErrNotAllowed)
	}
	return st, nil
}

// Audit returns the rows that pass f, newest first.
func (a *AuditLog) Audit(f access.AuditFilter) ([]access.AuditRow, error) {
	st, err := a.auditor()
	if err != nil {
		return nil, err
	}
	rows, err := auditRows(st, f)
	if err != nil {
		return nil, err
	}
	return rows, st.RecordEvent(store.AuditReport, fmt.Sprintf("audit read (%d rows)", len(rows)))
}

// ExportCSV writes the rows that pass f to path as CSV, atomically, and audits the export.
func (a *AuditLog) ExportCSV(f access.AuditFilter, path string) (rows int, err error) {
	defer func() {
		if err != nil {
			removeIfEmpty(path)
		}
	}()
	st, err := a.auditor()
	if err != nil {
		return 0, err
	}
	if err := checkOutput(st, path, false); err != nil {
		return 0, err
	}
	list, err := auditRows(st, f)
	if err != nil {
		return 0, err
	}
	if err := writeAtomically(path, func(w io.Writer) error { return access.WriteAuditCSV(w, list) }); err != nil {
		return 0, err
	}
	return len(list), st.RecordEvent(store.AuditReport, fmt.Sprintf("audit exported as CSV (%d rows)", len(list)))
}

// auditRows reads the whole audit, names each entry's patient from the caseload (which is not
// itself a view of anyone's record), and filters it.
func auditRows(st *store.Store, f access.AuditFilter) ([]access.AuditRow, error) {
	entries, err := st.Audit()
	if err != nil {
		return nil, err
	}
	caseload, err := st.Caseload()
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(caseload))
	for _, e := range caseload {
		names[e.PatientID] = fmt.Sprintf("%s, %s (%s)", e.FamilyName, e.GivenName, e.NHSNumber.Display())
	}
	rows := make([]access.AuditRow, len(entries))
	for i, e := range entries {
		rows[i] = access.AuditRow{Time: e.Time, User: e.User, Action: e.Action, Record: string(e.Kind),
			PatientID: e.PatientID, Patient: names[e.PatientID], Detail: e.Detail}
	}
	return access.FilterAudit(rows, f), nil
}
