package store

import (
	"errors"
	"io"
	"reflect"
	"runtime"

	"carehub/store/bundle"
)

// Reading a bundle (decrypting its chunks, hashing them for the signature) and decoding each
// record's JSON body take longer than applying the records to the store. eachAhead reads on
// one goroutine and decodes on others (one per processor) while the import's transaction
// applies what has already been decoded, in the bundle's order; the transaction itself stays
// on one goroutine. The decoders also seal each record for this store as it came (most of a
// first sync's records are stored exactly so: putIncoming), which the transaction's goroutine
// would otherwise do.

// aheadItem is one bundle item, read (and for a record, decoded) ahead of being applied.
type aheadItem struct {
	raw []byte   // the item as it came
	rec envelope // a record item, read, with its body decoded ahead (envelope.decoded)
	err error    // the record item could not be read
}

// record is the item as a record: readRecordItem's result.
func (it aheadItem) record() (envelope, error) { return it.rec, it.err }

// aheadBatch is how many items travel between the goroutines at a time, and aheadBatches how
// many batches may be read ahead of the one being applied: enough to keep every processor
// busy, little enough to hold a few MB at most.
const (
	aheadBatch   = 64
	aheadBatches = 8
)

// aheadRun is one batch of items, decoded once done is closed.
type aheadRun struct {
	items []aheadItem
	done  chan struct{}
}

var errStopped = errors.New("import stopped")

// eachAhead streams a bundle's items to fn in order, as bundle.Each does, reading and
// decoding them ahead on other goroutines, and returns the manifest bundle.Each verified.
// fn runs on the calling goroutine. When fn fails, reading stops and fn's error is returned;
// eachAhead returns only once the reading goroutine has finished with r.
func eachAhead(r io.ReadSeeker, self bundle.Identity, sender bundle.Card, k *keys, fn func(aheadItem) error) (bundle.Manifest, error) {
	inOrder := make(chan *aheadRun, aheadBatches) // to fn, in the bundle's order
	toDecode := make(chan *aheadRun, aheadBatches)
	stop := make(chan struct{})
	for range max(1, runtime.GOMAXPROCS(0)) {
		go func() {
			for run := range toDecode {
				for i := range run.items {
					run.items[i] = readAhead(run.items[i].raw, k)
				}
				close(run.done)
			}
		}()
	}
	var readErr error
	var verified bundle.Manifest
	go func() {
		defer close(inOrder)
		defer close(toDecode)
		run := &aheadRun{items: make([]aheadItem, 0, aheadBatch), done: make(chan struct{})}
		send := func() error {
			select {
			case inOrder <- run:
			case <-stop:
				return errStopped
			}
			toDecode <- run // never blocks for long: the decoders take every run inOrder holds
			run = &aheadRun{items: make([]aheadItem, 0, aheadBatch), done: make(chan struct{})}
			return nil
		}
		verified, readErr = bundle.Each(r, self, sender, func(item []byte) error {
			select {
			case <-stop:
				return errStopped
			default:
			}
			run.items = append(run.items, aheadItem{raw: item})
			if len(run.items) < aheadBatch {
				return nil
			}
			return send()
		})
		if readErr == nil && len(run.items) > 0 {
			readErr = send()
		}
	}()
	defer func() {
		close(stop)
		for range inOrder { // let the reader see stop and finish with r
		}
	}()
	for run := range inOrder {
		<-run.done
		for _, it := range run.items {
			if err := fn(it); err != nil {
				return bundle.Manifest{}, err
			}
		}
	}
	return verified, readErr
}

// readAhead reads a record item, decodes its body and seals it under k as it came; conflicts
// and check-ins are left as they are. Anything else is read as a record, so a bad item fails
// as readRecordItem says.
func readAhead(item []byte, k *keys) aheadItem {
	it := aheadItem{raw: item}
	if len(item) > 0 && (item[0] == itemConflict || item[0] == itemCheckIn) {
		return it
	}
	it.rec, it.err = readRecordItem(item)
	if it.err == nil && !it.rec.deleted {
		if v := newBody(it.rec.kind); v != nil && decodeBody(it.rec.body, v) == nil {
			it.rec.decoded = v // a body that fails to decode is decoded again, and refused, when applied
			it.rec.sealed = sealEnvelope(k, it.rec)
		}
	}
	return it
}

// takeDecoded sets *out to env's body as decoded ahead, when it was and out is a pointer to
// the same type, and reports whether it did.
func takeDecoded(env envelope, out any) bool {
	if env.decoded == nil {
		return false
	}
	src, dst := reflect.ValueOf(env.decoded), reflect.ValueOf(out)
	if src.Type() != dst.Type() || dst.Kind() != reflect.Pointer {
		return false
	}
	dst.Elem().Set(src.Elem())
	return true
}
