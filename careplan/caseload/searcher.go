package caseload

import (
	"slices"
	"strings"
)

// Searcher answers search-as-you-type. It remembers the last query and its matches, so a
// keystroke that only narrows the query (another letter, another word, a filter chosen)
// re-checks the previous matches instead of the whole caseload. A Searcher is for one search
// box: it is not safe for concurrent use.
type Searcher struct {
	ix      *Index
	have    bool // whether last and matches hold a previous search
	last    Query
	words   []string
	matches []int
}

// NewSearcher returns a Searcher over this index.
func (ix *Index) NewSearcher() *Searcher { return &Searcher{ix: ix} }

// Search returns the sorted positions that match q, the same as Index.Search.
func (s *Searcher) Search(q Query) []int {
	words := tokens(q.Text)
	q = q.prepared()
	var found []int
	if s.have && narrows(s.last, s.words, q, words) {
		found = s.ix.refine(s.matches, words, &q)
	} else {
		found = s.ix.search(words, &q)
	}
	s.have, s.last, s.words, s.matches = true, q, words, found
	return slices.Clone(found) // the caller may keep or change it; ours must stay as found
}

// narrows reports whether every match of the next query must also have matched the previous
// one: each previous word is inside some next word (typing on, "smit" → "smith j"), and any
// previous filter is still set the same. Backspace fails this and searches afresh.
func narrows(prev Query, prevWords []string, next Query, nextWords []string) bool {
	if (prev.Status != "" && prev.Status != next.Status) || (prev.KeyWorker != "" && prev.KeyWorker != next.KeyWorker) ||
		(prev.Practice != "" && prev.Practice != next.Practice) || (prev.Condition != "" && prev.Condition != next.Condition) ||
		(prev.Queue != QueueNone && (prev.Queue != next.Queue || prev.Today != next.Today)) {
		return false
	}
	for _, p := range prevWords {
		if !slices.ContainsFunc(nextWords, func(n string) bool { return strings.Contains(n, p) }) {
			return false
		}
	}
	return true
}
