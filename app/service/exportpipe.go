package service

import (
	"sync"

	"carehub/careplan/fhir"
)

// Sizes of the FHIR export pipeline: people per batch handed to an encoder, and batches in
// flight per encoder. They bound what the pipeline holds (a few hundred people and their
// encoded resources, a few MB) however large the hub.
const (
	fhirBatchPeople     = 32
	fhirBatchesInFlight = 4
)

// fhirPipeline maps and encodes people on several goroutines while the store's read
// transaction goes on, and writes the encoded batches in the order the people came, so the
// file is byte for byte what Writer.Write one person at a time writes
// (TestParallelFHIRExportIsTheSerialExport). Add and Close are called from one goroutine.
type fhirPipeline struct {
	w       fhir.Writer
	free    chan *fhirBatch // empty batches; taking one blocks while all are in flight
	work    chan *fhirBatch // to the encoders
	order   chan *fhirBatch // to the writer, in the order the batches were filled
	failed  chan struct{}   // closed at the first error, to stop the store's pass early
	filling *fhirBatch
	workers sync.WaitGroup
	written chan struct{} // closed when the writer has finished

	// Set by the writer goroutine, read after written is closed.
	resources int
	err       error
}

// fhirBatch is people on their way through the pipeline and, once encoded, their resources.
type fhirBatch struct {
	people []fhir.Person
	chunk  fhir.Chunk
	done   chan error // the encoder's result
}

// newFHIRPipeline starts workers encoders and the writer for w.
func newFHIRPipeline(w fhir.Writer, workers int) *fhirPipeline {
	n := workers * fhirBatchesInFlight
	p := &fhirPipeline{
		w:       w,
		free:    make(chan *fhirBatch, n),
		work:    make(chan *fhirBatch, n),
		order:   make(chan *fhirBatch, n),
		failed:  make(chan struct{}),
		written: make(chan struct{}),
	}
	for range n {
		p.free <- &fhirBatch{people: make([]fhir.Person, 0, fhirBatchPeople), done: make(chan error, 1)}
	}
	for range workers {
		enc := w.NewEncoder()
		p.workers.Go(func() { p.encode(enc) })
	}
	go p.write()
	return p
}

// Add queues one person. It returns the pipeline's first error once there is one, so the
// caller stops reading the store.
func (p *fhirPipeline) Add(person fhir.Person) error {
	select {
	case <-p.failed:
		return p.err // written before failed was closed, and never again
	default:
	}
	if p.filling == nil {
		p.filling = <-p.free
	}
	p.filling.people = append(p.filling.people, person)
	if len(p.filling.people) == fhirBatchPeople {
		p.send()
	}
	return nil
}

func (p *fhirPipeline) send() {
	b := p.filling
	p.filling = nil
	p.order <- b
	p.work <- b
}

// Close sends the last batch, waits for everything to be written, and returns the number of
// resources written and the first error. It does not close the Writer.
func (p *fhirPipeline) Close() (int, error) {
	if p.filling != nil {
		p.send()
	}
	close(p.work)
	close(p.order)
	p.workers.Wait()
	<-p.written
	return p.resources, p.err
}

func (p *fhirPipeline) encode(enc *fhir.Encoder) {
	for b := range p.work {
		b.chunk.Reset()
		var err error
		for _, person := range b.people {
			if err = enc.Encode(&b.chunk, person); err != nil {
				break
			}
		}
		b.done <- err
	}
}

func (p *fhirPipeline) write() {
	defer close(p.written)
	for b := range p.order {
		err := <-b.done
		if err == nil && p.err == nil {
			var n int
			n, err = p.w.WriteChunk(&b.chunk)
			p.resources += n
		}
		if err != nil && p.err == nil {
			p.err = err
			close(p.failed)
		}
		clear(b.people) // let the people go now, not when the batch is next filled
		b.people = b.people[:0]
		p.free <- b
	}
}
