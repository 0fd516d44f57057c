package fhir

import (
	"bufio"
	"errors"
	"io"
)

// Writer streams people out one at a time, so exporting a whole hub holds one person's
// resources in memory, not everyone's.
type Writer interface {
	// Write writes the person's resources, if they may be exported, and returns how many.
	Write(p Person) (int, error)
	// NewEncoder returns an Encoder for this Writer's layout. Mapping and encoding are the
	// slow part of writing, so an export may run one Encoder per core and pass the Chunks
	// to WriteChunk in the people's order: the output is the same as from Write.
	NewEncoder() *Encoder
	// WriteChunk writes people encoded by an Encoder from NewEncoder and returns how many
	// resources they were.
	WriteChunk(c *Chunk) (int, error)
	// Close finishes the output (the Bundle's closing brackets) and flushes it. It does not
	// close the underlying io.Writer.
	Close() error
}

// errClosed is returned for a write after Close.
var errClosed = errors.New("fhir: write after close")

// NewBundleWriter writes a transaction Bundle to w, entry by entry.
func NewBundleWriter(w io.Writer, opts Options) Writer {
	return &bundleWriter{out: bufio.NewWriterSize(w, 1<<16), enc: newEncoder(layoutBundle, opts)}
}

// NewNDJSONWriter writes one resource per line to w (bulk-data NDJSON), with no Bundle.
func NewNDJSONWriter(w io.Writer, opts Options) Writer {
	return &ndjsonWriter{out: bufio.NewWriterSize(w, 1<<16), enc: newEncoder(layoutNDJSON, opts)}
}

var (
	_ Writer = (*bundleWriter)(nil)
	_ Writer = (*ndjsonWriter)(nil)
)

// bundleWriter's small writes (brackets) go to a bufio.Writer, whose first error sticks and is
// returned by the next write of a chunk or by Flush in Close.
type bundleWriter struct {
	out     *bufio.Writer
	enc     *Encoder
	chunk   Chunk // Write's, reused from person to person
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
	b.chunk.Reset()
	if err := b.enc.Encode(&b.chunk, p); err != nil {
		return 0, err
	}
	return b.WriteChunk(&b.chunk)
}

func (b *bundleWriter) NewEncoder() *Encoder { return newEncoder(layoutBundle, b.enc.opts) }

// WriteChunk writes the chunk's entries; each starts with the comma that separates it from
// the one before, except the Bundle's first.
func (b *bundleWriter) WriteChunk(c *Chunk) (int, error) {
	if b.closed {
		return 0, errClosed
	}
	if c.layout != layoutBundle {
		return 0, errLayout
	}
	b.start()
	data := c.data
	if b.entries == 0 && len(data) > 0 {
		data = data[1:]
	}
	if _, err := b.out.Write(data); err != nil {
		return 0, err
	}
	b.entries += c.resources
	return c.resources, nil
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
	enc    *Encoder
	chunk  Chunk
	closed bool
}

// Write writes each of the person's resources as one line.
func (n *ndjsonWriter) Write(p Person) (int, error) {
	if n.closed {
		return 0, errClosed
	}
	n.chunk.Reset()
	if err := n.enc.Encode(&n.chunk, p); err != nil {
		return 0, err
	}
	return n.WriteChunk(&n.chunk)
}

func (n *ndjsonWriter) NewEncoder() *Encoder { return newEncoder(layoutNDJSON, n.enc.opts) }

// WriteChunk writes the chunk's lines.
func (n *ndjsonWriter) WriteChunk(c *Chunk) (int, error) {
	if n.closed {
		return 0, errClosed
	}
	if c.layout != layoutNDJSON {
		return 0, errLayout
	}
	if _, err := n.out.Write(c.data); err != nil {
		return 0, err
	}
	return c.resources, nil
}

// Close flushes what is buffered.
func (n *ndjsonWriter) Close() error {
	if n.closed {
		return nil
	}
	n.closed = true
	return n.out.Flush()
}
