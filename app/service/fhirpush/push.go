package fhirpush

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"time"

	"carehub/careplan"
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
	// Stop, when closed, stops the push before the next person: the one being sent is
	// finished, so nothing is left half-sent and no copy on the server is left newer than
	// carehub's record of it. Nil never stops.
	Stop <-chan struct{}
}

// Result counts what a push did, person by person (fhir.PushResult, which the screens name).
type Result = fhir.PushResult

// Push publishes to the server what changed since the last push to it, one transaction per
// person, and moves the server's checkpoint. A server that cannot be reached stops the push
// with ErrUnreachable, and closing opt.Stop with fhir.ErrPushStopped: those already sent stay
// recorded as sent, nothing else is, and the next push picks up where this one stopped. Only
// coordinators and administrators may push.
func Push(ctx context.Context, st *store.Store, opt Options) (Result, error) {
	res := Result{Server: opt.Server}
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
	// stopped records where the push stopped, with the people still to retry, and audits it.
	// It counts as the last publish only when it sent something.
	stopped := func(done int, err error) (Result, error) {
		cp.Retry = mergeIDs(cp.Retry, retry)
		if res.Resources > 0 {
			cp.Last = opt.Now()
		}
		detail := fmt.Sprintf("fhir push to %s stopped: %d of %d people sent; %s", host(opt.Server), done, len(ids), res.Summary())
		if serr := st.SaveFHIRCheckpoint(cp, detail); serr != nil {
			return res, serr
		}
		return res, err
	}
	for start := 0; start < len(ids); start += peopleAtATime {
		batch := ids[start:min(start+peopleAtATime, len(ids))]
		records, err := st.PatientRecordsOf(batch)
		if err != nil {
			return res, err
		}
		for i, rec := range records {
			if stopRequested(opt.Stop) {
				return stopped(start+i, fhir.ErrPushStopped)
			}
			p := &person{st: st, opt: opt, rec: rec}
			err := p.push(ctx, &res)
			if errors.Is(err, ErrUnreachable) || ctx.Err() != nil {
				retry = append(retry, rec.Patient.ID)
				return stopped(start+i, err)
			}
			if err != nil {
				res.Failures = append(res.Failures, failure(rec.Patient, err))
				retry = append(retry, rec.Patient.ID)
			}
			if opt.Progress != nil {
				opt.Progress(start+i+1, len(ids))
			}
		}
	}
	cp.Upto, cp.Retry, cp.Mapping, cp.Last = upto, retry, MappingVersion, opt.Now()
	return res, st.SaveFHIRCheckpoint(cp, fmt.Sprintf("fhir push to %s: %s", host(opt.Server), res.Summary()))
}

// stopRequested reports whether stop has been closed.
func stopRequested(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// failure is one person not published and why.
func failure(p careplan.Patient, err error) fhir.PushFailure {
	return fhir.PushFailure{PatientID: p.ID, Name: p.FullName(), NHSNumber: p.NHSNumber.Display(), Why: err.Error()}
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

// host is a server's host, for audit entries: enough to say where, nothing of a path's secrets.
func host(server string) string {
	if u, err := url.Parse(server); err == nil && u.Host != "" {
		return u.Host
	}
	return "the FHIR server"
}
