package fhirpush

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"carehub/careplan"
	"carehub/careplan/fhir"
	"carehub/store"
)

// ErrConflict is a server copy changed by someone else since carehub published it: the
// server refused carehub's version (412 Precondition Failed), and carehub does not overwrite.
var ErrConflict = errors.New("the shared record's copy was changed by someone else since carehub published it; carehub has not overwritten it")

// person is one person's push: their records, and what is published of them on the server.
type person struct {
	st  *store.Store
	opt Options
	rec store.PatientRecords
	pub store.FHIRPublication
	had bool
}

// push decides what the person needs (publish, close, retract or nothing) and does it.
func (p *person) push(ctx context.Context, res *Result) error {
	pt := p.rec.Patient
	var err error
	p.pub, p.had, err = p.st.FHIRPublication(p.opt.Server, pt.ID)
	if err != nil {
		return err
	}
	live := p.had && p.pub.State != store.RetractedState
	consented := careplan.HasConsent(pt.Consent, careplan.ConsentToShareProfessionals)
	rs := fhir.Resources(p.person(), fhir.Options{AgreedPlanOnly: true, WithoutEncounters: true, Codes: &p.opt.Codes})
	switch {
	case consented && len(rs) > 0 && (pt.Status.Open() || live):
		return p.publish(ctx, rs, res)
	case live:
		return p.retract(ctx, res)
	}
	return nil
}

func (p *person) person() fhir.Person {
	r := p.rec
	out := fhir.Person{Patient: r.Patient, Assessments: r.Assessments, Outcomes: r.Outcomes}
	if r.Plan != nil {
		out.Plans = []careplan.Plan{*r.Plan}
	}
	return out
}

// item is one resource of the person as it stands now.
type item struct {
	key  string // "CarePlan/<carehub id>"
	r    fhir.Resource
	hash string
	prev *store.FHIRPublished
}

// publish sends what changed of the person's published resources: new ones created, changed
// ones updated (If-Match the version carehub last saw), ones no longer part of the plan
// deleted, all in one transaction.
func (p *person) publish(ctx context.Context, rs []fhir.Resource, res *Result) error {
	prev := map[string]*store.FHIRPublished{}
	for i := range p.pub.Resources {
		prev[p.pub.Resources[i].Key] = &p.pub.Resources[i]
	}
	current := map[string]bool{}
	var changed, all []*item
	for _, r := range rs {
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(raw)
		it := &item{key: r.ResourceType() + "/" + r.ResourceID(), r: r, hash: hex.EncodeToString(sum[:16])}
		it.prev = prev[it.key]
		current[it.key] = true
		all = append(all, it)
		if it.prev == nil || it.prev.Hash != it.hash {
			changed = append(changed, it)
		}
	}
	var removed []store.FHIRPublished
	for _, pr := range p.pub.Resources {
		if !current[pr.Key] {
			removed = append(removed, pr)
		}
	}
	state := store.PublishedState
	if !p.rec.Patient.Status.Open() {
		state = store.ClosedState
	}
	if len(changed) == 0 && len(removed) == 0 && p.had && p.pub.State == state {
		res.Unchanged++
		return nil
	}
	if err := p.lookUp(ctx, changed); err != nil {
		return err
	}
	tx := p.transaction(all, changed, removed)
	if len(tx.entries) == 0 {
		res.Unchanged++
		return p.save(all, nil, nil, state, "nothing to send")
	}
	results, err := p.send(ctx, tx)
	if err != nil {
		if errors.Is(err, ErrConflict) {
			res.Conflicts++
		}
		return err
	}
	res.Resources += len(tx.entries)
	switch {
	case !p.had || p.pub.State == store.RetractedState:
		res.Published++
	case state == store.ClosedState && p.pub.State != store.ClosedState:
		res.Closed++
	default:
		res.Updated++
	}
	return p.save(all, tx, results, state, fmt.Sprintf("%d created, %d updated, %d deleted", tx.count("POST"), tx.count("PUT"), tx.count("DELETE")))
}

