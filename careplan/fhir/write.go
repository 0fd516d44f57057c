package fhir

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
)

// Writer streams people out one at a time, so exporting a whole hub holds one person's
// resources in memory, not everyone's.
type Writer interface {
	// Write writes the person's resources, if they may be exported, and returns how many.
	Write(p Person) (int, error)
	// Close finishes the output (the Bundle's closing brackets) and flushes it. It does not
	// close the underlying io.Writer.
	Close() error
}

// errClosed is returned for a write after Close.
var errClosed = errors.New("fhir: write after close")

// NewBundleWriter writes a transaction Bundle to w, entry by entry.
func NewBundleWriter(w io.Writer, opts Options) Writer {
	return &bundleWriter{out: bufio.NewWriterSize(w, 1<<16), opts: opts}
}

// NewNDJSONWriter writes one resource per line to w (bulk-data NDJSON), with no Bundle.
func NewNDJSONWriter(w io.Writer, opts Options) Writer {
	return &ndjsonWriter{out: bufio.NewWriterSize(w, 1<<16), opts: opts}
}

var (
	_ Writer = (*bundleWriter)(nil)
	_ Writer = (*ndjsonWriter)(nil)
)

// bundleWriter's small writes (commas, brackets) go to a bufio.Writer, whose first error
// sticks and is returned by the next Write of an entry or by Flush in Close.
type bundleWriter struct {
	out     *bufio.Writer
	opts    Options
	started bool
	entries int
	closed  bool
}

func (b *bundleWriter) start() {
	if !b.started {
		b.out.WriteString(`{"resourceType":"Bundle","type":"transaction","entry":[`)
		b.started = true
	}
}

// Write adds the person's entries, each on its own line for readable diffs of exports.
func (b *bundleWriter) Write(p Person) (int, error) {
	if b.closed {
		return 0, errClosed
	}
	b.start()
	rs := Resources(p, b.opts)
	for _, r := range rs {
		line, err := json.Marshal(EntryFor(r))
		if err != nil {
			return 0, err
		}
		if b.entries > 0 {
			b.out.WriteByte(',')
		}
		b.out.WriteByte('\n')
		if _, err := b.out.Write(line); err != nil {
			return 0, err
		}
		b.entries++
	}
	return len(rs), nil
}

// Close ends the entry array and the Bundle; an empty export is still a valid Bundle.
func (b *bundleWriter) Close() error {
	if b.closed {
		return nil
	}
	b.start()
	b.closed = true
	b.out.WriteString("\n]}\n")
	return b.out.Flush()
}

type ndjsonWriter struct {
	out    *bufio.Writer
	opts   Options
	closed bool
}

// Write writes each of the person's resources as one line.
func (n *ndjsonWriter) Write(p Person) (int, error) {
	if n.closed {
		return 0, errClosed
	}
	rs := Resources(p, n.opts)
	for _, r := range rs {
		line, err := json.Marshal(r)
		if err != nil {
			return 0, err
		}
		line = append(line, '\n')
		if _, err := n.out.Write(line); err != nil {
			return 0, err
		}
	}
	return len(rs), nil
}

// Close flushes what is buffered.
func (n *ndjsonWriter) Close() error {
	if n.closed {
		return nil
	}
	n.closed = true
	return n.out.Flush()
}
