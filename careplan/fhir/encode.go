package fhir

import (
	"encoding/json"
	"errors"
)

// layout is how a Writer lays resources out.
type layout int

const (
	layoutBundle layout = iota + 1 // transaction Bundle entries, one per line
	layoutNDJSON                   // one bare resource per line
)

// errLayout is a Chunk given to a Writer of another layout than its Encoder's.
var errLayout = errors.New("fhir: chunk encoded for another kind of writer")

// Chunk is one or more people's resources, encoded by an Encoder and not yet written. Reset
// keeps its memory, so a chunk can be reused for the next people.
type Chunk struct {
	layout    layout
	data      []byte
	resources int
}

// Reset empties the chunk for reuse.
func (c *Chunk) Reset() {
	c.data, c.resources, c.layout = c.data[:0], 0, 0
}

// Resources is how many resources the chunk holds.
func (c *Chunk) Resources() int { return c.resources }

// Encoder maps people to resources and encodes them as its Writer lays them out. An Encoder
// is not safe for concurrent use; give each goroutine its own.
type Encoder struct {
	layout layout
	opts   Options
	json   *json.Encoder // writes into to, one resource per call
	to     *Chunk
	// viaJSON has encoding/json write every resource, the hot ones too (direct.go): for
	// tests comparing the two.
	viaJSON bool
}

func newEncoder(l layout, opts Options) *Encoder {
	e := &Encoder{layout: l, opts: opts}
	e.json = json.NewEncoder(chunkSink{e})
	return e
}

// chunkSink lets the json.Encoder append straight to the chunk being filled, with no copy of
// each resource in between.
type chunkSink struct{ e *Encoder }

func (s chunkSink) Write(b []byte) (int, error) {
	s.e.to.data = append(s.e.to.data, b...)
	return len(b), nil
}

// Encode appends the person's resources, if they may be exported, to c. json.Encoder writes
// what json.Marshal returns plus a newline: NDJSON keeps the newline; a Bundle entry is
// written as ",\n" and the entry, the newline dropped.
func (e *Encoder) Encode(c *Chunk, p Person) error {
	if c.layout != 0 && c.layout != e.layout {
		return errLayout
	}
	c.layout = e.layout
	e.to = c
	defer func() { e.to = nil }()
	rs := Resources(p, e.opts)
	for _, r := range rs {
		if d, ok := r.(directEncoder); ok && !e.viaJSON {
			if e.layout == layoutBundle {
				c.data = appendEntry(append(c.data, ",\n"...), EntryFor(r), d)
			} else {
				c.data = append(d.appendJSON(c.data), '\n')
			}
			c.resources++
			continue
		}
		var err error
		if e.layout == layoutBundle {
			c.data = append(c.data, ",\n"...)
			if err = e.json.Encode(EntryFor(r)); err == nil {
				c.data = c.data[:len(c.data)-1]
			}
		} else {
			err = e.json.Encode(r)
		}
		if err != nil {
			return err
		}
		c.resources++
	}
	return nil
}
