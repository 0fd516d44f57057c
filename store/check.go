package store

import (
	"bytes"
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/myplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// KindCount is how many items of one kind a store holds.
type KindCount struct {
	Kind  string
	Count int
}

// Report is what Check found: a count per kind, and every problem in words. A store with no
// problems is healthy.
type Report struct {
	Counts   []KindCount
	Problems []string
	// ToPutRight are people whose records are whole but whose status disagrees with their
	// consent to join (careplan.Patient.ConsentToPutRight), one line each naming them: records
	// saved before carehub held status to consent. A coordinator puts them right on the
	// patient screen; they are not damage, so OK ignores them.
	ToPutRight []string
}

// OK reports whether Check found no problems.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// maxProblems caps the report, so a badly damaged file gives a readable answer.
const maxProblems = 100

func (r *Report) problem(format string, args ...any) {
	switch {
	case len(r.Problems) < maxProblems:
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	case len(r.Problems) == maxProblems:
		r.Problems = append(r.Problems, "… and more problems not listed")
	}
}

// consentToPutRight notes a person whose status disagrees with their consent to join, capped
// like the problems.
func (r *Report) consentToPutRight(p careplan.Patient) {
	what := p.ConsentToPutRight()
	switch {
	case what == "":
	case len(r.ToPutRight) < maxProblems:
		r.ToPutRight = append(r.ToPutRight, fmt.Sprintf("%s %s (NHS %s): %s", p.GivenName, p.FamilyName, p.NHSNumber.Display(), what))
	case len(r.ToPutRight) == maxProblems:
		r.ToPutRight = append(r.ToPutRight, "… and more people not listed")
	}
}

// Check verifies the whole store in one read transaction: bbolt's own page check, then that
// every record decodes and decrypts under its own id and kind, every caseload entry, index
// entry and change-log entry points at a record, every audit entry decrypts, the history's
// chain holds from its first entry to its last (the first entry that breaks it is named) and
// reaches the point the last unlock verified, every record is at the version its newest
// change-log entry names, and the sign-in list matches the accounts. Counts are
// reported as "patients", "plans", "pam assessments", "staff", "outcomes", "changes",
// "audit entries", "paired devices" and "open conflicts".
// The error is for a check that could not run; what the check found is in the Report.
func (s *Store) Check() (Report, error) {
	var r Report
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			r.problem("file structure: %v", err)
		}
		if v, err := schemaVersion(tx); err != nil || v != len(migrations()) {
			r.problem("schema version is %d, want %d (%v)", v, len(migrations()), err)
		}
		for _, c := range []struct {
			kind  Kind
			label string
			body  func() any
		}{
			{KindPatient, "patients", func() any { return new(careplan.Patient) }},
			{KindPlan, "plans", func() any { return new(careplan.Plan) }},
			{KindAssessment, "pam assessments", func() any { return new(pam.Assessment) }},
			{KindStaff, "staff", func() any { return new(careplan.StaffMember) }},
			{KindOutcome, "outcomes", func() any { return new(outcomes.Record) }},
			{KindContact, "contacts", func() any { return new(careplan.Contact) }},
			{KindTemplate, "plan templates", func() any { return new(careplan.Template) }},
			{KindService, "community services", func() any { return new(careplan.Service) }},
		} {
			n, err := s.checkRecords(tx, c.kind, c.body, &r)
			if err != nil {
				return err
			}
			r.Counts = append(r.Counts, KindCount{Kind: c.label, Count: n})
		}
		for _, f := range []func(*bolt.Tx, *Report) error{
			s.checkCaseload, checkNHSIndex, checkByPatient(bucketPlansByPatient, KindPlan),
			checkByPatient(bucketPAMByPatient, KindAssessment),
			checkByPatient(bucketOutcomesByPatient, KindOutcome),
			checkByPatient(bucketContactsByPatient, KindContact),
			s.checkCheckIns, s.checkSignInList, s.checkKeySlots,
		} {
			if err := f(tx, &r); err != nil {
				return err
			}
		}
		n, err := checkChanges(tx, &r)
		if err != nil {
			return err
		}
		r.Counts = append(r.Counts, KindCount{Kind: "changes", Count: n})
		if n, err = s.checkAudit(tx, &r); err != nil {
			return err
		}
		r.Counts = append(r.Counts, KindCount{Kind: "audit entries", Count: n})
		if err := s.checkHistory(tx, &r); err != nil {
			return err
		}
		return s.checkSync(tx, &r)
	})
	return r, err
}

