package fhirpush

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"time"

	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/store"
)

// MappingVersion names the mapping pushes use. A push that finds its server's checkpoint made
// with another mapping examines everyone again (sending only what the new mapping changed).
const MappingVersion = "uk-core-2026-issue20"

// peopleAtATime is how many people's records are read from the store at once.
const peopleAtATime = 64

// Options say where and how to push.
type Options struct {
	Server   string // the server's base URL, normalised (fhir.NormalServerURL)
	Client   *Client
	Codes    fhir.Codes
	Now      func() time.Time
	Progress func(done, total int) // called after each person; may be nil
}

// Result counts what a push did, person by person.
type Result struct {
	Examined  int // people whose records changed since the last push (everyone, the first time)
	Published int // people published for the first time
	Updated   int // people whose published plan or records changed
	Closed    int // people whose record was closed: their plan is now marked completed
	Retracted int // people whose consent was withdrawn: what was published is deleted
	Unchanged int // examined, but nothing the shared record shows had changed
	Resources int // resources created, updated or deleted on the server
	Conflicts int // people whose server copy changed since carehub published it (412)
	// Failures has one line per person not pushed (a conflict, a refusal), in the operator's
	// words; they are tried again next time.
	Failures []string
}

// Push publishes to the server what changed since the last push to it, one transaction per
// person, and moves the server's checkpoint. A server that cannot be reached stops the push
// with ErrUnreachable: those already sent stay recorded as sent, nothing else is, and the next
// push picks up where this one stopped. Only coordinators and administrators may push.
func Push(ctx context.Context, st *store.Store, opt Options) (Result, error) {
	var res Result
	if !st.SignedIn().PublishesSharedRecord() {
		return res, fmt.Errorf("%w: only coordinators and administrators publish to the shared record", access.ErrNotAllowed)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	cp, err := st.FHIRCheckpoint(opt.Server)
	if err != nil {
		return res, err
	}
	upto, err := st.ChangePosition()
	if err != nil {
		return res, err
	}
	ids, err := candidates(st, cp)
	if err != nil {
		return res, err
	}
	res.Examined = len(ids)
	var retry []string
	for start := 0; start < len(ids); start += peopleAtATime {
		batch := ids[start:min(start+peopleAtATime, len(ids))]
		records, err := st.PatientRecordsOf(batch)
		if err != nil {
			return res, err
		}
		for i, rec := range records {
			p := &person{st: st, opt: opt, rec: rec}
			err := p.push(ctx, &res)
			if errors.Is(err, ErrUnreachable) || ctx.Err() != nil {
				cp.Retry = mergeIDs(cp.Retry, append(retry, rec.Patient.ID))
				cp.Last = opt.Now()
				detail := fmt.Sprintf("fhir push to %s stopped: %d of %d people sent; %s", host(opt.Server), start+i, len(ids), summary(res))
				if serr := st.SaveFHIRCheckpoint(cp, detail); serr != nil {
					return res, serr
				}
				return res, err
			}
			if err != nil {
				res.Failures = append(res.Failures, err.Error())
				retry = append(retry, rec.Patient.ID)
			}
			if opt.Progress != nil {
				opt.Progress(start+i+1, len(ids))
			}
		}
	}
	cp.Upto, cp.Retry, cp.Mapping, cp.Last = upto, retry, MappingVersion, opt.Now()
	return res, st.SaveFHIRCheckpoint(cp, fmt.Sprintf("fhir push to %s: %s", host(opt.Server), summary(res)))
}

// candidates are the people to examine: those with a change since the checkpoint and those
// whose last push failed, or everyone when the server has never been pushed to or was pushed
// to with another mapping.
func candidates(st *store.Store, cp store.FHIRCheckpoint) ([]string, error) {
	set := map[string]bool{}
	if cp.Mapping != MappingVersion {
		rows, err := st.Caseload()
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			set[r.PatientID] = true
		}
	} else {
		changed, err := st.PatientsChangedSince(cp.Upto)
		if err != nil {
			return nil, err
		}
		set = changed
	}
	for _, id := range cp.Retry {
		set[id] = true
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

func mergeIDs(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// summary is a push's counts in words, for the audit and the command's last line.
func summary(r Result) string {
	return fmt.Sprintf("%d people examined, %d published, %d updated, %d closed, %d retracted, %d unchanged, "+
		"%d resources sent, %d conflicts, %d failed", r.Examined, r.Published, r.Updated, r.Closed, r.Retracted,
		r.Unchanged, r.Resources, r.Conflicts, len(r.Failures))
}

// Summary is Result in words: "40 people examined, 12 published, …".
func (r Result) Summary() string { return summary(r) }

// host is a server's host, for audit entries: enough to say where, nothing of a path's secrets.
func host(server string) string {
	if u, err := url.Parse(server); err == nil && u.Host != "" {
		return u.Host
	}
	return "the FHIR server"
}
