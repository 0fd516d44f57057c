package fhirpush

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"carehub/careplan/fhir"
	"carehub/store"
)

// transaction is one person's changes as one FHIR transaction.
type transaction struct {
	entries []txEntry
}

type txEntry struct {
	FullURL  string        `json:"fullUrl,omitempty"`
	Resource fhir.Resource `json:"resource,omitempty"`
	Request  txRequest     `json:"request"`
	key      string        // carehub's key of the resource
	hash     string        // what was sent, for the publication record
}

type txRequest struct {
	Method  string `json:"method"`
	URL     string `json:"url"`
	IfMatch string `json:"ifMatch,omitempty"`
}

func (t *transaction) count(method string) int {
	n := 0
	for _, e := range t.entries {
		if e.Request.Method == method {
			n++
		}
	}
	return n
}

// idSetter is a resource whose id can be given the server's (fhir.Base).
type idSetter interface{ SetID(id string) }

// transaction builds the person's transaction: a resource the server has (found, or published
// before) is updated by its server id, If-Match the version carehub last saw, so a copy changed
// on the server since is refused, not overwritten; a new one is created, its fullUrl the
// urn:uuid the other entries reference it by; one no longer in the plan is deleted. A Patient
// the server had before carehub is referenced and never changed.
func (p *person) transaction(all, changed []*item, removed []store.FHIRPublished) *transaction {
	serverID := map[string]string{}
	for _, it := range all {
		if it.prev != nil {
			serverID[it.key] = it.prev.ServerID
		}
	}
	created := map[string]bool{}
	for _, it := range changed {
		if it.prev == nil {
			created[it.key] = true
		}
	}
	relink := func(typ, id string) string {
		key := typ + "/" + id
		if created[key] {
			return fhir.URN(typ, id)
		}
		if sid := serverID[key]; sid != "" {
			return typ + "/" + sid
		}
		return key
	}
	tx := &transaction{}
	for _, it := range changed {
		if it.r.ResourceType() == "Patient" && it.prev != nil && !p.pub.OwnsPatient {
			continue
		}
		fhir.Relink(it.r, relink)
		e := txEntry{Resource: it.r, key: it.key, hash: it.hash}
		if it.prev != nil {
			it.r.(idSetter).SetID(it.prev.ServerID)
			e.Request = txRequest{Method: http.MethodPut, URL: it.r.ResourceType() + "/" + it.prev.ServerID}
			if it.prev.Version != "" {
				e.Request.IfMatch = `W/"` + it.prev.Version + `"`
			}
		} else {
			e.FullURL = fhir.URN(it.r.ResourceType(), it.r.ResourceID())
			it.r.(idSetter).SetID("")
			e.Request = txRequest{Method: http.MethodPost, URL: it.r.ResourceType()}
		}
		tx.entries = append(tx.entries, e)
	}
	for _, r := range removed {
		if r.ServerID != "" {
			tx.entries = append(tx.entries, deleteEntry(r))
		}
	}
	return tx
}

func deleteEntry(r store.FHIRPublished) txEntry {
	typ, _, _ := cutKey(r.Key)
	return txEntry{key: r.Key, Request: txRequest{Method: http.MethodDelete, URL: typ + "/" + r.ServerID}}
}

// cutKey splits "Type/id".
func cutKey(key string) (typ, id string, ok bool) {
	for i := 0; i < len(key); i++ {
		if key[i] == '/' {
			return key[:i], key[i+1:], true
		}
	}
	return key, "", false
}

// send posts the transaction and reads what the server did with each entry.
func (p *person) send(ctx context.Context, tx *transaction) ([]entryResult, error) {
	raw, err := json.Marshal(struct {
		ResourceType string    `json:"resourceType"`
		Type         string    `json:"type"`
		Entry        []txEntry `json:"entry"`
	}{"Bundle", "transaction", tx.entries})
	if err != nil {
		return nil, err
	}
	answer, err := p.opt.Client.Post(ctx, raw, false)
	if err != nil {
		return nil, p.failed("the server refused the transaction", err)
	}
	methods := make([]string, len(tx.entries))
	for i, e := range tx.entries {
		methods[i] = e.Request.Method
	}
	return parseTransactionResponse(answer, methods)
}

// save records what is now on the server of the person, with its audit entry.
func (p *person) save(all []*item, tx *transaction, results []entryResult, state, what string) error {
	sent := map[string]entryResult{}
	if tx != nil {
		for i, e := range tx.entries {
			sent[e.key] = results[i]
			if e.Request.Method == http.MethodPost && e.Resource.ResourceType() == "Patient" {
				p.pub.OwnsPatient = true
			}
		}
	}
	pub := store.FHIRPublication{PatientID: p.rec.Patient.ID, OwnsPatient: p.pub.OwnsPatient, State: state}
	for _, it := range all {
		rec := store.FHIRPublished{Key: it.key, Hash: it.hash}
		if r, ok := sent[it.key]; ok {
			rec.ServerID, rec.Version = r.ID, r.Version
		} else if it.prev != nil {
			rec.ServerID, rec.Version = it.prev.ServerID, it.prev.Version
			if it.prev.Hash != "" && it.prev.Hash != it.hash && !(it.r.ResourceType() == "Patient" && !p.pub.OwnsPatient) {
				continue // not sent, yet changed: keep the old hash so it is sent next time
			}
		} else {
			continue
		}
		pub.Resources = append(pub.Resources, rec)
	}
	p.pub, p.had = pub, true
	return p.st.SaveFHIRPublication(p.opt.Server, pub, fmt.Sprintf("fhir push to %s: %s (%s)", host(p.opt.Server), state, what))
}

// retract deletes what was published of a person who withdrew consent to share with
// professionals: consent to share is what let it reach the shared record. What is on the
// server is found by carehub's identifiers first, so a resource already gone is not an error.
// A Patient the server had before carehub is left alone.
func (p *person) retract(ctx context.Context, res *Result) error {
	var keys []string
	for _, r := range p.pub.Resources {
		if typ, _, _ := cutKey(r.Key); typ != "Patient" || p.pub.OwnsPatient {
			keys = append(keys, r.Key)
		}
	}
	onServer, err := p.findByIdentifier(ctx, keys)
	if err != nil {
		return err
	}
	tx := &transaction{}
	for _, k := range keys {
		if f, ok := onServer[k]; ok {
			tx.entries = append(tx.entries, deleteEntry(store.FHIRPublished{Key: k, ServerID: f.ID}))
		}
	}
	if len(tx.entries) > 0 {
		if _, err := p.send(ctx, tx); err != nil {
			return err
		}
	}
	res.Retracted++
	res.Resources += len(tx.entries)
	p.pub = store.FHIRPublication{PatientID: p.rec.Patient.ID, State: store.RetractedState}
	return p.st.SaveFHIRPublication(p.opt.Server, p.pub,
		fmt.Sprintf("fhir push to %s: retracted, consent to share withdrawn (%d deleted)", host(p.opt.Server), len(tx.entries)))
}