// checkCheckIns checks that every goal check-in decrypts and is filed under its patient, and
// that the index names no check-in that is not stored, and counts them.
func (s *Store) checkCheckIns(tx *bolt.Tx, r *Report) error {
	index, err := bucket(tx, bucketCheckInsByPatient)
	if err != nil {
		return err
	}
	n := 0
	err = eachCheckIn(tx, s.keys, func(id uuid.UUID, c myplan.CheckIn) error {
		n++
		if pid, err := parseID(c.PatientID); err != nil || index.Get(byPatientKey(pid, id)) == nil {
			r.problem("goal check-in %s is not filed under its patient", id)
		}
		return nil
	})
	if err != nil {
		r.problem("goal check-ins: %v", err)
		return nil
	}
	checkIns, err := bucket(tx, bucketCheckIns)
	if err != nil {
		return err
	}
	if err := index.ForEach(func(k, _ []byte) error {
		if len(k) != 32 || checkIns.Get(k[16:]) == nil {
			r.problem("%s entry %x names no stored check-in", bucketCheckInsByPatient, k)
		}
		return nil
	}); err != nil {
		return err
	}
	r.Counts = append(r.Counts, KindCount{Kind: "goal check-ins", Count: n})
	return nil
}

// checkSync checks that every paired device and open conflict decrypts, and counts them.
func (s *Store) checkSync(tx *bolt.Tx, r *Report) error {
	for _, c := range []struct {
		bucket, label string
		open          func(k, v []byte) error
	}{
		{bucketPeers, "paired devices", func(k, v []byte) error { _, err := openPeer(s.keys, k, v); return err }},
		{bucketConflicts, "open conflicts", func(k, v []byte) error { _, err := openConflict(s.keys, k, v); return err }},
		{bucketFHIRPush, "shared-record publications", func(k, v []byte) error { _, err := s.keys.open(nil, v, k); return err }},
	} {
		b, err := bucket(tx, c.bucket)
		if err != nil {
			return err
		}
		n := 0
		if err := b.ForEach(func(k, v []byte) error {
			n++
			if err := c.open(k, v); err != nil {
				r.problem("%s %x: %v", c.label, k, err)
			}
			return nil
		}); err != nil {
			return err
		}
		r.Counts = append(r.Counts, KindCount{Kind: c.label, Count: n})
	}
	return nil
}

// checkRecords opens every record of a kind and decodes its body; it returns the live count.
func (s *Store) checkRecords(tx *bolt.Tx, kind Kind, body func() any, r *Report) (int, error) {
	b, err := bucket(tx, bucketOfKind(kind))
	if err != nil {
		return 0, err
	}
	n := 0
	err = b.ForEach(func(k, v []byte) error {
		e, err := openEnvelope(s.keys, v)
		switch {
		case err != nil:
			r.problem("%s %x: %v", kind, k, err)
		case !bytes.Equal(k, e.id[:]) || e.kind != kind:
			r.problem("%s %x: the record inside is %s %s", kind, k, e.kind, e.id)
		case e.deleted:
		default:
			v := body()
			if err := unmarshalBody(e, v); err != nil {
				r.problem("%v", err)
			}
			if p, ok := v.(*careplan.Plan); ok && (p.State == careplan.PlanAgreed) != e.final {
				r.problem("plan %s is %s but its envelope says final=%t", e.id, p.State, e.final)
			}
			if p, ok := v.(*careplan.Patient); ok {
				r.consentToPutRight(*p)
			}
			n++
		}
		return nil
	})
	return n, err
}

