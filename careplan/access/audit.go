package access

import (
	"encoding/csv"
	"io"
	"strings"
	"time"

	"carehub/careplan"
)

// AuditRow is one line of the audit as an information-governance lead reads it: when, who,
// what they did, to what, about whom, and in a few words what changed.
type AuditRow struct {
	Time      time.Time
	User      string
	Action    string // viewed, created, updated, deleted, report
	Record    string // the kind of record ("patient", "plan"), empty for hub-wide events
	PatientID string
	Patient   string // "Family, Given (NHS number)" when the person is on the caseload
	Detail    string
}

// AuditFilter narrows the audit. Empty fields match everything; From and To are inclusive
// days in England (careplan.DateOf), as the audit screen shows its times; the CSV keeps UTC.
type AuditFilter struct {
	Patient string // part of the person's name or NHS number, any case
	User    string // exactly
	Action  string // exactly
	From    careplan.Date
	To      careplan.Date
}

// Matches reports whether a row passes the filter.
func (f AuditFilter) Matches(r AuditRow) bool {
	if f.User != "" && r.User != f.User {
		return false
	}
	if f.Action != "" && r.Action != f.Action {
		return false
	}
	day := careplan.DateOf(r.Time)
	if !f.From.IsZero() && day.Time().Before(f.From.Time()) {
		return false
	}
	if !f.To.IsZero() && day.Time().After(f.To.Time()) {
		return false
	}
	if q := strings.TrimSpace(f.Patient); q != "" {
		// NHS numbers are shown spaced (999 000 1234) and typed either way.
		hay := strings.ToLower(strings.ReplaceAll(r.Patient, " ", ""))
		if !strings.Contains(hay, strings.ToLower(strings.ReplaceAll(q, " ", ""))) {
			return false
		}
	}
	return true
}

// FilterAudit returns the rows that pass f, newest first, the order an IG request reads them.
func FilterAudit(rows []AuditRow, f AuditFilter) []AuditRow {
	var out []AuditRow
	for i := len(rows) - 1; i >= 0; i-- {
		if f.Matches(rows[i]) {
			out = append(out, rows[i])
		}
	}
	return out
}

// auditCSVHeader names the CSV's columns.
func auditCSVHeader() []string {
	return []string{"time (UTC)", "user", "action", "record", "patient", "patient record id", "detail"}
}

// WriteAuditCSV writes rows as CSV for an information-governance request. Cells that a
// spreadsheet would run as a formula are prefixed with an apostrophe, since the detail and
// names come from what users typed.
func WriteAuditCSV(w io.Writer, rows []AuditRow) error {
	c := csv.NewWriter(w)
	if err := c.Write(auditCSVHeader()); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.Time.UTC().Format(time.RFC3339), r.User, r.Action, r.Record, r.Patient, r.PatientID, r.Detail}
		for i := range rec {
			rec[i] = defuse(rec[i])
		}
		if err := c.Write(rec); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

// defuse stops a spreadsheet from treating a cell as a formula.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
