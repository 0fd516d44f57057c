package fhir_test

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"carehub/careplan/fhir"
)

// marshalled is what the writers wrote before they encoded into chunks: json.Marshal of each
// entry or resource, laid out by hand. Chunks must not change a byte of it.
func marshalled(t *testing.T, people []fhir.Person, opts fhir.Options, ndjson bool) []byte {
	t.Helper()
	var out bytes.Buffer
	if !ndjson {
		out.WriteString(`{"resourceType":"Bundle","type":"transaction","entry":[`)
	}
	entries := 0
	for _, p := range people {
		for _, r := range fhir.Resources(p, opts) {
			var v any = r
			if !ndjson {
				v = fhir.EntryFor(r)
			}
			line, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case ndjson:
				out.Write(append(line, '\n'))
			case entries > 0:
				out.WriteString(",\n")
			default:
				out.WriteString("\n")
			}
			if !ndjson {
				out.Write(line)
			}
			entries++
		}
	}
	if !ndjson {
		out.WriteString("\n]}\n")
	}
	return out.Bytes()
}

// written writes people with Write, or, with chunkSize > 0, in chunks of that many people
// from two encoders taking turns, as the export's workers do.
func written(t *testing.T, people []fhir.Person, opts fhir.Options, ndjson bool, chunkSize int) ([]byte, int) {
	t.Helper()
	var out bytes.Buffer
	w := fhir.NewBundleWriter(&out, opts)
	if ndjson {
		w = fhir.NewNDJSONWriter(&out, opts)
	}
	total := 0
	add := func(n int, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	if chunkSize == 0 {
		for _, p := range people {
			add(w.Write(p))
		}
	} else {
		encoders := []*fhir.Encoder{w.NewEncoder(), w.NewEncoder()}
		var c fhir.Chunk
		for i := 0; i < len(people); i += chunkSize {
			c.Reset()
			for _, p := range people[i:min(i+chunkSize, len(people))] {
				if err := encoders[i/chunkSize%2].Encode(&c, p); err != nil {
					t.Fatal(err)
				}
			}
			add(w.WriteChunk(&c))
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), total
}

func TestChunkedOutputIsByteForByteTheSerialOutput(t *testing.T) {
	people := demoPeople(60)
	for _, opts := range []fhir.Options{{}, {IncludeWithoutConsent: true}} {
		for _, ndjson := range []bool{false, true} {
			want := marshalled(t, people, opts, ndjson)
			for _, size := range []int{0, 1, 7, 100} {
				got, n := written(t, people, opts, ndjson, size)
				if !bytes.Equal(got, want) {
					t.Errorf("all=%t ndjson=%t chunks of %d: output differs from json.Marshal's (%d bytes, want %d)",
						opts.IncludeWithoutConsent, ndjson, size, len(got), len(want))
				}
				if lines := bytes.Count(want, []byte("\n")); ndjson && n != lines {
					t.Errorf("ndjson chunks of %d: %d resources counted, %d lines", size, n, lines)
				}
			}
		}
	}
}

func TestChunkForAnotherWriterIsRefused(t *testing.T) {
	var c fhir.Chunk
	if err := fhir.NewNDJSONWriter(io.Discard, fhir.Options{}).NewEncoder().Encode(&c, demoPeople(1)[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := fhir.NewBundleWriter(io.Discard, fhir.Options{}).WriteChunk(&c); err == nil {
		t.Error("a bundle writer wrote an NDJSON chunk")
	}
}
