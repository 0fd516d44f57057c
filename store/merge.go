package store

import (
	"bytes"
	"encoding/json"
	"sort"
)

// merged is what merging two devices' copies of one record decided.
type merged struct {
	fields       map[string]json.RawMessage // the merged body's top-level fields
	deleted      bool
	final        bool
	meta         syncMeta // the union of both vectors, with the stamps of the values kept
	sameAsOurs   bool     // every value kept is ours: nothing to write but the vector
	sameAsTheirs bool
	clashes      []string // fields both devices changed to different values: a conflict
}

// appendOnly kinds are measurements and logs: they are never edited, only marked in error, so
// two copies never conflict; where both changed a field the later change is kept.
func appendOnly(k Kind) bool {
	return k == KindAssessment || k == KindOutcome || k == KindContact
}

// mergeCopies merges our copy of a record with theirs when each has edits the other lacks
// (neither vector covers the other). Field by field: a field changed on one side only takes
// that side's value; a field changed on both to the same value is fine; a field changed on both
// to different values keeps the later change (so every device settles on the same value) and
// is reported as a clash, so the other value is kept in a conflict and nothing is lost.
//
// An agreed plan version is final: it is kept whole (the later one if both are agreed), and any
// field the other copy changed differently is a clash, so edits made to a draft while it was
// being agreed elsewhere are kept for a coordinator rather than silently folded into what the
// person agreed.
func mergeCopies(kind Kind, ours, theirs envelope) merged {
	of, tf := bodyFields(ours.body), bodyFields(theirs.body)
	of[deletedField], tf[deletedField] = boolJSON(ours.deleted), boolJSON(theirs.deleted)
	m := merged{fields: map[string]json.RawMessage{}, meta: ours.meta.union(theirs.meta), sameAsOurs: true, sameAsTheirs: true}
	stamps := map[string]stamp{}
	if ours.final || theirs.final {
		return mergeFinal(ours, theirs, of, tf, m)
	}
	for _, f := range fieldNames(of, tf) {
		os, oursChanged := ours.meta.stampOf(f)
		ts, theirsChanged := theirs.meta.stampOf(f)
		takeTheirs := false
		switch {
		case oursChanged == theirsChanged && os == ts: // the same edit, or both as created
		case !theirsChanged:
		case !oursChanged:
			takeTheirs = true
		case theirs.meta.includes(os): // they saw our change and changed it again
			takeTheirs = true
		case ours.meta.includes(ts):
		default: // both changed it independently
			takeTheirs = later(ts, os)
			if growingList(kind, f) && !bytes.Equal(of[f], tf[f]) {
				// Dated decisions only ever added: keep every one from both sides.
				m.keepValue(f, of, tf, unionOfDated(of[f], tf[f]))
				stamps[f] = os
				if takeTheirs {
					stamps[f] = ts
				}
				continue
			}
			if !bytes.Equal(of[f], tf[f]) && !appendOnly(kind) {
				m.clashes = append(m.clashes, f)
			}
		}
		m.keep(f, of, tf, takeTheirs)
		if takeTheirs && theirsChanged {
			stamps[f] = ts
		} else if !takeTheirs && oursChanged {
			stamps[f] = os
		}
	}
	m.meta.stamps = sortedStamps(stamps)
	m.deleted = string(m.fields[deletedField]) == "true"
	delete(m.fields, deletedField)
	return m
}

// mergeFinal keeps an agreed version whole; see mergeCopies.
func mergeFinal(ours, theirs envelope, of, tf map[string]json.RawMessage, m merged) merged {
	winner, loser := ours, theirs
	wf, lf := of, tf
	takeTheirs := !ours.final || (theirs.final && later(stamp{origin: theirs.origin, version: theirs.version}, stamp{origin: ours.origin, version: ours.version}))
	if takeTheirs {
		winner, loser, wf, lf = theirs, ours, tf, of
	}
	for _, f := range fieldNames(of, tf) {
		m.keep(f, of, tf, takeTheirs)
		s, changed := loser.meta.stampOf(f)
		if ours.final && theirs.final && (f == "agreement" || f == "state") {
			continue // both agreed the same version: who and when is not a clinical difference
		}
		if changed && !winner.meta.includes(s) && !bytes.Equal(wf[f], lf[f]) {
			m.clashes = append(m.clashes, f)
		}
	}
	m.meta.stamps = winner.meta.stamps
	m.final = true
	m.deleted = winner.deleted
	delete(m.fields, deletedField)
	return m
}

// keep takes field f from their copy or ours.
func (m *merged) keep(f string, of, tf map[string]json.RawMessage, takeTheirs bool) {
	v := of[f]
	if takeTheirs {
		v = tf[f]
	}
	m.keepValue(f, of, tf, v)
}

// keepValue sets field f of the merge to v.
func (m *merged) keepValue(f string, of, tf map[string]json.RawMessage, v json.RawMessage) {
	if _, ok := of[f]; !ok || !bytes.Equal(v, of[f]) {
		m.sameAsOurs = false
	}
	if _, ok := tf[f]; !ok || !bytes.Equal(v, tf[f]) {
		m.sameAsTheirs = false
	}
	if v != nil {
		m.fields[f] = v
	}
}

// body is the merged record's JSON: its fields in name order, so every device that makes the
// same merge writes the same bytes.
func (m merged) body() ([]byte, error) { return json.Marshal(m.fields) }

func fieldNames(a, b map[string]json.RawMessage) []string {
	seen := make(map[string]bool, len(a)+len(b))
	var out []string
	for _, fields := range []map[string]json.RawMessage{a, b} {
		for f := range fields {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out
}

func boolJSON(b bool) json.RawMessage {
	if b {
		return json.RawMessage("true")
	}
	return json.RawMessage("false")
}

// growingList reports whether a field is a list of dated decisions that is only ever added to
// — a patient's consent history and status history — so two devices' additions are merged
// by keeping both, never offered as a choice that could drop a withdrawal of consent.
func growingList(kind Kind, field string) bool {
	return kind == KindPatient && (field == "consent" || field == "history")
}

// unionOfDated merges two lists of dated entries: every entry of either, each once, in date
// order. On the same day a refusal or withdrawal comes after a consent given, so the most
// careful decision is the one that counts; remaining ties go by the entries' text, so every
// device builds the same list.
func unionOfDated(a, b json.RawMessage) json.RawMessage {
	var as, bs []json.RawMessage
	if json.Unmarshal(a, &as) != nil || json.Unmarshal(b, &bs) != nil {
		return a
	}
	seen := map[string]bool{}
	var all []json.RawMessage
	for _, e := range append(as, bs...) {
		if !seen[string(e)] {
			seen[string(e)] = true
			all = append(all, e)
		}
	}
	type dated struct {
		On       string `json:"on"`
		Decision string `json:"decision"`
	}
	key := func(e json.RawMessage) (string, int) {
		var d dated
		_ = json.Unmarshal(e, &d)
		careful := 0
		if d.Decision != "" && d.Decision != "given" {
			careful = 1
		}
		return d.On, careful
	}
	sort.SliceStable(all, func(i, j int) bool {
		oi, ci := key(all[i])
		oj, cj := key(all[j])
		if oi != oj {
			return oi < oj
		}
		if ci != cj {
			return ci < cj
		}
		return string(all[i]) < string(all[j])
	})
	out, err := json.Marshal(all)
	if err != nil {
		return a
	}
	return out
}
