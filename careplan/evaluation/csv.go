package evaluation

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// CSVHeader is the header row of the evaluators' CSV, in column order.
func CSVHeader() []string {
	return []string{
		"pseudonym", "practice", "status", "age_band",
		"first_pam_month", "first_pam_score", "first_pam_level",
		"latest_pam_month", "latest_pam_score", "latest_pam_level",
		"pam_change_points", "meaningful_gain", "moved_up_from_low",
		"first_ucla_total", "latest_ucla_total",
		"first_ons4_life", "first_ons4_worthwhile", "first_ons4_happy", "first_ons4_anxious",
		"latest_ons4_life", "latest_ons4_worthwhile", "latest_ons4_happy", "latest_ons4_anxious",
		"first_cfs", "latest_cfs",
	}
}

// ErrPseudonymKey reports a CSV asked for without a proper key: an unkeyed hash of an NHS
// number could be reversed by trying every number, so there is no fallback.
var ErrPseudonymKey = errors.New("the pseudonymised CSV needs the store's 32-byte pseudonym key")

// WriteCSV writes the pseudonymised CSV for evaluators: one row per person in scope with at
// least one counting measurement in the period, sorted by pseudonym so the order says nothing
// about the caseload.
//
// A row holds no name, NHS number, date of birth or full date, and no staff name. The
// pseudonym is the first 16 bytes, in hex, of HMAC-SHA256 of the NHS number under
// pseudonymKey (store.PseudonymKey), so it is the same for a person in every export from one
// store and meaningless without it. Dates are reduced to the month (YYYY-MM) and age to a
// band on the first day of the period. The practice, an organisation, is kept because
// evaluators compare practices.
//
// An empty cell means not measured: the latest_* columns, pam_change_points and
// meaningful_gain are empty unless there is a later measurement than the first in the period;
// moved_up_from_low is "na" when the first PAM was level 3 or 4.
func WriteCSV(w io.Writer, people []Person, f Filter, pseudonymKey []byte) error {
	if len(pseudonymKey) < 32 {
		return ErrPseudonymKey
	}
	var rows [][]string
	for _, p := range people {
		if !f.inScope(p.Entry) {
			continue
		}
		m := measure(p, f)
		if !m.any() {
			continue
		}
		rows = append(rows, csvRow(p.Entry, m, f, pseudonymKey))
	}
	suppressSmallCells(rows)
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("writing the evaluation CSV: %w", err)
	}
	return nil
}

// Pseudonym is the CSV's pseudonym for a person: hex of the first 16 bytes of HMAC-SHA256 of
// the NHS number (its ten digits) under key. A person without an NHS number (never the case
// for a valid patient) is pseudonymised by "id:" and their record id instead, which can never
// be the same text as an NHS number.
func Pseudonym(key []byte, e careplan.CaseloadEntry) string {
	m := hmac.New(sha256.New, key)
	if e.NHSNumber != "" {
		m.Write([]byte(e.NHSNumber))
	} else {
		m.Write([]byte("id:" + e.PatientID))
	}
	return hex.EncodeToString(m.Sum(nil)[:16])
}

func csvRow(e careplan.CaseloadEntry, m measures, f Filter, key []byte) []string {
	row := []string{Pseudonym(key, e), e.Practice, string(e.Status), ageBand(e.DateOfBirth, f)}
	row = append(row, pamCells(m.pam)...)
	row = append(row, uclaCells(m.loneliness)...)
	row = append(row, ons4Cells(m.wellbeing)...)
	return append(row, cfsCells(m.frailty)...)
}

// pamCells are the nine PAM columns, first_pam_month to moved_up_from_low.
func pamCells(p pair[pam.Assessment]) []string {
	cells := make([]string, 9)
	if p.n == 0 {
		return cells
	}
	cells[0], cells[1], cells[2] = month(p.first.TakenOn), p.first.Score.String(), levelCell(p.first.Level)
	if !p.hasLater() {
		return cells
	}
	c := pam.Between(p.first, p.latest)
	cells[3], cells[4], cells[5] = month(p.latest.TakenOn), p.latest.Score.String(), levelCell(p.latest.Level)
	cells[6], cells[7], cells[8] = c.Points.String(), yesNo(c.Meaningful), "na"
	if p.first.Level <= pam.Level2 {
		cells[8] = yesNo(p.latest.Level > p.first.Level)
	}
	return cells
}

func uclaCells(p pair[outcomes.Record]) []string {
	cells := make([]string, 2)
	if p.n > 0 {
		cells[0] = strconv.Itoa(p.first.Loneliness.Total())
	}
	if p.hasLater() {
		cells[1] = strconv.Itoa(p.latest.Loneliness.Total())
	}
	return cells
}

func ons4Cells(p pair[outcomes.Record]) []string {
	cells := make([]string, 8)
	answers := func(w *outcomes.Wellbeing) []string {
		return []string{strconv.Itoa(w.LifeSatisfaction), strconv.Itoa(w.Worthwhile), strconv.Itoa(w.Happy), strconv.Itoa(w.Anxious)}
	}
	if p.n > 0 {
		copy(cells[0:4], answers(p.first.Wellbeing))
	}
	if p.hasLater() {
		copy(cells[4:8], answers(p.latest.Wellbeing))
	}
	return cells
}

func cfsCells(p pair[outcomes.Record]) []string {
	cells := make([]string, 2)
	if p.n > 0 {
		cells[0] = strconv.Itoa(p.first.Frailty.Score)
	}
	if p.hasLater() {
		cells[1] = strconv.Itoa(p.latest.Frailty.Score)
	}
	return cells
}

// month reduces a day to its month, YYYY-MM: enough to see time on the hub, too coarse to
// match a person to a dated event.
func month(d careplan.Date) string { return d.Time().Format("2006-01") }

func levelCell(l pam.Level) string { return strconv.Itoa(int(l)) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// ageBand is the person's age on the first day of the period (the last, if the period has no
// start) in ten-year bands, with the youngest and oldest pooled ("under 40", "90+") because
// few people are there and they would stand out. Empty when either date is unknown.
func ageBand(dob careplan.Date, f Filter) string {
	on := f.From
	if on.IsZero() {
		on = f.To
	}
	if dob.IsZero() || on.IsZero() {
		return ""
	}
	switch age := dob.AgeOn(on); {
	case age < 40:
		return "under 40"
	case age >= 90:
		return "90+"
	default:
		lo := age / 10 * 10
		return fmt.Sprintf("%d-%d", lo, lo+9)
	}
}

// MinCell is the fewest people a practice × age band cell of the CSV may describe: a smaller
// cell (a small practice's only person in their nineties) could single someone out.
const MinCell = 5

// What a merged or withheld cell says instead of the practice or the age band.
const (
	OtherPractices = "other practices"
	BandWithheld   = "withheld"
)

// suppressSmallCells merges and withholds so that no practice × age band cell holds fewer than
// MinCell people: first the people of a small cell are moved into "other practices"; a cell
// still small then has its age band withheld; one still small after that loses its practice
// too. Only the two columns change; the measurements stay, so the figures still add up.
func suppressSmallCells(rows [][]string) {
	const practice, band = 1, 3
	cell := func(r []string) string { return r[practice] + "\x00" + r[band] }
	merge := func(col int, to string) {
		n := map[string]int{}
		for _, r := range rows {
			n[cell(r)]++
		}
		for _, r := range rows {
			if n[cell(r)] < MinCell {
				r[col] = to
			}
		}
	}
	merge(practice, OtherPractices)
	merge(band, BandWithheld)
	merge(practice, OtherPractices)
}
