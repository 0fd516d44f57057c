package ui

import (
	"errors"
	"fmt"
	"strings"

	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/ui/kit"
)

// publishSummary is a publish's outcome in a coordinator's words: a title, what was done, and
// each person not sent.
type publishSummary struct {
	title    string
	lines    []string
	failures []string
	failed   bool // nothing could be done: the lines are a problem
}

// publishOutcome words what a publish to server did; done is how many people it had been
// through when it ended, which is all it examined unless it stopped part way.
func publishOutcome(server string, res fhir.PushResult, err error, done int) publishSummary {
	o := publishSummary{failures: failureLines(res.Failures)}
	if err == nil {
		done = res.Examined // it went through everyone it looked at
	}
	switch {
	case err == nil && len(res.Failures) == 0:
		o.title = "Published to the shared record"
		o.lines = countLines(server, res, done)
	case err == nil:
		o.title = "Published, but " + plural(len(res.Failures), "person was", "people were") + " not sent"
		o.lines = countLines(server, res, done)
	case errors.Is(err, fhir.ErrPushStopped):
		o.title = "Publishing stopped"
		o.lines = append([]string{fmt.Sprintf("Stopped, as asked, after %s of %s.", thousands(done), plural(res.Examined, "person", "people"))},
			countLines(server, res, done)...)
		o.lines = append(o.lines, "Those sent are recorded; the rest are sent at the next publish.")
	case errors.Is(err, fhir.ErrUnreachable):
		o.title, o.failed = "The shared record could not be reached", true
		o.lines = []string{"carehub could not reach " + server + ". Nothing more was sent, and nothing unsent was marked as sent: " +
			"publish again once it is back, and carehub carries on where this stopped."}
		if done > 0 {
			o.lines = append(o.lines, countLines(server, res, done)...)
		}
		o.lines = append(o.lines, "What went wrong: "+kit.OneLine(err))
	case errors.Is(err, fhir.ErrNoServer):
		o.title, o.failed = "Nothing was published", true
		o.lines = []string{noServerText}
	case errors.Is(err, access.ErrNotAllowed):
		o.title, o.failed = "Nothing was published", true
		o.lines = []string{"Only coordinators and administrators publish to the shared record."}
	default:
		o.title, o.failed = "Publishing failed", true
		o.lines = []string{kit.Sentence(kit.OneLine(err))}
		if done > 0 {
			o.lines = append(o.lines, countLines(server, res, done)...)
		}
	}
	return o
}

// countLines say what was sent, person by person, and why the rest of those looked at were not.
func countLines(server string, res fhir.PushResult, done int) []string {
	if res.Examined == 0 {
		return []string{"Nothing had changed since the last publish, so nothing was sent."}
	}
	var sent []string
	for _, c := range []struct {
		n    int
		what string
	}{
		{res.Published, "published for the first time"},
		{res.Updated, "updated"},
		{res.Closed, "closed (their plan now shows as ended)"},
		{res.Retracted, "removed, having withdrawn consent to share"},
		{res.Unchanged, "already up to date"},
	} {
		if c.n > 0 {
			sent = append(sent, plural(c.n, "person", "people")+" "+c.what)
		}
	}
	var lines []string
	if len(sent) > 0 {
		lines = append(lines, "To "+server+": "+strings.Join(sent, ", ")+".")
	}
	accounted := res.Published + res.Updated + res.Closed + res.Retracted + res.Unchanged + len(res.Failures)
	if rest := done - accounted; rest > 0 {
		lines = append(lines, plural(rest, "other person is", "other people are")+" not published: they have no agreed plan yet, "+
			"have not consented to share with professionals, or are no longer with the hub.")
	}
	return lines
}

// failureLines name each person not sent, and why: by name and NHS number, since the screen
// is for those who may see both.
func failureLines(failures []fhir.PushFailure) []string {
	out := make([]string, len(failures))
	for i, f := range failures {
		out[i] = fmt.Sprintf("%s (NHS number %s): %s", f.Name, f.NHSNumber, f.Why)
	}
	return out
}
