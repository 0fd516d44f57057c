package store

import (
	"encoding/json"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
	"carehub/careplan/demo"
	"carehub/store/recordjson"
)

// Every live record of every kind in a demo hub's store takes recordjson's fast path, and
// decodeBody gives exactly encoding/json's value for it. The fast path is required, not just
// allowed: a decodeBody that always fell back would be correct but leave issue 19 where it
// was, and a kind it does not know would show up here.
func TestStoredDemoBodiesDecodeFastAsEncodingJSONDoes(t *testing.T) {
	s, c := newTestStore(t)
	fillDemoHub(t, s, careplan.DateOf(c.Now()), 40)
	counts := map[Kind]int{}
	err := s.view(func(tx *bolt.Tx) error {
		for _, k := range []Kind{KindPatient, KindPlan, KindAssessment, KindOutcome, KindContact,
			KindStaff, KindTemplate, KindService} {
			if err := eachLiveBody(tx, s.keys, k, func(body []byte) {
				counts[k]++
				fastSameAsJSON(t, k, body)
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []Kind{KindPatient, KindPlan, KindAssessment, KindOutcome, KindContact, KindStaff, KindTemplate, KindService} {
		if counts[k] == 0 {
			t.Errorf("the demo hub stored no %s to decode", k)
		}
	}
}

// fastSameAsJSON fails t unless body of kind k takes the fast path and decodeBody's value is
// json.Unmarshal's.
func fastSameAsJSON(t *testing.T, k Kind, body []byte) {
	t.Helper()
	if !recordjson.Decode(body, newBody(k)) {
		t.Errorf("%s: the fast path refused %s", k, body)
	}
	got, want := newBody(k), newBody(k)
	if err := decodeBody(body, got); err != nil {
		t.Errorf("%s: %v", k, err)
	}
	if err := json.Unmarshal(body, want); err != nil {
		t.Errorf("%s: %v", k, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: decodeBody gives\n%#v\nencoding/json\n%#v", k, got, want)
	}
}

// eachLiveBody calls fn with the body of every record of kind k that is not deleted.
func eachLiveBody(tx *bolt.Tx, keys *keys, k Kind, fn func(body []byte)) error {
	b, err := bucket(tx, bucketOfKind(k))
	if err != nil {
		return err
	}
	return b.ForEach(func(_, v []byte) error {
		e, err := openEnvelope(keys, v)
		if err != nil {
			return err
		}
		if !e.deleted {
			fn(e.body)
		}
		return nil
	})
}

// fillDemoHub saves a demo hub's staff, people (with their plans, PAM, outcomes and
// contacts), a template of its own and its services directory, as the demo loader does.
func fillDemoHub(t *testing.T, s *Store, today careplan.Date, people int) {
	t.Helper()
	g := demo.New(11, today)
	err := s.Import(func(b *Batch) error {
		for _, m := range g.Staff() {
			if err := b.SaveStaff(&m); err != nil {
				return err
			}
		}
		for range people {
			if err := b.SavePerson(g.Next()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tpl := careplan.BuiltInTemplates()[0]
	tpl.ID, tpl.BuiltIn, tpl.Name = "", false, "Our falls pathway"
	if err := s.SaveTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	for _, c := range demo.Services() {
		if err := s.SaveService(&c); err != nil {
			t.Fatal(err)
		}
	}
}