// lookUp finds on the server, by identifier, the changed resources carehub has no server id
// for (the first push, a new goal): a repeat then updates them instead of creating them twice.
// The Patient is looked for first, by NHS number, since the shared record may have had it
// before carehub; when it is not there, nothing of the person can be (everything carehub sends
// refers to the Patient), and the rest need no looking for.
func (p *person) lookUp(ctx context.Context, changed []*item) error {
	var ask []*item
	var patient *item
	for _, it := range changed {
		switch {
		case it.prev != nil:
		case it.r.ResourceType() == "Patient":
			patient = it
		default:
			ask = append(ask, it)
		}
	}
	if patient != nil {
		nhs := patient.r.Identifiers()[0]
		got, err := p.search(ctx, []string{"Patient?identifier=" + url.QueryEscape(nhs.System+"|"+nhs.Value)})
		if err != nil {
			return err
		}
		switch matches := got[0]; len(matches) {
		case 0:
			return nil // a new person: everything is created
		case 1:
			patient.prev = &store.FHIRPublished{Key: patient.key, ServerID: matches[0].ID, Version: matches[0].Version}
			p.pub.OwnsPatient = slices.Contains(matches[0].Identifiers, p.opt.Codes.IdentifierSystem+"|"+patient.r.ResourceID())
		default:
			return fmt.Errorf("%d Patients on the server have this NHS number; carehub will not guess which is this person", len(matches))
		}
	}
	keys := make([]string, len(ask))
	for i, it := range ask {
		keys[i] = it.key
	}
	onServer, err := p.findByIdentifier(ctx, keys)
	if err != nil {
		return err
	}
	for _, it := range ask {
		if f, ok := onServer[it.key]; ok {
			it.prev = &store.FHIRPublished{Key: it.key, ServerID: f.ID, Version: f.Version}
		}
	}
	return nil
}

// findByIdentifier looks resources up by carehub's identifier, one search per resource type
// (identifier=a,b,c), and returns what was found by key.
func (p *person) findByIdentifier(ctx context.Context, keys []string) (map[string]found, error) {
	byType := map[string][]string{}
	var types []string
	for _, k := range keys {
		typ, id, _ := cutKey(k)
		if byType[typ] == nil {
			types = append(types, typ)
		}
		byType[typ] = append(byType[typ], id)
	}
	if len(types) == 0 {
		return nil, nil
	}
	sys := p.opt.Codes.IdentifierSystem
	queries := make([]string, len(types))
	for i, typ := range types {
		values := make([]string, len(byType[typ]))
		for j, id := range byType[typ] {
			values[j] = url.QueryEscape(sys + "|" + id)
		}
		queries[i] = typ + "?_count=1000&identifier=" + strings.Join(values, ",")
	}
	got, err := p.search(ctx, queries)
	if err != nil {
		return nil, err
	}
	out := map[string]found{}
	for i, typ := range types {
		for _, f := range got[i] {
			for _, ident := range f.Identifiers {
				id, ok := strings.CutPrefix(ident, sys+"|")
				if !ok || !slices.Contains(byType[typ], id) {
					continue
				}
				key := typ + "/" + id
				if prev, dup := out[key]; dup && prev.ID != f.ID {
					return nil, fmt.Errorf("two %s resources on the server carry carehub's identifier %s", typ, id)
				}
				out[key] = f
			}
		}
	}
	return out, nil
}

// search runs searches as one batch and returns each one's matches.
func (p *person) search(ctx context.Context, queries []string) ([][]found, error) {
	type req struct {
		Method string `json:"method"`
		URL    string `json:"url"`
	}
	type entry struct {
		Request req `json:"request"`
	}
	b := struct {
		ResourceType string  `json:"resourceType"`
		Type         string  `json:"type"`
		Entry        []entry `json:"entry"`
	}{ResourceType: "Bundle", Type: "batch"}
	for _, q := range queries {
		b.Entry = append(b.Entry, entry{req{http.MethodGet, q}})
	}
	raw, err := json.Marshal(b)
	if err != nil {
		return nil, err
	}
	answer, err := p.opt.Client.Post(ctx, raw, true)
	if err != nil {
		return nil, p.failed("looking up what carehub published before", err)
	}
	return parseSearchBatch(answer, len(queries))
}

// failed turns a server's answer into why the person was not published (Push names them).
func (p *person) failed(doing string, err error) error {
	var se *ServerError
	switch {
	case errors.As(err, &se) && se.Status == http.StatusPreconditionFailed:
		return fmt.Errorf("%w (%s)", ErrConflict, se.Message)
	case errors.Is(err, ErrUnreachable):
		return err
	}
	return fmt.Errorf("%s: %v", doing, err)
}