func (s *Store) checkCaseload(tx *bolt.Tx, r *Report) error {
	b, err := bucket(tx, bucketCaseload)
	if err != nil {
		return err
	}
	n := 0
	var arena stringArena
	err = b.ForEach(func(k, v []byte) error {
		n++
		if _, _, err := openCaseload(s.keys, &arena, nil, k, v); err != nil {
			r.problem("caseload entry %x: %v", k, err)
			return nil
		}
		if ok, _ := recordExists(tx, KindPatient, uuid.UUID(k)); !ok {
			r.problem("caseload entry %s has no patient record", uuid.UUID(k))
		}
		return nil
	})
	if err == nil && uint64(n) != b.Sequence() {
		r.problem("the caseload counts %d entries but holds %d", b.Sequence(), n)
	}
	return err
}

func checkNHSIndex(tx *bolt.Tx, r *Report) error {
	b, err := bucket(tx, bucketNHSIndex)
	if err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		if len(v) != 16 {
			r.problem("NHS-number index entry %x is damaged", k)
		} else if ok, _ := recordExists(tx, KindPatient, uuid.UUID(v)); !ok {
			r.problem("NHS-number index points at missing patient %s", uuid.UUID(v))
		}
		return nil
	})
}

func checkByPatient(index string, kind Kind) func(*bolt.Tx, *Report) error {
	return func(tx *bolt.Tx, r *Report) error {
		b, err := bucket(tx, index)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, _ []byte) error {
			if len(k) != 32 {
				r.problem("%s entry %x is damaged", index, k)
				return nil
			}
			if ok, _ := recordExists(tx, KindPatient, uuid.UUID(k[:16])); !ok {
				r.problem("%s entry points at missing patient %s", index, uuid.UUID(k[:16]))
			}
			if ok, _ := recordExists(tx, kind, uuid.UUID(k[16:])); !ok {
				r.problem("%s entry points at missing %s %s", index, kind, uuid.UUID(k[16:]))
			}
			return nil
		})
	}
}

// checkChanges checks that every change names a stored record. (A record that arrived by sync
// is logged at the local version it arrived at, which may be later or earlier than its own.)
func checkChanges(tx *bolt.Tx, r *Report) (int, error) {
	b, err := bucket(tx, bucketChanges)
	if err != nil {
		return 0, err
	}
	n := 0
	err = b.ForEach(func(k, v []byte) error {
		n++
		ch, err := decodeChange(k, v)
		if err != nil {
			r.problem("%v", err)
			return nil
		}
		rec, err := bucket(tx, bucketOfKind(ch.Kind))
		if err != nil {
			return err
		}
		stored := rec.Get(k[8:])
		if stored == nil {
			r.problem("change %d points at missing %s %s", ch.Version, ch.Kind, ch.ID)
			return nil
		}
		return nil
	})
	return n, err
}

func (s *Store) checkAudit(tx *bolt.Tx, r *Report) (int, error) {
	views, err := bucket(tx, bucketAudit)
	if err != nil {
		return 0, err
	}
	writes, err := bucket(tx, bucketChanges)
	if err != nil {
		return 0, err
	}
	n := 0
	err = views.ForEach(func(k, v []byte) error {
		n++
		sealed, err := viewSealed(v)
		if err == nil {
			_, err = openAudit(s.keys, k, sealed)
		}
		if err != nil {
			r.problem("audit entry %x: %v", k, err)
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	// Each write's audit entry is carried by its change-log entry.
	err = writes.ForEach(func(k, v []byte) error {
		n++
		if _, err := changeAudit(s.keys, k, v); err != nil {
			r.problem("audit entry of change %x: %v", k, err)
		}
		return nil
	})
	return n, err
}
