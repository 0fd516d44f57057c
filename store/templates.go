package store

import (
	"errors"
	"sort"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan"
)

// ErrBuiltInTemplate is returned when a built-in template is saved: they are kept as data in
// carehub, so every hub starts with the same ones, and a hub saves its own copy instead.
var ErrBuiltInTemplate = errors.New("a built-in template cannot be changed: save it under a new name")

// SaveTemplate creates or updates one of the hub's own plan templates. A template without an
// id gets a new one. Built-in templates live in careplan as data and are never stored.
func (s *Store) SaveTemplate(t *careplan.Template) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if t.BuiltIn {
		return ErrBuiltInTemplate
	}
	return withNewID(&t.ID, func() error {
		return s.update(func(w *writer) error {
			id, err := parseID(t.ID)
			if err != nil {
				return err
			}
			_, err = w.putRecord(record{kind: KindTemplate, id: id, body: t, note: auditNote{detail: t.Name}})
			return err
		})
	})
}

// Templates returns the hub's own plan templates, sorted by name.
func (s *Store) Templates() ([]careplan.Template, error) {
	var out []careplan.Template
	err := s.view(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindTemplate, func(e envelope) error {
			var t careplan.Template
			if err := unmarshalBody(e, &t); err != nil {
				return err
			}
			out = append(out, t)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// SaveService creates or updates an entry in the hub's directory of community services.
func (s *Store) SaveService(c *careplan.Service) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return withNewID(&c.ID, func() error {
		return s.update(func(w *writer) error {
			id, err := parseID(c.ID)
			if err != nil {
				return err
			}
			_, err = w.putRecord(record{kind: KindService, id: id, body: c, note: auditNote{detail: c.Name}})
			return err
		})
	})
}

// Services returns the hub's directory of community services, sorted by name, withdrawn ones
// included: careplan.OfferedServices leaves them out.
func (s *Store) Services() ([]careplan.Service, error) {
	var out []careplan.Service
	err := s.view(func(tx *bolt.Tx) error {
		return forEachRecord(tx, s.keys, KindService, func(e envelope) error {
			var c careplan.Service
			if err := unmarshalBody(e, &c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}
