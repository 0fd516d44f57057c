package caseload

import (
	"sort"
	"strings"

	"carehub/careplan"
)

// Query is what a key worker has typed and chosen in the caseload list.
type Query struct {
	// Text is matched word by word: every word must appear in the given, family or preferred
	// name, or (digits) in the NHS number. Case, accents, apostrophes and hyphens are ignored.
	Text string
	// Status keeps only people with this status; "" means any.
	Status careplan.Status
	// KeyWorker keeps only people with this key worker, by name as on the entry; "" means any.
	KeyWorker string
	// Practice keeps only people registered with this practice, by name; "" means any.
	Practice string
	// Condition keeps only people with this SNOMED CT condition code; "" means any.
	Condition string
	// Queue keeps only people in this work queue on the day Today; QueueNone means any.
	Queue Queue
	// Today is the day queues are worked out for; it matters only when Queue is set.
	Today careplan.Date

	day queueDay // Today's queue cut-offs, set by prepared
}

// prepared works out the query's queue cut-offs once, before it is checked against everyone.
func (q Query) prepared() Query {
	if q.Queue != QueueNone {
		q.day = dayOf(q.Today)
	}
	return q
}

// Search returns the sorted positions of the entries that match q.
func (ix *Index) Search(q Query) []int {
	q = q.prepared()
	return ix.search(tokens(q.Text), &q)
}

// search finds matches from scratch. The longest word is looked for first, by scanning all
// keys as one string, since it is usually the rarest; the other words and the filters are
// then checked only on the entries it found.
func (ix *Index) search(words []string, q *Query) []int {
	if len(words) == 0 {
		return ix.refine(nil, nil, q)
	}
	longest := 0
	for i, w := range words {
		if len(w) > len(words[longest]) {
			longest = i
		}
	}
	first := words[longest]
	if len(first) <= shortWord {
		// A letter or two matches most of the caseload: checking each key in turn beats
		// jumping from match to match.
		return ix.refine(nil, words, q)
	}
	var out []int
	for pos, i := 0, 0; pos < len(ix.keys); {
		j := strings.Index(ix.keys[pos:], first)
		if j < 0 {
			break
		}
		i = ix.entryAt(pos+j, i)
		if ix.matches(i, words, q) {
			out = append(out, i)
		}
		pos = ix.starts[i+1] // on to the next person: one match each is enough
	}
	return out
}

// shortWord is the longest word searched for entry by entry rather than by scanning all keys
// at once; measured with BenchmarkSearchKeystroke30k.
const shortWord = 1

// entryAt returns the entry whose key holds byte offset at, searching from entry from on.
func (ix *Index) entryAt(at, from int) int {
	rest := ix.starts[from+1:]
	return from + sort.Search(len(rest), func(k int) bool { return rest[k] > at })
}

// refine keeps those of previous positions that match: used when the query has only grown.
// The query is passed by pointer: it is checked against every person, and copying it each
// time was a measurable share of a search.
// nil previous means everyone.
func (ix *Index) refine(previous []int, words []string, q *Query) []int {
	if previous == nil {
		var out []int
		for i := range ix.entries {
			if ix.matches(i, words, q) {
				out = append(out, i)
			}
		}
		return out
	}
	out := make([]int, 0, len(previous))
	for _, i := range previous {
		if ix.matches(i, words, q) {
			out = append(out, i)
		}
	}
	return out
}

// matches reports whether entry i has every word and passes the filters.
func (ix *Index) matches(i int, words []string, q *Query) bool {
	if !ix.passesFilters(i, q) {
		return false
	}
	k := ix.key(i)
	for _, w := range words {
		if !strings.Contains(k, w) {
			return false
		}
	}
	return true
}

func (ix *Index) passesFilters(i int, q *Query) bool {
	e := &ix.entries[i]
	return (q.Status == "" || e.Status == q.Status) && (q.KeyWorker == "" || e.KeyWorker == q.KeyWorker) &&
		(q.Practice == "" || e.Practice == q.Practice) && (q.Condition == "" || e.HasCondition(q.Condition)) &&
		(q.Queue == QueueNone || q.Queue.in(e, q.day))
}
